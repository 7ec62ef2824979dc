package org.bmsworkbench.itests;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** Waiting in the Pax Exam tests: on a condition with a deadline, never on a fixed sleep. */
final class InFramework {
    static final long TIMEOUT_MS = 10_000;

    private InFramework() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #TIMEOUT_MS}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, TIMEOUT_MS, condition);
    }

    static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Refreshes the framework's wiring (drops uninstalled bundles' revisions) and waits until done. */
    static void refresh(BundleContext context) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("refresh did not finish within " + TIMEOUT_MS + " ms");
        }
    }
}
