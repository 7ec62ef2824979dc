package org.bmsworkbench.ui.internal;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Keeps the window's start-up notice true while the window is open: an activator that returns late
 * (a plugin that waited for its device) lets the bundles behind it start, and the notice goes. One
 * check when the window opens, then one {@value #SETTLE_MILLIS} ms after the last bundle event (a
 * burst of starts is one check, and a bundle starting normally is never caught mid-start), on the
 * UI thread.
 */
final class StartupWatch implements BundleListener {
    static final int SETTLE_MILLIS = 500;
    private final BundleContext context;
    private final Display display;
    private final WorkbenchWindow window;
    private final Runnable check = this::check;

    private StartupWatch(BundleContext context, Display display, WorkbenchWindow window) {
        this.context = context;
        this.display = display;
        this.window = window;
    }

    /** Checks now and watches from now on; call on the UI thread, and {@link #stop} before the Display goes. */
    static StartupWatch start(BundleContext context, Display display, WorkbenchWindow window) {
        StartupWatch watch = new StartupWatch(context, display, window);
        context.addBundleListener(watch); // first: no event falls between the first check and the listening
        watch.check();
        return watch;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        try {
            display.asyncExec(() -> display.timerExec(SETTLE_MILLIS, check)); // the same runnable: rescheduled
        } catch (SWTException closed) {
            // the window has closed: nothing to tell
        }
    }

    private void check() {
        if (window.shell().isDisposed()) {
            return;
        }
        try {
            window.showStartupProblems(StartupProblems.of(context));
        } catch (IllegalStateException stopping) {
            // the framework is stopping: the window is about to close
        }
    }

    void stop() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException stopping) {
            // the framework is stopping: its listeners go with it
        }
    }
}
