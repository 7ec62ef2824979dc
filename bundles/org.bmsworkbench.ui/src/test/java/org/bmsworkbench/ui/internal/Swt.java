package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * SWT in the tests: one Display on the test thread for the whole run, waits that pump the event
 * loop until a condition holds (never a sleep), widgets found by their {@code "name"} data, and
 * screenshots. The view bundles use {@code org.bmsworkbench.ui.testing}, which depends on this
 * bundle: this bundle cannot use it (a cycle), so it keeps this small helper.
 */
public final class Swt {
    static final long TIMEOUT_MS = 10_000;
    private static Display display;
    private static String unavailable;

    private Swt() {
    }

    /** The Display; skips the test, saying why, where there is no display to open. */
    public static Display display() {
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
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, TIMEOUT_MS, condition);
    }

    /** Pumps the event loop until {@code condition} holds; fails naming {@code what} after {@code timeoutMs}. */
    public static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
        Display d = display();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
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

    /** Saves what {@code shell} shows as {@code FILE} in the screenshots directory, as the product's screenshots do. */
    public static void screenshot(Shell shell, String file) throws IOException {
        Files.createDirectories(screenshots());
        Screenshots.save(shell, screenshots().resolve(file));
    }
}
