package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * SWT in the tests: one Display on the test thread for the whole run, waits that pump the event
 * loop until a condition holds (never a sleep), and widgets found by their {@code "name"} data.
 */
final class Swt {
    static final long TIMEOUT_MS = 10_000;
    private static Display display;
    private static String unavailable;

    private Swt() {
    }

    /** The Display; skips the test, saying why, where there is no display to open. */
    static Display display() {
        if (display == null && unavailable == null) {
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            if (os.startsWith("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
                unavailable = "no display: DISPLAY is not set (./mvnw runs the build under xvfb-run when it is installed)";
            } else {
                try {
                    // one Display per thread: another test class (WizardTest) may have opened it already
                    display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
                } catch (SWTError | UnsatisfiedLinkError e) {
                    unavailable = "SWT cannot open a display: " + e;
                }
            }
        }
        assumeTrue(unavailable == null, unavailable);
        return display;
    }

    /** Pumps the event loop until {@code condition} holds; fails naming {@code what} after {@link #TIMEOUT_MS}. */
    static void waitUntil(String what, BooleanSupplier condition) {
        Display d = display();
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            if (!d.readAndDispatch()) {
                // nothing queued: wake up again in 5 ms at the latest, to look at the condition
                d.timerExec(5, () -> { });
                d.sleep();
            }
        }
    }

    /** Runs every event already queued. */
    static void drain() {
        Display d = display();
        while (d.readAndDispatch()) {
            // keep going
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Control> T find(Composite root, String name) {
        T found = findOrNull(root, name);
        if (found == null) {
            throw new AssertionError("no control named " + name);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static <T extends Control> T findOrNull(Composite root, String name) {
        if (name.equals(root.getData("name"))) {
            return (T) root;
        }
        for (Control c : root.getChildren()) {
            if (name.equals(c.getData("name"))) {
                return (T) c;
            }
            if (c instanceof Composite comp) {
                T inner = findOrNull(comp, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static Path screenshots() {
        return Paths.get(System.getProperty("bmswb.screenshots", "target/screenshots"));
    }
}
