package org.bmsworkbench.protocol.nmea2000.internal;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryRecord;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec;
import org.bmsworkbench.protocol.nmea2000.codec.SourceIdentities;

/**
 * One connection's NMEA 2000 state: fast-packet reassembly per (source, PGN), sequence counters for
 * sending, and which source is the MG Master LV ({@link SourceIdentities}), learnt from every frame.
 * Both ways of decoding read a frame into one reused {@link BatteryRecord}: {@link #decode} makes a
 * message of it, {@link #decodeTo} sends it to a sink without an object a frame.
 */
final class Nmea2000Session implements MultiDeviceSession {
    private final Nmea2000Codec codec;
    private final FastPacketAssembler assembler = new FastPacketAssembler();
    private final FastPacketEncoder encoder = new FastPacketEncoder();
    private final SourceIdentities identities = new SourceIdentities();
    private final BatteryRecord record;
    /** Asked for each 127508/127506 frame; made once, not a method reference a frame. */
    private final IntPredicate mgMasterLv = identities::isMgMasterLv;

    Nmea2000Session(Nmea2000Codec codec) {
        this.codec = codec;
        this.record = codec.newRecord();
    }

    /**
     * Learns from the frame first (address claims and VREG traffic are not printed: null, so the
     * VREG companion still decodes 0xEF00), then decodes 127508 and 127506 with the MG meaning only
     * for the source identified as the MG Master LV.
     */
    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return read(frame) ? record.toMessage(frame) : null;
    }

    /** {@link #decode} into {@code sink}: the same message, signals and order, and no object a frame. */
    @Override
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        if (!read(frame)) {
            return false;
        }
        record.sendTo(frame, sink);
        return true;
    }

    private boolean read(FrameView frame) throws MalformedFrameException {
        identities.accept(frame);
        return codec.decode(frame, assembler, mgMasterLv, record);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return codec.encode(message, signals, bus, timestampMicros, encoder);
    }

    @Override
    public List<BatterySource> batterySources() {
        return identities.batterySources();
    }

    @Override
    public long sourcesVersion() {
        return identities.version();
    }

    @Override
    public void designate(int address) {
        identities.designate(address);
    }

    /** The identities this session keeps (for tests). */
    SourceIdentities identities() {
        return identities;
    }
}
