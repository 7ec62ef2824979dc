package org.bmsworkbench.protocol.nmea2000.internal;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec;

/** One connection's NMEA 2000 state: fast-packet reassembly per (source, PGN), sequence counters for sending. */
final class Nmea2000Session implements ProtocolSession {
    private final Nmea2000Codec codec;
    private final FastPacketAssembler assembler = new FastPacketAssembler();
    private final FastPacketEncoder encoder = new FastPacketEncoder();

    Nmea2000Session(Nmea2000Codec codec) {
        this.codec = codec;
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return codec.decode(frame, assembler);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return codec.encode(message, signals, bus, timestampMicros, encoder);
    }
}
