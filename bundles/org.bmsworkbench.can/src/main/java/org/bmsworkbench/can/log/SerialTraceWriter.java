package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Writes a serial trace, a {@linkplain CanFrame#chunk() chunk} a line:
 * {@code (1600000000.052311) ttyUSB0 rx DD03001D77} (the port is the chunk's bus, {@code rx} or
 * {@code tx} its direction, its bytes in upper-case hex). A chunk without a timestamp is written at
 * time 0.000000. A CAN frame is refused: a serial trace holds byte streams only.
 */
final class SerialTraceWriter implements CanLogWriter {
    private final AsciiSink out;
    private long written;
    private boolean closed;

    SerialTraceWriter(AsciiSink out) {
        this.out = out;
    }

    @Override
    public void write(CanFrame frame) throws IOException {
        if (closed) {
            throw new IOException("the log writer is closed");
        }
        if (!frame.chunk()) {
            throw new IllegalArgumentException("a serial trace holds bytes of a serial line, not CAN frames;"
                    + " record a CAN connection to a candump -L, ASC, TRC or BLF log");
        }
        long time = frame.hasTimestamp() ? frame.timestampMicros() : 0;
        if (time < 0) {
            throw new IllegalArgumentException("a serial trace cannot hold a time before 1970: " + time + " µs");
        }
        CandumpLWriter.checkBusName(frame.bus());
        out.put('(').decimal(time / 1_000_000L).put('.').decimal(time % 1_000_000L, 6).put(')').put(' ');
        out.put(frame.bus()).put(' ').put(frame.direction() == Direction.TX ? "tx " : "rx ");
        for (int i = 0, n = frame.length(); i < n; i++) {
            out.hex(frame.u8(i), 2);
        }
        out.put('\n');
        written++;
    }

    /**
     * Refuses a chunk of a byte stream in a CAN log (it has no CAN id; written as one it would be
     * garbage).
     *
     * @param format the CAN log format, as the message names it
     */
    static void refuseChunk(CanFrame frame, String format) {
        if (frame.chunk()) {
            throw new IllegalArgumentException("bytes of the serial line " + frame.bus()
                    + " are no CAN frame and cannot be written to a " + format + " log; write a serial trace (.log)");
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public LogFormat format() {
        return LogFormat.SERIAL_TRACE;
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
