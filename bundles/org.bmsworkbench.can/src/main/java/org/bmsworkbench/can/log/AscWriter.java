package org.bmsworkbench.can.log;

import java.io.IOException;
import java.time.Clock;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Writes Vector ASCII logs. The measurement starts at the first frame's time cut to whole
 * milliseconds (the precision of the ASC date); the header is written with that frame.
 * Offsets are absolute, in hex, with microseconds. Bus {@code canN} is channel N+1 when that
 * number is still free; any other bus takes the lowest free channel at its first frame.
 * A frame without a timestamp is written at the offset of the frame before it.
 */
final class AscWriter implements CanLogWriter {
    static final int MAX_CHANNEL = 9999;
    private static final int ID_WIDTH = 15;
    /** Flags of a CANFD line: extended data length (a CAN FD frame), bit rate switch, error state indicator. */
    static final int FD_EDL = 0x1000;
    static final int FD_BRS = 0x2000;
    static final int FD_ESI = 0x4000;
    /** Flag of a CANFD line: a remote frame. */
    static final int FD_RTR = 0x0010;

    private final AsciiSink out;
    private final Clock clock;
    private final ChannelNumbers channels = new ChannelNumbers(MAX_CHANNEL, "ASC log");
    private boolean started;
    private long startMicros;
    private long lastOffset;
    private long written;
    private boolean closed;

    AscWriter(AsciiSink out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void write(CanFrame frame) throws IOException {
        if (closed) {
            throw new IOException("the log writer is closed");
        }
        SerialTraceWriter.refuseChunk(frame, "Vector ASC");
        int channel = channel(frame.bus());
        if (!started) {
            start(frame.hasTimestamp() ? frame.timestampMicros() : 0);
        }
        long offset = frame.hasTimestamp() ? frame.timestampMicros() - startMicros : lastOffset;
        lastOffset = offset;
        time(offset);
        if (frame.fd()) {
            fdFrame(frame, channel);
            written++;
            return;
        }
        out.put(' ').decimal(channel).put(' ').put(' ');
        if (frame.error()) {
            out.put("ErrorFrame").put('\n');
            written++;
            return;
        }
        int width = frame.extended() ? 1 : 0;
        long id = frame.id();
        int digits = 1;
        while (digits < 8 && (id >>> (4 * digits)) != 0) {
            digits++;
        }
        width += digits;
        out.hex(id, digits);
        if (frame.extended()) {
            out.put('x');
        }
        out.spaces(ID_WIDTH - width + 1);
        out.put(frame.direction() == Direction.TX ? "Tx   " : "Rx   ");
        out.put(frame.remote() ? 'r' : 'd').put(' ').hex(frame.dlc(), 1);
        for (int i = 0, n = frame.length(); i < n; i++) {
            out.put(' ').hex(frame.u8(i), 2);
        }
        out.put("  Length = 0 BitCount = 0 ID = ").decimal(id);
        if (frame.extended()) {
            out.put('x');
        }
        out.put('\n');
        written++;
    }

    /**
     * {@code CANFD <channel> Rx|Tx <id> <brs> <esi> <dlc> <length> <data> <duration> <bits> <flags> <crc> …}:
     * message duration, bit count, CRC and bit timings are not known and written as 0; the flags
     * carry EDL (0x1000), BRS (0x2000) and ESI (0x4000).
     */
    private void fdFrame(CanFrame frame, int channel) throws IOException {
        out.put(" CANFD ");
        int channelWidth = AsciiSink.decimalWidth(channel);
        out.spaces(Math.max(0, 3 - channelWidth)).decimal(channel).put(' ');
        out.put(frame.direction() == Direction.TX ? "Tx   " : "Rx   ");
        int digits = 1;
        long id = frame.id();
        while (digits < 8 && (id >>> (4 * digits)) != 0) {
            digits++;
        }
        int width = digits + (frame.extended() ? 1 : 0);
        out.spaces(Math.max(0, 9 - width)).hex(id, digits);
        if (frame.extended()) {
            out.put('x');
        }
        out.put(' ').put(' ');
        out.put(frame.brs() ? '1' : '0').put(' ').put(frame.esi() ? '1' : '0').put(' ');
        out.hex(CanFrame.fdDlcCodeOf(frame.length()), 1).put(' ');
        out.spaces(frame.length() < 10 ? 1 : 0).decimal(frame.length());
        for (int i = 0, n = frame.length(); i < n; i++) {
            out.put(' ').hex(frame.u8(i), 2);
        }
        int flags = FD_EDL | (frame.brs() ? FD_BRS : 0) | (frame.esi() ? FD_ESI : 0);
        out.put("        0    0 ").hex(flags, 8).put("        0        0        0        0        0\n");
    }

    private void start(long firstMicros) throws IOException {
        started = true;
        startMicros = Math.floorDiv(firstMicros, 1000L) * 1000L;
        String date = AscDates.format(startMicros);
        out.put("date ").put(date).put('\n');
        out.put("base hex  timestamps absolute\n");
        out.put("internal events logged\n");
        out.put("// version 9.0.0\n");
        out.put("Begin Triggerblock ").put(date).put('\n');
        time(0);
        out.put(" Start of measurement\n");
    }

    /** Seconds with six decimals, right-aligned in 11 columns: {@code    0.500000}. */
    private void time(long micros) throws IOException {
        boolean negative = micros < 0;
        long abs = Math.abs(micros);
        long seconds = abs / 1_000_000L;
        int width = (negative ? 1 : 0) + AsciiSink.decimalWidth(seconds) + 7;
        out.spaces(11 - width);
        if (negative) {
            out.put('-');
        }
        out.decimal(seconds).put('.').decimal(abs % 1_000_000L, 6);
    }

    private int channel(String bus) {
        return channels.of(bus);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public LogFormat format() {
        return LogFormat.ASC;
    }

    @Override
    public long framesWritten() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!started) {
                start(clock.millis() * 1000L);
            }
            out.put("End TriggerBlock\n");
        } finally {
            out.close();
        }
    }
}
