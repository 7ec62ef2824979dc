package org.bmsworkbench.ui.testing;

import java.nio.file.Path;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The window as a view sees it, for tests on the test thread: an open shell with a tab to put the
 * view in, the {@link FakeContext}, and the window's 20 Hz refresh timer. Waits are {@link Swt}'s.
 */
public final class TestWindow extends FakeContext {
    private final Composite tab;
    private ViewPart part;
    private boolean timerRunning;

    public TestWindow(int width, int height) {
        super(newShell(), null);
        Shell shell = shell();
        tab = new Composite(shell, SWT.NONE);
        tab.setLayout(new FillLayout());
        shell.setSize(width, height);
        shell.open();
    }

    private static Shell newShell() {
        Shell shell = new Shell(Swt.display());
        shell.setText("BMS Workbench (test)");
        shell.setLayout(new FillLayout());
        return shell;
    }

    /** The composite a view is created in. */
    public Composite tab() {
        return tab;
    }

    /** Sets the session and tells the part shown, as the window does. */
    @Override
    public void session(WorkbenchSession s) {
        super.session(s);
        if (part != null) {
            part.sessionChanged(s);
        }
    }

    /** Shows the part and starts calling its refresh 20 times a second. */
    public <P extends ViewPart> P show(P newPart) {
        part = newPart;
        Shell shell = shell();
        shell.layout(true, true);
        if (!timerRunning) {
            timerRunning = true;
            Display display = shell.getDisplay();
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

    /** Saves the window as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        return Swt.screenshot(shell(), name);
    }

    /** Disposes the part and the shell. */
    public void close() {
        if (part != null) {
            part.dispose();
            part = null;
        }
        shell().dispose();
        Swt.pumpFor(20);
    }
}
