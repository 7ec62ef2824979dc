package org.bmsworkbench.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;

/**
 * SWT in tests, on the test thread: the one {@link Display} of the thread, waits that pump the
 * event loop until a condition holds (never a bare sleep), and screenshots of a shell.
 */
public final class Swt {
    /** How long {@link #waitUntil(String, BooleanSupplier)} waits before it fails. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static String unavailable;

    private Swt() {
    }

    /**
     * The test thread's display, opened once and reused (another test class may have opened it);
     * skips the test, saying why, where there is no display to open (run under {@code xvfb-run -a}).
     */
    public static Display display() {
        Display current = Display.getCurrent();
        if (current != null) {
            return current;
        }
        if (unavailable == null) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.startsWith("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
                unavailable = "no display: DISPLAY is not set; SWT tests run under Xvfb (xvfb-run -a ./mvnw verify)";
            } else {
                try {
                    return new Display();
                } catch (SWTError | UnsatisfiedLinkError e) {
                    unavailable = "SWT cannot open the display " + System.getenv("DISPLAY") + ": " + e;
                }
            }
        }
        Assumptions.abort(unavailable);
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Pumps events until {@code condition} holds; fails naming {@code what} after {@value #DEFAULT_TIMEOUT_SECONDS} s. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, DEFAULT_TIMEOUT_SECONDS, () -> { }, condition);
    }

    /** Pumps events until {@code condition} holds; fails naming {@code what} after {@code seconds}. */
    public static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        waitUntil(what, seconds, () -> { }, condition);
    }

    /**
     * Pumps events, running {@code each} (say, the window's refresh) before every look at
     * {@code condition}, until it holds; fails naming {@code what} after {@code seconds}.
     */
    public static void waitUntil(String what, int seconds, Runnable each, BooleanSupplier condition) {
        Display display = display();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            each.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + seconds + " s waiting for: " + what);
            }
            pumpOnce(display);
        }
    }

    /** Pumps events for {@code millis}: to let painting settle, or to see that something does <em>not</em> happen. */
    public static void pumpFor(long millis) {
        Display display = display();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            pumpOnce(display);
        }
    }

    private static void pumpOnce(Display display) {
        if (!display.readAndDispatch()) {
            // nothing queued: wake up again in 10 ms at the latest, to look at the condition
            display.timerExec(10, () -> { });
            display.sleep();
        }
    }

    /** Runs the events already queued (at most 1000, so that a view re-posting work cannot hang the test). */
    public static void drain() {
        Display display = display();
        for (int i = 0; i < 1000 && display.readAndDispatch(); i++) {
            // pump
        }
    }

    /**
     * Lets the shell paint (300 ms of events), then saves its client area as
     * {@code NAME.png} in the directory of the system property {@code screenshots.dir}
     * ({@code target/screenshots} if unset); returns the file.
     */
    public static Path screenshot(Shell shell, String name) {
        shell.forceActive();
        pumpFor(300);
        drain();
        Rectangle area = shell.getClientArea();
        Image image = new Image(shell.getDisplay(), area.width, area.height);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name + ": " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
