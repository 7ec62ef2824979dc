package org.bmsworkbench.can.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Layout of Vector's binary logging format (BLF), as Vector's {@code binlog} object definitions
 * and python-can's {@code can/io/blf.py} describe it. Everything is little-endian.
 *
 * <pre>
 * file header  "LOGG", header size (144), application id and version, BL API version,
 *              file size, uncompressed size, object count, objects read,
 *              measurement start and last object time (Windows SYSTEMTIME, 8 × u16)
 * object       "LOBJ", header size, header version, object size, object type   (16 bytes)
 *   version 1  flags (1: time in 10 µs, 2: in ns), client index, object version, time (u64)
 *   version 2  flags, time stamp status, reserved, object version, time, original time
 * LOG_CONTAINER (type 10): compression method (0 none, 2 zlib), reserved, uncompressed size,
 *              reserved; then the data: a stream of objects, which may run on into the next
 *              container.
 * </pre>
 * After an object come {@code size % 4} padding bytes for some types (LOG_CONTAINER among them),
 * none for others; readers look for the next {@code LOBJ} within the next four bytes.
 */
final class Blf {
    static final int FILE_SIGNATURE = 0x4747_4F4C; // "LOGG"
    static final int OBJECT_SIGNATURE = 0x4A42_4F4C; // "LOBJ"
    static final int FILE_HEADER_SIZE = 144;
    /** The fields of the file header up to the end of the last object time. */
    static final int FILE_HEADER_FIELDS = 72;
    static final int BASE_HEADER_SIZE = 16;
    static final int HEADER_V1_SIZE = 32;
    static final int HEADER_V2_SIZE = 40;
    /** Object base header plus the container's own fields; the data follows. */
    static final int CONTAINER_HEADER_SIZE = 32;

    static final int CAN_MESSAGE = 1;
    static final int LOG_CONTAINER = 10;
    static final int CAN_ERROR_EXT = 73;
    static final int CAN_MESSAGE2 = 86;
    static final int CAN_FD_MESSAGE = 100;
    static final int CAN_FD_MESSAGE_64 = 101;

    static final int NO_COMPRESSION = 0;
    static final int ZLIB_DEFLATE = 2;

    static final int TIME_TEN_MICS = 1;
    static final int TIME_ONE_NANS = 2;

    /** Id bit of a 29-bit identifier. */
    static final int EXTENDED_ID = 0x8000_0000;
    /** CAN_MESSAGE, CAN_MESSAGE2 and CAN_FD_MESSAGE flags. */
    static final int FLAG_TX = 0x01;
    static final int FLAG_REMOTE = 0x80;
    /** CAN_FD_MESSAGE FD flags. */
    static final int FD_EDL = 0x01;
    static final int FD_BRS = 0x02;
    static final int FD_ESI = 0x04;
    /** CAN_FD_MESSAGE_64 flags. */
    static final int FD64_REMOTE = 0x0010;
    static final int FD64_EDL = 0x1000;
    static final int FD64_BRS = 0x2000;
    static final int FD64_ESI = 0x4000;
    /** CAN_FD_MESSAGE_64 direction: transmit request (not a frame on the bus). */
    static final int FD64_DIR_TX_REQUEST = 2;
    /** CAN_ERROR_EXT extended error code bit: the error hit a frame being sent. */
    static final int ERROR_EXT_TX = 0x1000;

    /** Sizes of the bodies (after the object header) of the objects written. */
    static final int CAN_MESSAGE_BODY = 16;
    static final int CAN_ERROR_EXT_BODY = 32;
    static final int CAN_FD_MESSAGE_BODY = 20;
    static final int CAN_FD_MESSAGE_64_BODY = 40;

    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Blf() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16(byte[] b, int i) {
        return (short) U16.get(b, i) & 0xFFFF;
    }

    static int i32(byte[] b, int i) {
        return (int) U32.get(b, i);
    }

    static long u32(byte[] b, int i) {
        return (int) U32.get(b, i) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int i) {
        return (long) U64.get(b, i);
    }

    static void put16(byte[] b, int i, int v) {
        U16.set(b, i, (short) v);
    }

    static void put32(byte[] b, int i, int v) {
        U32.set(b, i, v);
    }

    static void put64(byte[] b, int i, long v) {
        U64.set(b, i, v);
    }

    /** Whether {@code b[i..i+4)} is {@code LOBJ}. */
    static boolean isObjectSignature(byte[] b, int i) {
        return i32(b, i) == OBJECT_SIGNATURE;
    }

    /** Whether {@code b[from..from+n)} are all zero. */
    static boolean isZero(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of padding after an object of {@code size} bytes, as Vector writes it after a container. */
    static int padding(long size) {
        return (int) (size & 3);
    }

    static String typeName(int type) {
        return switch (type) {
            case CAN_MESSAGE -> "CAN_MESSAGE";
            case LOG_CONTAINER -> "LOG_CONTAINER";
            case CAN_ERROR_EXT -> "CAN_ERROR_EXT";
            case CAN_MESSAGE2 -> "CAN_MESSAGE2";
            case CAN_FD_MESSAGE -> "CAN_FD_MESSAGE";
            case CAN_FD_MESSAGE_64 -> "CAN_FD_MESSAGE_64";
            default -> "object type " + type;
        };
    }

    /**
     * Microseconds since the epoch of the SYSTEMTIME at {@code b[i..i+16)} taken as UTC (year,
     * month, day of week, day, hour, minute, second, millisecond); 0 for an all-zero SYSTEMTIME,
     * which python-can writes when it knows no time.
     *
     * @throws IllegalArgumentException naming the bad date
     */
    static long systemTimeMicros(byte[] b, int i) {
        if (i64(b, i) == 0 && i64(b, i + 8) == 0) {
            return 0;
        }
        int year = u16(b, i);
        int month = u16(b, i + 2);
        int day = u16(b, i + 6);
        int hour = u16(b, i + 8);
        int minute = u16(b, i + 10);
        int second = u16(b, i + 12);
        int milli = u16(b, i + 14);
        try {
            if (milli > 999) {
                throw new DateTimeException("millisecond " + milli);
            }
            long seconds = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return seconds * 1_000_000L + milli * 1000L;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(String.format("bad SYSTEMTIME %04d-%02d-%02d %02d:%02d:%02d.%03d",
                    year, month, day, hour, minute, second, milli), e);
        }
    }

    /** Writes {@code micros} (UTC), cut to the millisecond, as a SYSTEMTIME at {@code b[i..i+16)}. */
    static void putSystemTime(byte[] b, int i, long micros) {
        long millis = Math.floorDiv(micros, 1000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        put16(b, i, t.getYear());
        put16(b, i + 2, t.getMonthValue());
        put16(b, i + 4, t.getDayOfWeek().getValue() % 7); // Sunday is 0
        put16(b, i + 6, t.getDayOfMonth());
        put16(b, i + 8, t.getHour());
        put16(b, i + 10, t.getMinute());
        put16(b, i + 12, t.getSecond());
        put16(b, i + 14, (int) Math.floorMod(millis, 1000L));
    }
}
