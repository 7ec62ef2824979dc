package org.bmsworkbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a candump {@code -L} log of an MG Master LV on NMEA 2000 (guide 1.5.3), source 0x50: every
 * 1.5 s the three PGN 127508 instances (pack, lowest cells, highest cells) and PGN 127506 as a
 * two-frame fast packet with a counting sequence, values moving (SOC, voltage, current,
 * temperatures, time to go). {@code java GenerateNmea2000Log FILE FRAMES}.
 */
public final class GenerateNmea2000Log {
    /** Frames per 1.5 s cycle: three 127508 and two 127506. */
    public static final int CYCLE = 5;

    private GenerateNmea2000Log() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateNmea2000Log FILE FRAMES");
            System.exit(2);
        }
        write(Paths.get(args[0]), Long.parseLong(args[1]));
    }

    public static void write(Path file, long frames) throws IOException {
        long t = 1_600_000_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(64);
            for (long i = 0; i < frames; i++) {
                int cycle = (int) (i / CYCLE);
                int step = (int) (i % CYCLE);
                long micros = t + cycle * 1_500_000L + step * 2_000L;
                int sid = cycle % 253;
                int sequence = cycle & 7;
                line.setLength(0);
                line.append('(').append(micros / 1_000_000).append('.');
                String frac = Long.toString(micros % 1_000_000);
                line.append("000000", 0, 6 - frac.length()).append(frac).append(") can0 ");
                switch (step) {
                    case 0 -> frame(line, "19F21450", u8(0), u16(2600 + cycle % 80), u16(-150 + cycle % 300),
                            u16(29515 + cycle % 400), u8(sid));
                    case 1 -> frame(line, "19F21450", u8(1), u16(325 + cycle % 8), "FF7F", u16(29415 + cycle % 300), u8(sid));
                    case 2 -> frame(line, "19F21450", u8(2), u16(333 + cycle % 8), "FF7F", u16(29615 + cycle % 300), u8(sid));
                    case 3 -> {
                        int ttg = 600 - cycle % 600;
                        frame(line, "19F21250", u8(sequence << 5), "0B", u8(sid), "0000", u8(50 + cycle % 50), "FF", u8(ttg & 0xFF));
                    }
                    default -> {
                        int ttg = 600 - cycle % 600;
                        frame(line, "19F21250", u8(sequence << 5 | 1), u8(ttg >>> 8), "FFFF", u16(100 + cycle % 100), "FFFF");
                    }
                }
                w.append(line).append('\n');
            }
        }
    }

    private static void frame(StringBuilder line, String id, String... hex) {
        line.append(id).append('#');
        for (String h : hex) {
            line.append(h);
        }
    }

    private static String u8(int v) {
        return String.format("%02X", v & 0xFF);
    }

    private static String u16(int v) {
        return String.format("%02X%02X", v & 0xFF, (v >> 8) & 0xFF);
    }
}
