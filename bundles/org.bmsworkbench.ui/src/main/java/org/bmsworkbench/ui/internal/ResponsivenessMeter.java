package org.bmsworkbench.ui.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.widgets.Display;

/**
 * {@code bmswb gui --responsiveness}: a heartbeat on the UI thread every {@value #BEAT_MILLIS} ms
 * measures how late the event loop runs it; the longest lateness is the longest stall a user
 * would feel. Reports that, how many stalls passed {@value #STALL_MILLIS} ms, the frames per
 * second the session carried, the CPU the process used, the garbage collections, and what the
 * window's refresh and each view's {@code refresh()} cost, over the time measured.
 *
 * <p>Garbage collection time is the time the application was stopped: the collectors' pause
 * counters (Serial, Parallel, G1 — whose {@code G1 Concurrent GC} counts its Remark and Cleanup
 * pauses — and ZGC's and Shenandoah's {@code … Pauses}). ZGC's and Shenandoah's {@code … Cycles}
 * counters time whole concurrent cycles, which run beside the application: they are reported
 * apart, never added to the pauses.
 */
final class ResponsivenessMeter {
    static final int BEAT_MILLIS = 10;
    static final int STALL_MILLIS = 100;

    private final Display display;
    private final WorkbenchWindow window;
    private final Runnable beat = this::beat;
    private long startNanos = System.nanoTime();
    private Duration startCpu = processCpu();
    private long[] startGc = gc();
    private final String collectors = collectors();
    private long due;
    private long longestNanos;
    private long stalls;
    private long beats;
    private long startFrames = -1;
    private List<String> frozen;

    ResponsivenessMeter(Display display, WorkbenchWindow window) {
        this.display = display;
        this.window = window;
    }

    /** Starts measuring now: the figures before (start-up) are forgotten. */
    void start() {
        startNanos = System.nanoTime();
        startCpu = processCpu();
        startGc = gc();
        WorkbenchSession session = window.session();
        startFrames = session == null ? -1 : total(session);
        window.resetRefreshTimes();
        due = System.nanoTime() + BEAT_MILLIS * 1_000_000L;
        display.timerExec(BEAT_MILLIS, beat);
    }

    /** Stops measuring: {@link #report()} gives the figures of now (a screenshot taken next is not a stall). */
    void stop() {
        if (frozen == null) {
            frozen = report();
        }
    }

    private void beat() {
        if (frozen != null) {
            return;
        }
        long now = System.nanoTime();
        long late = now - due;
        longestNanos = Math.max(longestNanos, late);
        if (late > STALL_MILLIS * 1_000_000L) {
            stalls++;
        }
        beats++;
        due = now + BEAT_MILLIS * 1_000_000L;
        display.timerExec(BEAT_MILLIS, beat);
    }

    /** The figures, one fact a line, each starting {@code bmswb gui: }. */
    List<String> report() {
        if (frozen != null) {
            return frozen;
        }
        WorkbenchSession session = window.session();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (processCpu().toNanos() - startCpu.toNanos()) / 1e9;
        double fps = session == null || startFrames < 0 ? 0 : (total(session) - startFrames) / seconds;
        long[] gc = gc();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "bmswb gui: %.1f s measured; %,.0f frames/s on average; longest UI event-loop stall %.1f ms"
                        + " (%,d heartbeats of %d ms); process CPU %.2f s (%.0f %% of one core)",
                seconds, fps, longestNanos / 1e6, beats, BEAT_MILLIS, cpu, 100 * cpu / seconds));
        lines.add(String.format(Locale.ROOT, "bmswb gui: stalls over %d ms: %d", STALL_MILLIS, stalls));
        double pauseMillis = gc[1] - startGc[1];
        lines.add(String.format(Locale.ROOT, "bmswb gui: garbage collections: %d, %.1f ms in total (%.1f %% of the time"
                + " measured, application stopped; %s)", gc[0] - startGc[0], pauseMillis, pauseMillis / 10 / seconds, collectors)
                + (gc[2] == 0 && startGc[2] == 0 ? "" : String.format(Locale.ROOT,
                        "; concurrent cycles: %d, %.1f ms beside the application", gc[2] - startGc[2], (double) (gc[3] - startGc[3]))));
        long[] tick = window.refreshTimes();
        lines.add(String.format(Locale.ROOT, "bmswb gui: window refresh (every %d ms): %s",
                WorkbenchWindow.REFRESH_MILLIS, times(tick)));
        StringBuilder views = new StringBuilder();
        for (Map.Entry<String, long[]> e : window.views().refreshTimes().entrySet()) {
            views.append(views.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(times(e.getValue()));
        }
        lines.add("bmswb gui: view refresh, slowest first: " + (views.isEmpty() ? "none" : views));
        return lines;
    }

    /** {refreshes, total ns, longest ns} in words. */
    private static String times(long[] t) {
        return t[0] == 0 ? "not run" : String.format(Locale.ROOT, "longest %.1f ms, average %.2f ms over %,d",
                t[2] / 1e6, t[1] / 1e6 / t[0], t[0]);
    }

    private static long total(WorkbenchSession session) {
        var s = session.connection().statistics();
        return s.rxFrames() + s.txFrames();
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** {pauses, pause milliseconds, concurrent cycles, cycle milliseconds} of every collector so far. */
    private static long[] gc() {
        long[] sum = new long[4];
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            int at = concurrent(b.getName()) ? 2 : 0;
            sum[at] += Math.max(0, b.getCollectionCount());
            sum[at + 1] += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    /** ZGC's and Shenandoah's counters of whole concurrent cycles ({@code ZGC Minor Cycles}, {@code Shenandoah Cycles}). */
    static boolean concurrent(String collector) {
        return collector.endsWith(" Cycles");
    }

    /** The collectors' names, e.g. {@code G1 Young Generation, G1 Concurrent GC, G1 Old Generation}. */
    private static String collectors() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }
}
