package org.bmsworkbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a candump {@code -L} log of an MG Master LV on the SMA protocol (guide 1.3): the seven
 * SMA frames every 500 ms, with values that move (SOC, voltage, current, temperature), so the
 * decoder does real work. {@code java GenerateSmaLog FILE FRAMES}.
 */
public final class GenerateSmaLog {
    private GenerateSmaLog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateSmaLog FILE FRAMES");
            System.exit(2);
        }
        write(Paths.get(args[0]), Long.parseLong(args[1]));
    }

    public static void write(Path file, long frames) throws IOException {
        long t = 1_600_000_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(64);
            for (long i = 0; i < frames; i++) {
                int cycle = (int) (i / 7);
                int step = (int) (i % 7);
                long micros = t + cycle * 500_000L + step * 1_000L;
                line.setLength(0);
                line.append('(').append(micros / 1_000_000).append('.');
                String frac = Long.toString(micros % 1_000_000);
                line.append("000000", 0, 6 - frac.length()).append(frac).append(") can0 ");
                switch (step) {
                    case 0 -> frame(line, "351", u16(552), u16(1000), u16(1500), u16(480));
                    case 1 -> frame(line, "355", u16(50 + cycle % 50), u16(100), u16(5000 + cycle % 5000));
                    case 2 -> frame(line, "356", u16(5000 + cycle % 400), u16(-150 + cycle % 300), u16(215 + cycle % 40));
                    case 3 -> frame(line, "35A", cycle % 100 == 0 ? "0000000040000000" : "0000000080000000");
                    case 4 -> frame(line, "35B", "0000000000000000");
                    case 5 -> frame(line, "35E", "4D472D424D530000");
                    default -> frame(line, "35F", "9B3A011890010100");
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

    private static String u16(int v) {
        return String.format("%02X%02X", v & 0xFF, (v >> 8) & 0xFF);
    }
}
