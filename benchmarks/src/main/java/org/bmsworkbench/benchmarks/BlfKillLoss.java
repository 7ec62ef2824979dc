package org.bmsworkbench.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.BlfReader;
import org.bmsworkbench.can.log.BlfWriter;
import org.bmsworkbench.can.log.LogParseException;

/**
 * What a BLF recording loses to {@code kill -9}: a child JVM writes frames at a steady rate to a
 * {@link BlfWriter} on a file and flushes every 500 ms as {@code bmswb record} does, printing the
 * number of frames written after each one; it is killed with SIGKILL at a random moment and the
 * file is read back (tolerant). Prints, per run, the frames written, recovered and lost, and the
 * time since the last flush. {@code java BlfKillLoss DIR [FRAMES_PER_SECOND] [RUNS]}.
 */
public final class BlfKillLoss {
    static final long FLUSH_MILLIS = 500;

    private BlfKillLoss() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(Paths.get(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: BlfKillLoss DIR [FRAMES_PER_SECOND] [RUNS]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Random random = new Random();
        List<Long> losses = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path file = dir.resolve("kill-" + run + ".blf");
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), BlfKillLoss.class.getName(), "--child", file.toString(),
                    Integer.toString(rate)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000 + random.nextInt(2000));
            long written = 0;
            long lastFlush = 0;
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                written = Long.parseLong(parts[1]);
                if (parts[0].equals("flushed")) {
                    lastFlush = System.nanoTime();
                }
                if (System.nanoTime() >= killAt) {
                    new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
                    break;
                }
            }
            child.waitFor();
            long sinceFlush = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFlush);
            long recovered = 0;
            List<LogParseException> problems = new ArrayList<>();
            try (BlfReader reader = new BlfReader(Files.newInputStream(file), file.toString(), problems::add)) {
                while (reader.next() != null) {
                    recovered++;
                }
            }
            losses.add(written - recovered);
            System.out.printf("run %d: %,d frames written (at least), %,d recovered, %,d lost, %d ms after the last flush;"
                    + " %,d bytes; %d faults%s%n", run, written, recovered, written - recovered, sinceFlush,
                    Files.size(file), problems.size(), problems.isEmpty() ? "" : " (" + problems.get(0).getMessage() + ")");
        }
        System.out.printf("at %,d frames/s: lost %s frames%n", rate, losses);
    }

    /** Writes {@code rate} frames/s in batches of 10 ms, flushing every 500 ms; prints the count after each batch. */
    private static void child(Path file, int rate) throws IOException, InterruptedException {
        Random random = new Random(7);
        try (BlfWriter writer = new BlfWriter(file)) {
            long start = System.nanoTime();
            long lastFlush = start;
            long n = 0;
            byte[] data = new byte[8];
            while (true) {
                Thread.sleep(10);
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (n < due) {
                    random.nextBytes(data);
                    writer.write(CanFrame.of(System.currentTimeMillis() * 1000, "can0", 0x351 + (int) (n & 7), false,
                            data));
                    n++;
                }
                if (System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS)) {
                    writer.flush();
                    lastFlush = System.nanoTime();
                    System.out.println("flushed " + n);
                } else {
                    System.out.println("written " + n);
                }
                System.out.flush();
            }
        }
    }
}
