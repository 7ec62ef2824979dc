package org.bmsworkbench.ui.internal;

import java.util.concurrent.Executor;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/** Runs tasks later on the Display's thread, in order; tasks given after the Display is gone are dropped. */
final class UiExecutor implements Executor {
    private final Display display;

    UiExecutor(Display display) {
        this.display = display;
    }

    @Override
    public void execute(Runnable task) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(task);
        } catch (SWTException e) {
            // disposed meanwhile: the window is gone, and so is whoever wanted the result
        }
    }
}
