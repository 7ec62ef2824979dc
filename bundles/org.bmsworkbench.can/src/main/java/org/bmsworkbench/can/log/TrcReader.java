package org.bmsworkbench.can.log;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads PEAK trace files (PCAN-View, PCAN-Explorer, PEAK-Converter), versions 1.0 to 2.1, as
 * PEAK's "PCAN-Trace Format" description lays them out:
 * <pre>
 * ;$FILEVERSION=2.1
 * ;$STARTTIME=44089.5185243056
 * ;$COLUMNS=N,O,T,B,I,d,R,L,D
 *       1        500.000 DT 1      0356 Rx -  6    C0 14 85 0C D7 00
 *       2        600.000 FB 2  19F21450 Tx -  9    00 01 02 03 04 05 06 07 08 09 0A 0B
 *       3        700.000 RR 1      0123 Rx -  4
 * </pre>
 * Lines starting with {@code ;} are the header ({@code $FILEVERSION}, {@code $STARTTIME},
 * {@code $COLUMNS}) or comments. Without {@code $FILEVERSION} a log is version 1.0. Layouts by
 * version ({@code N)} is the message number):
 * <ul>
 * <li>1.0: {@code N) offset ID DLC data|RTR} (id {@code FFFFFFFF} is a bus warning, skipped;
 *     {@code ERROR} after the DLC an error frame);</li>
 * <li>1.1: {@code N) offset Rx|Tx|Warng|Error ID DLC data|RTR};</li>
 * <li>1.2: {@code N) offset bus type ID DLC data|RTR}; 1.3 adds a reserved column after the ID;</li>
 * <li>2.0 and 2.1: the columns {@code $COLUMNS} names (N number, O offset, T type, B bus, I ID,
 *     d direction, R reserved, L DLC code, l length in bytes, D data); message types DT (CAN data
 *     frame), FD (CAN FD), FB (CAN FD with bit rate switch), FE (CAN FD with error state
 *     indicator), BI (CAN FD with both), RR (remote request), ER (error frame); ST (hardware
 *     status), EC (error counter change) and EV (event) carry no frame and are skipped.</li>
 * </ul>
 * Times: {@code $STARTTIME} is days since 1899-12-30 00:00 UTC, fraction included; a frame is at
 * that start (rounded to the microsecond) plus its offset in milliseconds (digits beyond the
 * microsecond dropped). Without {@code $STARTTIME} times are the offsets from 0. Bus N is
 * {@code can<N-1>}, as ASC channels are read; versions without a bus column are on {@code can0}.
 * An ID of up to 4 hex digits is 11-bit, of 5 to 8 digits 29-bit. Error frames say only that
 * one was seen, as in ASC: {@code CanFrame.error(t, bus, 0)}.
 *
 * <p>The {@code ;} lines go to {@link TrcHeader}; a frame line is cut into {@link TrcFields}, which
 * read each field as this reader says it is by version.
 */
final class TrcReader extends ScanningReader {
    static final String VERSIONS = "1.0, 1.1, 1.2, 1.3, 2.0 and 2.1";
    /** Days from 1899-12-30 (the start of PEAK's and Excel's day count) to 1970-01-01. */
    static final int EPOCH_DAY = 25569;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private final TrcHeader header = new TrcHeader(this);
    private final TrcFields fields = new TrcFields(this);
    private String[] busNames = new String[8];
    /** The bus number (1..) of the frame {@link #scan} read. */
    private int bus;

    TrcReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.TRC;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        int q = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, q, end);
        if (q == end) {
            return false;
        }
        if (b[q] == ';') {
            header.line(b, q + 1, end);
            return false;
        }
        if (Ascii.isBlankOrComment(b, q, end)) {
            return false;
        }
        int n = fields.split(b, q, end);
        int version = header.version();
        return version >= 20 ? columnsLine(b, n) : numberedLine(b, n, version);
    }

    /** Versions 1.x: {@code N) offset …}. */
    private boolean numberedLine(byte[] b, int n, int version) throws LogParseException {
        if (!fields.endsWith(b, 0, ')')) {
            throw fault("expected the message number 'N)' of a version " + version / 10 + "." + version % 10
                    + " trace, found '"
                    + fields.text(b, 0) + "'");
        }
        if (n < 2) {
            throw fault("missing time offset");
        }
        long time = header.startMicros() + fields.offset(b, 1);
        int k = 2;
        bus = 1;
        if (version >= 12) {
            bus = fields.bus(b, k++);
        }
        Direction direction = Direction.RX;
        if (version >= 11) {
            fields.need(n, k, "message type");
            if (fields.is(b, k, "Tx")) {
                direction = Direction.TX;
            } else if (fields.is(b, k, "Warng")) {
                return false; // a bus state warning, not a frame
            } else if (fields.is(b, k, "Error")) {
                return foundError(time, AscReader.ERROR_CLASS, 0, Direction.RX);
            } else if (!fields.is(b, k, "Rx")) {
                throw fault("unknown message type '" + fields.text(b, k) + "': Rx, Tx, Warng or Error expected");
            }
            k++;
        }
        fields.need(n, k, "ID");
        int idToken = k++;
        if (version == 10 && fields.is(b, idToken, "FFFFFFFF")) {
            return false; // a bus state warning (BUSLIGHT, BUSHEAVY, BUSOFF)
        }
        if (version >= 13) {
            k++; // reserved
        }
        fields.need(n, k, "data length code");
        int dlc = (int) fields.decimal(b, k++, "data length code", 2);
        if (dlc > 8) {
            throw fault("data length code " + dlc + ", at most 8");
        }
        if (k < n && fields.is(b, k, "ERROR")) {
            return foundError(time, AscReader.ERROR_CLASS, 0, Direction.RX);
        }
        long id = fields.id(b, idToken);
        boolean extended = fields.extended(idToken);
        if (k < n && fields.is(b, k, "RTR")) {
            if (k + 1 < n) {
                throw fault("unexpected text after RTR");
            }
            return foundRemote(time, (int) id, extended, dlc, direction);
        }
        fields.data(b, k, n, dlc, false, dlc, data);
        return found(time, (int) id, extended, dlc, direction);
    }

    /** Versions 2.x: the columns of {@code $COLUMNS}. */
    private boolean columnsLine(byte[] b, int n) throws LogParseException {
        char[] cols = header.columns();
        long time = 0;
        bus = 1;
        int type = -1;
        for (int c = 0; c < cols.length && c < n; c++) {
            char col = cols[c];
            if (col == 'O') {
                time = header.startMicros() + fields.offset(b, c);
            } else if (col == 'B') {
                bus = fields.bus(b, c);
            } else if (col == 'T') {
                type = c;
                break; // from here on, columns may be empty for lines that are no frame
            }
        }
        if (type < 0) {
            throw fault("missing message type");
        }
        boolean fd = false;
        boolean brs = false;
        boolean esi = false;
        boolean remote = false;
        if (fields.is(b, type, "DT")) {
            // classic data frame
        } else if (fields.is(b, type, "FD")) {
            fd = true;
        } else if (fields.is(b, type, "FB")) {
            fd = true;
            brs = true;
        } else if (fields.is(b, type, "FE")) {
            fd = true;
            esi = true;
        } else if (fields.is(b, type, "BI")) {
            fd = true;
            brs = true;
            esi = true;
        } else if (fields.is(b, type, "RR")) {
            remote = true;
        } else if (fields.is(b, type, "ER")) {
            // the bus column comes before the type in every layout PEAK writes
            for (int c = type + 1; c < cols.length && c < n; c++) {
                if (cols[c] == 'B') {
                    bus = fields.bus(b, c);
                }
            }
            return foundError(time, AscReader.ERROR_CLASS, 0, Direction.RX);
        } else if (fields.is(b, type, "ST") || fields.is(b, type, "EC")
                || fields.is(b, type, "EV")) {
            return false; // hardware status, error counter change, event: no frame
        } else {
            throw fault("unknown message type '" + fields.text(b, type)
                    + "': DT, FD, FB, FE, BI, RR, ST, EC, ER or EV expected");
        }
        int idToken = -1;
        int dlc = -1;
        int length = -1;
        Direction direction = Direction.RX;
        int dataToken = n;
        for (int c = type + 1; c < cols.length; c++) {
            char col = cols[c];
            if (col == 'D') {
                dataToken = c;
                break;
            }
            fields.need(n, c, columnName(col));
            switch (col) {
                case 'B' -> bus = fields.bus(b, c);
                case 'I' -> idToken = c;
                case 'd' -> {
                    if (fields.is(b, c, "Tx")) {
                        direction = Direction.TX;
                    } else if (!fields.is(b, c, "Rx")) {
                        throw fault("direction '" + fields.text(b, c) + "': Rx or Tx expected");
                    }
                }
                case 'L' -> dlc = (int) fields.decimal(b, c, "data length code", 2);
                case 'l' -> length = (int) fields.decimal(b, c, "data length", 2);
                default -> {
                    // N, R: nothing to take
                }
            }
        }
        if (idToken < 0) {
            throw fault("missing ID");
        }
        long id = fields.id(b, idToken);
        boolean extended = fields.extended(idToken);
        if (dlc > 15) {
            throw fault("data length code " + dlc + ", at most 15");
        }
        if (remote) {
            int requested = dlc >= 0 ? dlc : length;
            if (requested > 8) {
                throw fault("remote request for " + requested + " bytes, at most 8");
            }
            if (dataToken < n) {
                throw fault("data after a remote request");
            }
            return foundRemote(time, (int) id, extended, requested, direction);
        }
        if (fd) {
            if (length < 0) {
                length = CanFrame.fdLengthOf(dlc);
            } else if (!CanFrame.isFdLength(length)) {
                throw fault("data length " + length + " is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)");
            } else if (dlc >= 0 && CanFrame.fdLengthOf(dlc) != length) {
                throw fault("data length code " + dlc + " but data length " + length);
            }
            fields.data(b, dataToken, n, length, true, dlc, data);
            return foundFd(time, (int) id, extended, brs, esi, length, direction);
        }
        if (length < 0) {
            length = dlc;
        }
        if (length > 8) {
            throw fault((dlc >= 0 ? "data length code " : "data length ") + length
                    + " for a classic CAN frame (DT), at most 8");
        }
        fields.data(b, dataToken, n, length, false, dlc, data);
        return found(time, (int) id, extended, length, direction);
    }

    private static String columnName(char col) {
        return switch (col) {
            case 'N' -> "message number";
            case 'B' -> "bus";
            case 'I' -> "ID";
            case 'd' -> "direction";
            case 'R' -> "reserved column";
            case 'L' -> "data length code";
            case 'l' -> "data length";
            default -> "column " + col;
        };
    }

    /** Bus N is {@code can<N-1>}. */
    @Override
    String bus() {
        int number = bus;
        if (number >= busNames.length) {
            busNames = Arrays.copyOf(busNames, Math.max(number + 1, busNames.length * 2));
        }
        String name = busNames[number];
        if (name == null) {
            name = "can" + (number - 1);
            busNames[number] = name;
        }
        return name;
    }
}
