package org.bmsworkbench.cli.internal.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When a live command ({@code monitor}, {@code record}) stops: at the end of {@code --duration},
 * or when the process is asked to end (Ctrl-C, {@code kill}). In the second case the JVM runs its
 * shutdown hooks; ours asks the command to stop and waits (at most {@value #GRACE_SECONDS} s) until
 * it has flushed its output and closed its file, so an interrupted command ends as cleanly as a
 * timed one.
 */
public final class StopSignal implements AutoCloseable {
    static final int GRACE_SECONDS = 5;

    private final long deadlineNanos;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(double seconds, boolean onShutdown) {
        deadlineNanos = Double.isInfinite(seconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        if (onShutdown) {
            hook = new Thread(this::shutdown, "bmswb-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    /** Stops after {@code seconds} (infinite: never) or when the process is asked to end. */
    public static StopSignal afterOrOnShutdown(double seconds) {
        return new StopSignal(seconds, true);
    }

    /** Stops after {@code seconds} or on {@link #requestStop()} only (tests). */
    public static StopSignal after(double seconds) {
        return new StopSignal(seconds, false);
    }

    private void shutdown() {
        requested.countDown();
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the command to stop, as Ctrl-C does. */
    public void requestStop() {
        requested.countDown();
    }

    /** True once the duration is over or a stop was requested. */
    public boolean stopped() {
        return requested.getCount() == 0 || System.nanoTime() - deadlineNanos >= 0;
    }

    /** True when the stop came from outside (Ctrl-C), not from the duration. */
    public boolean interrupted() {
        return requested.getCount() == 0;
    }

    /** Nanoseconds until the duration ends (Long.MAX_VALUE without one), never negative. */
    public long remainingNanos() {
        return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** Waits up to {@code millis}, less when the duration ends or a stop is requested first. */
    public void pause(long millis) throws InterruptedException {
        long nanos = Math.min(TimeUnit.MILLISECONDS.toNanos(millis), remainingNanos());
        if (nanos > 0) {
            requested.await(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The command is done: a waiting shutdown may go on. Removes the hook when the process is not ending. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is ending: the hook is running and has just been released
            }
        }
    }
}
