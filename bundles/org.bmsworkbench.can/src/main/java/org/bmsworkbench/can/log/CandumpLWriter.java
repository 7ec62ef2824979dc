package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Writes {@code candump -L} lines: {@code (1600000000.500000) can0 356#C014850CD700}, ids as 3
 * or 8 upper-case hex digits, remote frames as {@code ID#R} or {@code ID#R<dlc>}, error
 * frames with the {@code 0x20000000} flag in an 8-digit id, a sent frame ({@link Direction#TX})
 * followed by {@code T} as candump {@code -x} marks it, CAN FD frames as {@code ID##<flags><data>}
 * (flags {@code CANFD_BRS} 0x1 and {@code CANFD_ESI} 0x2). A frame without a timestamp is
 * written at time 0.000000.
 */
final class CandumpLWriter implements CanLogWriter {
    private final AsciiSink out;
    private long written;
    private boolean closed;

    CandumpLWriter(AsciiSink out) {
        this.out = out;
    }

    @Override
    public void write(CanFrame frame) throws IOException {
        if (closed) {
            throw new IOException("the log writer is closed");
        }
        SerialTraceWriter.refuseChunk(frame, "candump -L");
        long time = frame.hasTimestamp() ? frame.timestampMicros() : 0;
        if (time < 0) {
            throw new IllegalArgumentException("candump -L cannot hold a time before 1970: " + time + " µs");
        }
        String bus = frame.bus();
        checkBusName(bus);
        out.put('(').decimal(time / 1_000_000L).put('.').decimal(time % 1_000_000L, 6).put(')').put(' ');
        out.put(bus).put(' ');
        if (frame.error()) {
            out.hex(frame.id() | CandumpSyntax.CAN_ERR_FLAG, 8);
        } else {
            out.hex(frame.id(), frame.extended() ? 8 : 3);
        }
        out.put('#');
        if (frame.fd()) {
            out.put('#').hex((frame.brs() ? CandumpSyntax.CANFD_BRS : 0) | (frame.esi() ? CandumpSyntax.CANFD_ESI : 0), 1);
            for (int i = 0, n = frame.length(); i < n; i++) {
                out.hex(frame.u8(i), 2);
            }
        } else if (frame.remote()) {
            out.put('R');
            if (frame.dlc() != 0) {
                out.decimal(frame.dlc());
            }
        } else {
            for (int i = 0, n = frame.length(); i < n; i++) {
                out.hex(frame.u8(i), 2);
            }
        }
        if (frame.direction() == Direction.TX) {
            out.put(' ').put('T');
        }
        out.put('\n');
        written++;
    }

    static void checkBusName(String bus) {
        if (bus.isEmpty()) {
            throw new IllegalArgumentException("a frame with an empty bus name cannot be logged");
        }
        for (int i = 0; i < bus.length(); i++) {
            char c = bus.charAt(i);
            if (Character.isWhitespace(c) || c < ' ') {
                throw new IllegalArgumentException("bus name '" + bus + "' contains white space");
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public LogFormat format() {
        return LogFormat.CANDUMP_L;
    }

    @Override
    public long framesWritten() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
