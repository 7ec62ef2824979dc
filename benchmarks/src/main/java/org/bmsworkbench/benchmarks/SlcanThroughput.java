package org.bmsworkbench.benchmarks;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.transport.slcan.internal.SlcanTransport;

/**
 * Sustained SLCAN receive rate through a socat pty pair: a writer pushes 8-byte frame lines
 * ({@code t3568…\r}, 22 bytes) into one end, the slcan transport's channel reads the other.
 * Prints frames/s and the reader thread's CPU seconds per million frames, for a run as fast as
 * possible and one paced at 8,000 frames/s (a 1 Mbit/s bus at full load). Usage:
 * {@code SlcanThroughput SECONDS} (socat on the PATH).
 */
public final class SlcanThroughput {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        run("as fast as possible", 0, seconds);
        run("paced at 8,000 frames/s", 8000, seconds);
    }

    private static void run(String label, int rate, double seconds) throws Exception {
        Path dir = Files.createTempDirectory("slcan-bench");
        Path host = dir.resolve("host");
        Path device = dir.resolve("device");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        while (!Files.exists(host) || !Files.exists(device)) {
            Thread.sleep(10);
        }
        AtomicLong frames = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CanChannel channel = new SlcanTransport().open(ConnectionUri.parse("slcan:" + host + "?bitrate=1000000"),
                new CanChannel.Listener() {
                    @Override
                    public void onFrame(CanFrame frame) {
                        frames.incrementAndGet();
                    }

                    @Override
                    public void onState(ConnectionState state, String detail) {
                    }

                    @Override
                    public void onTransportError(String message) {
                        errors.incrementAndGet();
                    }
                });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long readerId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("bmswb-slcan-"))
                .findFirst().orElseThrow().threadId();
        byte[] block = lines(100);
        long sent = 0;
        long cpu0 = mx.getThreadCpuTime(readerId);
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        try (OutputStream out = new FileOutputStream(device.toFile())) {
            while (System.nanoTime() < end) {
                if (rate > 0) {
                    long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
                    if (sent >= due) {
                        Thread.sleep(0, 200_000);
                        continue;
                    }
                }
                out.write(block);
                sent += 100;
            }
            out.flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (frames.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getThreadCpuTime(readerId) - cpu0) / 1e9;
        long got = frames.get();
        System.out.printf("  %-24s %,d frames sent, %,d received (%,d problems) in %.2f s: %,.0f frames/s;"
                + " reader thread %.2f CPU s = %.2f CPU s per million frames (%.1f %% of one core)%n",
                label, sent, got, errors.get(), wall, got / wall, cpu, cpu / got * 1e6, cpu / wall * 100);
        channel.close();
        socat.destroy();
        socat.waitFor();
    }

    private static byte[] lines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("t3568%016X\r", 0x1122334455667700L + i));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
