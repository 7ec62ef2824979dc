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
    /** Vector binary logging format ({@code .blf}): {@link BlfReader}, {@link BlfWriter}. */
    BLF;

    /** The format for writing, chosen by file extension: {@code .asc} is ASC, anything else candump {@code -L}. */
    public static LogFormat forWriting(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".asc") ? ASC : CANDUMP_L;
    }
}
