package org.bmsworkbench.ui.frames.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;

/** The cells of a frame row, and frames as candump {@code -L} text. Plain Java, no SWT. */
final class FrameText {
    static final String[] COLUMNS = {"Time", "Dir", "Bus", "ID", "DLC", "Data", "PGN", "Message", "Protocol"};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final ZoneId zone;

    FrameText(ZoneId zone) {
        this.zone = zone;
    }

    String[] cells(FrameRow r) {
        CanFrame f = r.frame;
        String protocol = r.protocol();
        return new String[] {time(f), f.direction().name(), f.bus(), id(f), dlc(f), data(f), pgn(f), r.messageText(),
            protocol == null ? "" : protocol};
    }

    /**
     * {@code 8}, {@code R4} for a remote frame, {@code 64 FD} for a CAN FD frame ({@code 64 FD BRS},
     * {@code ESI} as set); the number of bytes of a chunk of a serial line.
     */
    static String dlc(CanFrame f) {
        if (f.remote()) {
            return "R" + f.dlc();
        }
        if (f.fd()) {
            return f.dlc() + " FD" + (f.brs() ? " BRS" : "") + (f.esi() ? " ESI" : "");
        }
        return Integer.toString(f.dlc());
    }

    String time(CanFrame f) {
        if (!f.hasTimestamp()) {
            return "";
        }
        long micros = f.timestampMicros();
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
                .atZone(zone));
    }

    /** {@code 351}, or {@code 1CEFFF50 x} for a 29-bit id; empty for a chunk of a serial line, which has none. */
    static String id(CanFrame f) {
        if (f.chunk()) {
            return "";
        }
        return f.extended() ? f.idHex() + " x" : f.idHex();
    }

    /** {@code C0 14 85 00}; {@code ERR …} for an error frame, empty for a remote frame. */
    static String data(CanFrame f) {
        int n = f.length();
        char[] c = new char[Math.max(0, n * 3 - 1)];
        for (int i = 0; i < n; i++) {
            int b = f.u8(i);
            c[i * 3] = HEX[b >>> 4];
            c[i * 3 + 1] = HEX[b & 15];
            if (i < n - 1) {
                c[i * 3 + 2] = ' ';
            }
        }
        return f.error() ? "ERR " + new String(c) : new String(c);
    }

    /** The PGN of a 29-bit id in decimal with its hex, e.g. {@code 127508 (1F214)}; empty for 11-bit. */
    static String pgn(CanFrame f) {
        if (!f.extended() || f.error()) {
            return "";
        }
        int pgn = J1939Id.parse(f.id()).pgn();
        return pgn + " (" + Integer.toHexString(pgn).toUpperCase(java.util.Locale.ROOT) + ")";
    }

    /**
     * The frames as candump {@code -L} lines, as {@code candump -L} (and the workbench's recorder) write
     * them; chunks of a serial line as serial trace lines ({@code (1600000000.052311) ttyUSB0 rx DD03…}).
     */
    static String candump(List<CanFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        while (from < frames.size()) {
            boolean chunks = frames.get(from).chunk();
            int to = from;
            while (to < frames.size() && frames.get(to).chunk() == chunks) {
                to++;
            }
            try (CanLogWriter w = CanLogs.writer(out, chunks ? LogFormat.SERIAL_TRACE : LogFormat.CANDUMP_L)) {
                for (CanFrame f : frames.subList(from, to)) {
                    w.write(f);
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory failed: " + e, e);
            }
            from = to;
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
