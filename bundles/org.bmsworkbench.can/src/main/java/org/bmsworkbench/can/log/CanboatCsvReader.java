package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;

/**
 * Reads canboat's plain CSV, as canboat's {@code actisense-serial} and Actisense tools write
 * NMEA 2000 traffic: one line a whole message, fast packets already joined.
 * <pre>
 * 2016-02-28T19:57:02.364Z,6,127508,4,255,8,01,6a,0a,87,ff,ff,7f,ff
 * 2016-02-28-19:57:02.364,6,127506,40,255,9,00,0a,00,64,00,7f,05,ff,ff
 * </pre>
 * Fields: time, priority, PGN, source, destination, length, then the bytes in hex. The time is
 * {@code yyyy-mm-ddThh:mm:ss[.fff][Z]} or canboat's older {@code yyyy-mm-dd-hh:mm:ss[.fff]}, both
 * read as UTC. Each message is turned back into the CAN frames that carried it, so that it
 * decodes as a frame-level log does: a message of up to 8 bytes is one frame; a longer one is
 * split into NMEA 2000 fast-packet frames (frame 0: sequence and frame counter, length, 6 bytes;
 * then 7 bytes a frame; the last padded with 0xFF), the 3-bit sequence counter counting up per
 * PGN and source from 0, at most 223 bytes; a longer one (up to 1785 bytes) as the ISO transport
 * protocol broadcasts it (TP.CM BAM, then TP.DT frames). The 29-bit ID is priority, PGN and source;
 * a PDU1 PGN (PDU format below 240) carries the destination in its low byte. All frames of a
 * message have its time, and are on bus {@code can0}. PGNs above 262143 (0x3FFFF) are canboat's
 * numbers for the gateway's own messages, which never were on the bus: skipped.
 */
final class CanboatCsvReader extends LineLogReader {
    static final String BUS = "can0";
    /** The longest fast-packet payload: 6 bytes in frame 0 and 7 in each of frames 1 to 31. */
    static final int MAX_FAST_PACKET = 223;
    /** The longest message of the ISO transport protocol: 255 packets of 7 bytes. */
    static final int MAX_TRANSPORT = 1785;
    private static final int TP_CM = 0xEC00;
    private static final int TP_DT = 0xEB00;

    private final byte[] payload = new byte[MAX_TRANSPORT];
    private final ArrayDeque<CanFrame> queued = new ArrayDeque<>();
    private final Map<Integer, Integer> sequences = new HashMap<>();
    private final byte[] lastDate = new byte[10];
    private long lastEpochDay = Long.MIN_VALUE;
    private final int[] fields = new int[7];

    CanboatCsvReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.CANBOAT_CSV;
    }

    @Override
    CanFrame pending() {
        return queued.poll();
    }

    @Override
    CanFrame parse(byte[] b, int start, int end) throws LogParseException {
        if (Ascii.isBlankOrComment(b, start, end)) {
            return null;
        }
        int q = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, q, end);
        // the six leading fields
        int[] f = fields;
        f[0] = q;
        int n = 1;
        for (int i = q; i < end && n < 7; i++) {
            if (b[i] == ',') {
                f[n++] = i + 1;
            }
        }
        if (n < 7) {
            throw fault("expected time,priority,PGN,source,destination,length,bytes…: only " + n
                    + (n == 1 ? " field" : " fields"));
        }
        long time = time(b, f[0], f[1] - 1);
        int priority = (int) number(b, f[1], f[2] - 1, "priority", 7);
        long pgnValue = number(b, f[2], f[3] - 1, "PGN", Integer.MAX_VALUE);
        if (pgnValue > 0x3FFFF) {
            return null; // canboat's numbers for the gateway's own messages (Actisense BEM, …): never on the bus
        }
        int pgn = (int) pgnValue;
        int sourceAddress = (int) number(b, f[3], f[4] - 1, "source", 255);
        int destination = (int) number(b, f[4], f[5] - 1, "destination", 255);
        int length = (int) number(b, f[5], f[6] - 1, "length", MAX_TRANSPORT);
        int count = 0;
        int p = f[6];
        while (p <= end) {
            int comma = p;
            while (comma < end && b[comma] != ',') {
                comma++;
            }
            int a = Ascii.skipSpaces(b, p, comma);
            int z = Ascii.trimEnd(b, a, comma);
            if (z - a == 0 && comma == end && count == length) {
                break; // a trailing comma
            }
            int hi = z - a == 2 ? HEX_VALUE[b[a] & 0xFF] : -1;
            int lo = z - a == 2 ? HEX_VALUE[b[a + 1] & 0xFF] : -1;
            if (hi < 0 || lo < 0) {
                throw fault("data byte '" + Ascii.text(b, a, z) + "' is not two hex digits");
            }
            if (count == length) {
                throw fault("length " + length + " but more data bytes");
            }
            payload[count++] = (byte) (hi << 4 | lo);
            p = comma + 1;
        }
        if (count != length) {
            throw fault("length " + length + " but " + CandumpSyntax.dataBytes(count));
        }
        int pduFormat = pgn >>> 8 & 0xFF;
        if (pduFormat < 240 && (pgn & 0xFF) != 0) {
            throw fault("PGN " + pgn + " is addressed (PDU format " + pduFormat + " < 240) but its low byte is not 0");
        }
        int id = priority << 26 | (pduFormat < 240 ? (pgn & 0x3FF00) | destination : pgn) << 8 | sourceAddress;
        if (length <= 8) {
            return CanFrame.wrap(time, BUS, id, true, Arrays.copyOf(payload, length));
        }
        if (length > MAX_FAST_PACKET) {
            return broadcast(time, pgn, sourceAddress, length);
        }
        int key = pgn << 8 | sourceAddress;
        int sequence = sequences.getOrDefault(key, 0);
        sequences.put(key, (sequence + 1) & 7);
        CanFrame first = null;
        for (int offset = 0, index = 0; offset < length; index++) {
            byte[] frame = new byte[8];
            Arrays.fill(frame, (byte) 0xFF);
            frame[0] = (byte) (sequence << 5 | index);
            int take;
            if (index == 0) {
                frame[1] = (byte) length;
                take = Math.min(6, length);
                System.arraycopy(payload, 0, frame, 2, take);
            } else {
                take = Math.min(7, length - offset);
                System.arraycopy(payload, offset, frame, 1, take);
            }
            offset += take;
            CanFrame c = CanFrame.wrap(time, BUS, id, true, frame);
            if (first == null) {
                first = c;
            } else {
                queued.add(c);
            }
        }
        return first;
    }

    /**
     * A message longer than a fast packet as the ISO transport protocol broadcasts it (ISO 11783-3,
     * J1939-21 BAM): a TP.CM frame (PGN 60416 to 255: control 32, size, packets, 0xFF, the PGN),
     * then TP.DT frames (PGN 60160 to 255: sequence number from 1, 7 bytes, the last padded with 0xFF),
     * all at priority 7.
     */
    private CanFrame broadcast(long time, int pgn, int sourceAddress, int length) {
        int packets = (length + 6) / 7;
        byte[] announce = {32, (byte) length, (byte) (length >>> 8), (byte) packets, (byte) 0xFF, (byte) pgn,
            (byte) (pgn >>> 8), (byte) (pgn >>> 16)};
        for (int k = 0; k < packets; k++) {
            byte[] frame = new byte[8];
            Arrays.fill(frame, (byte) 0xFF);
            frame[0] = (byte) (k + 1);
            System.arraycopy(payload, k * 7, frame, 1, Math.min(7, length - k * 7));
            queued.add(CanFrame.wrap(time, BUS, 7 << 26 | (TP_DT | 0xFF) << 8 | sourceAddress, true, frame));
        }
        return CanFrame.wrap(time, BUS, 7 << 26 | (TP_CM | 0xFF) << 8 | sourceAddress, true, announce);
    }

    private long number(byte[] b, int from, int to, String what, long max) throws LogParseException {
        int a = Ascii.skipSpaces(b, from, to);
        int z = Ascii.trimEnd(b, a, to);
        long v = 0;
        for (int i = a; i < z; i++) {
            if (!isDigit(b[i]) || v > max) {
                throw fault("bad " + what + " '" + Ascii.text(b, a, z) + "'");
            }
            v = v * 10 + (b[i] - '0');
        }
        if (a == z) {
            throw fault("missing " + what);
        }
        if (v > max) {
            throw fault(what + " " + v + " is more than " + max);
        }
        return v;
    }

    /** {@code yyyy-mm-ddThh:mm:ss[.f][Z]} or {@code yyyy-mm-dd-hh:mm:ss[.f]}, UTC, as microseconds. */
    private long time(byte[] b, int from, int to) throws LogParseException {
        int end = to > from && b[to - 1] == 'Z' ? to - 1 : to;
        // 0123456789012345678
        // yyyy-mm-ddThh:mm:ss
        if (end - from < 19 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != '-')
                || b[from + 13] != ':' || b[from + 16] != ':' || !digitsAt(b, from, 4) || !digitsAt(b, from + 5, 2)
                || !digitsAt(b, from + 8, 2) || !digitsAt(b, from + 11, 2) || !digitsAt(b, from + 14, 2)
                || !digitsAt(b, from + 17, 2)
                || end - from > 19 && (b[from + 19] != '.' || end - from == 20 || end - from > 29
                        || !digitsAt(b, from + 20, end - from - 20))) {
            throw fault("bad time '" + Ascii.text(b, from, to) + "': yyyy-mm-ddThh:mm:ss.fffZ expected");
        }
        long epochDay;
        if (lastEpochDay != Long.MIN_VALUE && Arrays.equals(lastDate, 0, 10, b, from, from + 10)) {
            epochDay = lastEpochDay;
        } else {
            try {
                epochDay = LocalDate.of(value(b, from, 4), value(b, from + 5, 2), value(b, from + 8, 2)).toEpochDay();
            } catch (DateTimeException e) {
                throw fault("bad time '" + Ascii.text(b, from, to) + "': " + e.getMessage());
            }
            System.arraycopy(b, from, lastDate, 0, 10);
            lastEpochDay = epochDay;
        }
        int hours = value(b, from + 11, 2);
        int minutes = value(b, from + 14, 2);
        int seconds = value(b, from + 17, 2);
        if (hours > 23 || minutes > 59 || seconds > 60) {
            throw fault("bad time '" + Ascii.text(b, from, to) + "'");
        }
        long micros = 0;
        int n = 0;
        for (int i = from + 20; i < end; i++, n++) {
            if (n < 6) {
                micros = micros * 10 + (b[i] - '0');
            }
        }
        for (; n < 6; n++) {
            micros *= 10;
        }
        return ((epochDay * 24 + hours) * 60 + minutes) * 60_000_000L + seconds * 1_000_000L + micros;
    }

    private static boolean digitsAt(byte[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int value(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
