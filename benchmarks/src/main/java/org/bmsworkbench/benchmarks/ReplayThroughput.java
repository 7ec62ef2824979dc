package org.bmsworkbench.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.internal.ConnectionRegistry;
import org.bmsworkbench.transport.replay.internal.ReplayTransport;

/**
 * A log replayed at {@code speed=max} through the real {@code replay:} transport and a real
 * {@code Connection} (the registry the product runs, wired by hand), with one subscriber counting
 * the frames: prints frames/s and the process CPU seconds (player, index pass and subscriber).
 * {@code java ReplayThroughput FILE [RUNS]}; the first run warms up.
 */
public final class ReplayThroughput {
    private ReplayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ReplayThroughput FILE [RUNS]");
            System.exit(2);
        }
        Path file = Paths.get(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            ConnectionRegistry registry = new ConnectionRegistry();
            Method bind = ConnectionRegistry.class.getDeclaredMethod("bindTransport", CanTransportProvider.class, Map.class);
            bind.setAccessible(true);
            bind.invoke(registry, new ReplayTransport(), Map.of("transport.scheme", "replay"));
            long[] frames = new long[1];
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<String> detail = new AtomicReference<>("");
            Connection c = registry.open("replay:" + file + "?speed=max");
            c.subscribe(f -> frames[0]++);
            c.onStateChange((state, d) -> {
                if (state == ConnectionState.CLOSED || state == ConnectionState.FAILED) {
                    detail.set(state + " " + d);
                    ended.countDown();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            PlaybackControl playback;
            while ((playback = c.control(PlaybackControl.class).orElse(null)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not connected: " + c.state() + " " + c.stateDetail());
                }
                Thread.sleep(1);
            }
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            playback.resume();
            ended.await();
            long nanos = System.nanoTime() - t0;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double seconds = nanos / 1e9;
            System.out.printf(java.util.Locale.ROOT,
                    "  run %d%s: %,d frames in %.2f s = %,.0f frames/s; CPU %.2f s (%.2f s per million frames) [%s]%n",
                    run, run == 1 ? " (warm-up)" : "", frames[0], seconds, frames[0] / seconds, cpu,
                    cpu * 1e6 / Math.max(1, frames[0]), detail.get());
            Method deactivate = ConnectionRegistry.class.getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(registry);
        }
    }
}
