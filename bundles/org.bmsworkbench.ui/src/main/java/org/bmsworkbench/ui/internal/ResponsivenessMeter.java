package org.bmsworkbench.ui.internal;

import java.time.Duration;
import java.util.Locale;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.widgets.Display;

/**
 * {@code bmswb gui --responsiveness}: a heartbeat on the UI thread every {@value #BEAT_MILLIS} ms
 * measures how late the event loop runs it; the longest lateness is the longest stall a user
 * would feel. Reports that, the frames per second the session carried, and the CPU the process
 * used, over the time measured.
 */
final class ResponsivenessMeter {
    static final int BEAT_MILLIS = 10;

    private final Display display;
    private final Runnable beat = this::beat;
    private long startNanos = System.nanoTime();
    private Duration startCpu = processCpu();
    private long due;
    private long longestNanos;
    private long beats;
    private long startFrames = -1;

    ResponsivenessMeter(Display display) {
        this.display = display;
    }

    void start() {
        startNanos = System.nanoTime();
        startCpu = processCpu();
        due = System.nanoTime() + BEAT_MILLIS * 1_000_000L;
        display.timerExec(BEAT_MILLIS, beat);
    }

    private void beat() {
        long now = System.nanoTime();
        longestNanos = Math.max(longestNanos, now - due);
        beats++;
        due = now + BEAT_MILLIS * 1_000_000L;
        display.timerExec(BEAT_MILLIS, beat);
    }

    /** Notes the session's frame count at the start of measuring. */
    void sessionStarted(WorkbenchSession session) {
        startFrames = session == null ? -1 : total(session);
    }

    String report(WorkbenchSession session) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (processCpu().toNanos() - startCpu.toNanos()) / 1e9;
        double fps = session == null || startFrames < 0 ? 0 : (total(session) - startFrames) / seconds;
        return String.format(Locale.ROOT,
                "bmswb gui: %.1f s measured; %,.0f frames/s on average; longest UI event-loop stall %.1f ms"
                        + " (%,d heartbeats of %d ms); process CPU %.2f s (%.0f %% of one core)",
                seconds, fps, longestNanos / 1e6, beats, BEAT_MILLIS, cpu, 100 * cpu / seconds);
    }

    private static long total(WorkbenchSession session) {
        var s = session.connection().statistics();
        return s.rxFrames() + s.txFrames();
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
