package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the readers go over a generated 1,000,000-line log. A measurement, not a
 * check: it asserts only that every frame was read, never a speed.
 */
class LogThroughputTest {
    private static final int LINES = 1_000_000;
    private static final int RUNS = 4;

    @Test
    void printsLinesPerSecond() throws Exception {
        for (LogFormat format : new LogFormat[] {LogFormat.CANDUMP_L, LogFormat.ASC}) {
            long t0 = System.nanoTime();
            byte[] log = generate(format);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            double best = Double.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                long frames = 0;
                long checksum = 0;
                try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(log), "generated", null, null)) {
                    for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                        frames++;
                        checksum += f.id();
                    }
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                assertEquals(LINES, frames);
                assertEquals(true, checksum > 0);
            }
            System.out.printf("%s: read %,d lines (%,d MB) at %,.0f lines/s (best of %d); wrote at %,.0f frames/s%n",
                    format, LINES, log.length >> 20, LINES / best, RUNS, LINES / writeSeconds);
        }
    }

    /** A BMS bus: SMA frames 0x351..0x35F and NMEA 2000 battery status, 8 bytes each. */
    private static byte[] generate(LogFormat format) throws Exception {
        Random random = new Random(42);
        int[] ids = {0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F, 0x19F21450, 0x1CEFFF50};
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINES * (format == LogFormat.ASC ? 100 : 45));
        try (CanLogWriter writer = CanLogs.writer(out, format)) {
            long time = 1_600_000_000_000_000L;
            byte[] data = new byte[8];
            for (int i = 0; i < LINES; i++) {
                int id = ids[i & 7];
                random.nextBytes(data);
                time += 250;
                writer.write(CanFrame.of(time, "can0", id, id > CanFrame.MAX_STANDARD_ID, data));
            }
        }
        return out.toByteArray();
    }
}
