package org.bmsworkbench.ui.alarms.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;

/** The display of the test thread, waiting by pumping events, screenshots. */
final class SwtTesting {
    private static final long TIMEOUT_MILLIS = 10_000;

    private SwtTesting() {
    }

    /** The test thread's display; skips the test when there is no X display (run under xvfb-run). */
    static Display display() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank(),
                "no X display: SWT tests run under Xvfb (xvfb-run -a ./mvnw verify)");
        Display current = Display.getCurrent();
        if (current != null) {
            return current;
        }
        try {
            return new Display();
        } catch (SWTError | UnsatisfiedLinkError e) {
            Assumptions.abort("SWT cannot open the display " + System.getenv("DISPLAY") + ": " + e.getMessage());
            return null;
        }
    }

    /** Pumps events (running {@code each} before every check) until {@code condition} holds; fails after 10 s. */
    static void waitUntil(Display display, Runnable each, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        boolean[] tick = {false};
        while (true) {
            each.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                if (!tick[0]) {
                    tick[0] = true;
                    display.timerExec(20, () -> tick[0] = false);
                }
                display.sleep();
            }
        }
    }

    /** Lets the display paint what is pending. */
    static void drain(Display display) {
        for (int i = 0; i < 200 && display.readAndDispatch(); i++) {
            // pump
        }
    }

    /** Saves what the shell shows to {@code target/screenshots/NAME.png}; returns the file. */
    static Path screenshot(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        shell.forceActive();
        long until = System.nanoTime() + 300_000_000L;
        waitUntil(display, () -> { }, () -> System.nanoTime() > until, "the shell to be painted");
        drain(display);
        Point size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
