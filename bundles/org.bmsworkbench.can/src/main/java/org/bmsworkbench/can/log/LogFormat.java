package org.bmsworkbench.can.log;

import java.nio.file.Path;
import java.util.Locale;

/** The CAN log formats the workbench reads and writes. */
public enum LogFormat {
    /** {@code candump -L}: {@code (1600000000.500000) can0 356#C014850CD700}. */
    CANDUMP_L,
    /** candump's default output, with or without {@code -t a}: {@code  can0  356   [6]  C0 14 85 0C D7 00}. */
    CANDUMP,
    /** Vector ASCII log ({@code .asc}). */
    ASC,
    /** PEAK PCAN-View / PCAN-Explorer trace ({@code .trc}), versions 1.0 to 2.1; written as 2.1. */
    TRC,
    /** Yacht Devices RAW, as their NMEA 2000 gateways log: {@code 00:29:58.617 R 09F21450 00 16 …}. Read only. */
    YACHT_DEVICES_RAW,
    /**
     * canboat's plain CSV as Actisense tools and canboat write it, one line a whole NMEA 2000 message:
     * {@code 2016-02-28T19:57:02.364Z,6,127508,4,255,8,…}. Read only.
     */
    CANBOAT_CSV,
    /** Vector binary logging format ({@code .blf}): {@link BlfReader}, {@link BlfWriter}. */
    BLF,
    /**
     * A serial trace: the bytes of a serial line (JBD, Daly), a {@linkplain org.bmsworkbench.can.CanFrame#chunk()
     * chunk} a line, {@code (1600000000.052311) ttyUSB0 rx DD03001D77}. Holds chunks only; the CAN formats
     * refuse them.
     */
    SERIAL_TRACE;

    /**
     * The format for writing, chosen by file extension: {@code .asc} is ASC, {@code .trc} PEAK TRC,
     * {@code .blf} Vector BLF, anything else candump {@code -L}.
     */
    public static LogFormat forWriting(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".asc")) {
            return ASC;
        }
        if (name.endsWith(".trc")) {
            return TRC;
        }
        if (name.endsWith(".blf")) {
            return BLF;
        }
        return CANDUMP_L;
    }

    /**
     * The format for writing the frames of a connection: a serial trace for a byte stream
     * ({@code byteStream}, whatever the extension), else as {@link #forWriting(Path)}.
     */
    public static LogFormat forWriting(Path file, boolean byteStream) {
        return byteStream ? SERIAL_TRACE : forWriting(file);
    }

    /** Whether the format is text, one line at a time (every one but BLF). */
    public boolean lineBased() {
        return this != BLF;
    }

    /** Whether {@link CanLogs#writer} writes it. */
    public boolean writable() {
        return this == CANDUMP_L || this == ASC || this == TRC || this == BLF || this == SERIAL_TRACE;
    }
}
