package org.bmsworkbench.can.testing;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks a transport's tests run the same way against any stub vendor library over the shared
 * stub bus ({@link StubBusLibrary}): unplug cycles that must leak nothing, and the reader's CPU
 * at a full 500 kbit/s bus.
 */
public final class StubBusChecks {
    private StubBusChecks() {
    }

    /**
     * Unplugs and replugs the stub adapter {@code cycles} times on an open channel, each time
     * waiting for a new {@code RECONNECTING} and a new {@code CONNECTED}; then asserts that there
     * were {@code cycles} {@code CONNECTED} reports and that the JVM has no more threads and
     * {@code /proc/self/fd} no more descriptors than before.
     */
    public static void unplugCyclesLeakNothing(StubBus stub, RecordingListener l, int cycles) throws IOException {
        int threads = Thread.activeCount();
        long fds = openDescriptors();
        for (int i = 1; i <= cycles; i++) {
            long connectedBefore = l.count("CONNECTED:");
            long reconnectingBefore = l.count("RECONNECTING:");
            stub.stub_set_unplugged(1);
            await(() -> l.count("RECONNECTING:") > reconnectingBefore, "unplug");
            stub.stub_set_unplugged(0);
            await(() -> l.count("CONNECTED:") > connectedBefore, "replug");
        }
        assertEquals(cycles, l.count("CONNECTED:"));
        assertTrue(Thread.activeCount() <= threads, "threads " + Thread.activeCount() + " vs " + threads);
        assertEquals(fds, openDescriptors(), "open file descriptors after " + cycles + " cycles");
    }

    /** The number of open file descriptors of this process. */
    public static long openDescriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /**
     * The CPU the reader thread uses while the stub delivers 4,000 frames/s (a 500 kbit/s bus
     * full of 8-byte standard frames carries about 4,000 frames/s), over 5 s after 0.5 s to settle.
     * Printed as {@code "NAME reader at 3998 frames/s: 6.4 % of one core (…)"}; asserted only to
     * be over 3,000 frames/s and under a quarter of one core, far above what it should take, so a
     * busy loop fails.
     */
    public static void readerCpuAtAFullBus(StubBus stub, RecordingListener l, Thread reader, String name)
            throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long tid = reader.threadId();
        stub.stub_set_rate(4000);
        Thread.sleep(500);
        int n0 = l.frames.size();
        long cpu0 = mx.getThreadCpuTime(tid);
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        long cpu = mx.getThreadCpuTime(tid) - cpu0;
        long wall = System.nanoTime() - t0;
        int frames = l.frames.size() - n0;
        stub.stub_set_rate(0);
        double rate = frames * 1e9 / wall;
        double share = 100.0 * cpu / wall;
        System.out.printf("%s reader at %.0f frames/s: %.1f %% of one core (%.1f µs a frame; load average %s)%n",
                name, rate, share, cpu / 1000.0 / Math.max(1, frames),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(rate > 3000, "frames/s " + rate);
        assertTrue(share < 25, "CPU " + share + " %");
    }
}
