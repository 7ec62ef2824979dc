package org.bmsworkbench.ui.frames.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;

/**
 * The window as a view sees it, for tests on the test thread: a shell, the {@link WorkbenchContext},
 * and the window's 20 Hz refresh timer. Waits pump the event loop until a condition holds.
 */
final class TestWindow implements WorkbenchContext {
    private static Display display;
    final Shell shell;
    final Composite tab;
    final List<String> statusMessages = new ArrayList<>();
    private WorkbenchSession session;
    private ViewPart part;
    private boolean timerRunning;

    /** The test thread's display, or the test is skipped (no X display: run under xvfb-run). */
    static Display display() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank(),
                "no X display (DISPLAY unset): SWT tests need one, run them under xvfb-run");
        if (display == null || display.isDisposed()) {
            try {
                display = new Display();
            } catch (SWTError | UnsatisfiedLinkError e) {
                Assumptions.abort("SWT cannot open the display " + System.getenv("DISPLAY") + ": " + e);
            }
        }
        return display;
    }

    TestWindow(int width, int height) {
        shell = new Shell(display());
        shell.setText("BMS Workbench (test)");
        shell.setLayout(new FillLayout());
        tab = new Composite(shell, SWT.NONE);
        tab.setLayout(new FillLayout());
        shell.setSize(width, height);
        shell.open();
    }

    void session(WorkbenchSession s) {
        session = s;
        if (part != null) {
            part.sessionChanged(s);
        }
    }

    /** Shows the part and starts calling its refresh 20 times a second. */
    <P extends ViewPart> P show(P newPart) {
        part = newPart;
        shell.layout(true, true);
        if (!timerRunning) {
            timerRunning = true;
            Runnable tick = new Runnable() {
                @Override
                public void run() {
                    if (!shell.isDisposed() && part != null) {
                        part.refresh();
                        display.timerExec(50, this);
                    }
                }
            };
            display.timerExec(50, tick);
        }
        return newPart;
    }

    /** Pumps events until {@code condition} holds; fails after {@code seconds}. */
    static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up after " + seconds + " s waiting for: " + what);
            }
            pumpOnce();
        }
    }

    /** Pumps events for {@code millis}: to see that something does <em>not</em> happen. */
    static void pumpFor(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            pumpOnce();
        }
    }

    private static void pumpOnce() {
        if (!display.readAndDispatch()) {
            display.timerExec(10, () -> { });
            display.sleep();
        }
    }

    /** Saves the shell as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        pumpFor(300);
        GC gc = new GC(shell);
        Image image = new Image(display, shell.getClientArea().width, shell.getClientArea().height);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            File dir = new File("target/screenshots");
            dir.mkdirs();
            loader.save(new File(dir, name + ".png").getPath(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    void close() {
        if (part != null) {
            part.dispose();
            part = null;
        }
        shell.dispose();
        pumpFor(20);
    }

    @Override
    public Executor uiExecutor() {
        return r -> {
            if (!display.isDisposed()) {
                display.asyncExec(r);
            }
        };
    }

    @Override public Optional<WorkbenchSession> session() { return Optional.ofNullable(session); }
    @Override public Shell shell() { return shell; }
    @Override public boolean hasTool(String toolId) { return false; }
    @Override public boolean openTool(String toolId) { return false; }
    @Override public void showStatus(String message) { statusMessages.add(message); }
}
