package org.bmsworkbench.protocol.daly.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.daly.codec.DalyCodec;
import org.bmsworkbench.protocol.daly.codec.DalyDecoder;
import org.bmsworkbench.protocol.daly.codec.DalyEncoder;

/**
 * One Daly BMS on one connection: the decoder's state (unfinished frames, counts, current sign)
 * and the poll cycle. {@link #encode} sends UART chunks unless {@code daly.can} is true.
 */
final class DalySession implements ProtocolSession {
    /** Key of {@link #encode}: true for CAN frames instead of UART chunks. */
    static final String CAN_KEY = "daly.can";

    /**
     * The poll cycle. 0x93 comes before 0x90 so that the current's first pairing with a charge
     * state is made on the 0x90 it belongs to (see {@code CurrentSign}); 0x94 before 0x95, 0x96,
     * 0x97 so that the counts are known. The live poller sends the next request once the first
     * answer is decoded, so the replies of several frames come last: 0x96 (one frame for up to 7
     * sensors), then 0x95 (one frame per 3 cells), whose later frames arrive in the pause before
     * the next cycle instead of under the next request.
     */
    static final List<Integer> CYCLE = List.of(DalyCodec.MOSFET_STATUS, DalyCodec.SOC, DalyCodec.CELL_VOLTAGE_RANGE,
            DalyCodec.TEMPERATURE_RANGE, DalyCodec.STATUS_INFO, DalyCodec.CELL_BALANCE, DalyCodec.FAILURE_CODES,
            DalyCodec.CELL_TEMPERATURES, DalyCodec.CELL_VOLTAGES);

    private final DalyDecoder decoder = new DalyDecoder();

    DalyDecoder decoder() {
        return decoder;
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return decoder.decode(frame);
    }

    @Override
    public List<DecodedMessage> decodeAll(CanFrame frame) throws MalformedFrameException {
        return decoder.decodeAll(frame);
    }

    /** The requests of {@link #CYCLE}: UART chunks from the host 0x40 on a byte stream, CAN frames {@code 0x18<id>0140} on a bus. */
    @Override
    public List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
        List<CanFrame> requests = new ArrayList<>(CYCLE.size());
        for (int id : CYCLE) {
            requests.add(DalyCodec.request(id, byteStream, bus, timestampMicros));
        }
        return List.copyOf(requests);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        boolean can = Boolean.TRUE.equals(signals.get(CAN_KEY));
        return DalyEncoder.encode(message, signals, !can, bus, timestampMicros);
    }
}
