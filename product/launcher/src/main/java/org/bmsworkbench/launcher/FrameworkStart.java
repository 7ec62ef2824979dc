package org.bmsworkbench.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * Starts the framework to its beginning start level, then the plugins just installed from
 * plugins/, on a thread of its own, so that the launcher can stop waiting. Felix's
 * {@code Framework.start()} returns only when every bundle up to the beginning level has been
 * started, and the plugins of plugins/ are among them ({@link StartLevels#PLUGINS}, and higher for
 * a plugin transport or view): one activator that does not return (a plugin waiting for its
 * device) would hold every command for ever. The bundles started before it keep their services,
 * so the command line still runs without it.
 */
final class FrameworkStart {
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<String> problems = new ArrayList<>();
    private Exception error;

    private FrameworkStart() {
    }

    /** Starts {@code framework}, then each of {@code plugins}, on a new daemon thread. */
    static FrameworkStart begin(Framework framework, List<Bundle> plugins) {
        FrameworkStart start = new FrameworkStart();
        Thread thread = new Thread(() -> start.run(framework, plugins), "bmswb-framework-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    private void run(Framework framework, List<Bundle> plugins) {
        try {
            framework.start();
            for (Bundle b : plugins) {
                try {
                    b.start();
                } catch (BundleException | IllegalStateException e) {
                    problems.add(b.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        } catch (BundleException | RuntimeException e) {
            error = e;
        } finally {
            done.countDown();
        }
    }

    /**
     * Waits until the framework and the plugins have started (or failed to), at most
     * {@code timeoutMs}: false when an activator has not returned by then.
     */
    boolean await(long timeoutMs) throws InterruptedException {
        return done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Why the framework itself did not start, or null; read after {@link #await} returned true. */
    Exception error() {
        return error;
    }

    /** Each plugin that did not start, as {@code "NAME did not start: REASON"}; read after {@link #await} returned true. */
    List<String> problems() {
        return problems;
    }
}
