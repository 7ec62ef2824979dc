package org.bmsworkbench.ui.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A window as a view sees it: a shell, a session the test sets, tools by id (none unless the test
 * adds them to {@link #tools}), the tools asked for in {@link #opened}, a status bar that remembers.
 */
public class FakeContext implements WorkbenchContext {
    /** The tool ids the window has; {@link #openTool} opens only these. */
    public final Set<String> tools = new HashSet<>();
    /** Every tool id a view asked to open, in order. */
    public final List<String> opened = new ArrayList<>();
    /** Every status message shown, in order. */
    public final List<String> statuses = new ArrayList<>();
    private final Shell shell;
    private final Display display;
    private WorkbenchSession session;

    public FakeContext(Shell shell, WorkbenchSession session) {
        this.shell = shell;
        this.display = shell.getDisplay();
        this.session = session;
    }

    /** Sets what {@link #session()} answers (a view hears of it only when told, as from the window). */
    public void session(WorkbenchSession newSession) {
        this.session = newSession;
    }

    /** The last status message shown, or null. */
    public String lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /** Runs on the display thread, later; dropped once the display is gone. */
    @Override
    public Executor uiExecutor() {
        return r -> {
            if (!display.isDisposed()) {
                display.asyncExec(r);
            }
        };
    }

    @Override
    public Optional<WorkbenchSession> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public boolean hasTool(String toolId) {
        return tools.contains(toolId);
    }

    @Override
    public boolean openTool(String toolId) {
        opened.add(toolId);
        return tools.contains(toolId);
    }

    @Override
    public void showStatus(String message) {
        statuses.add(message);
    }
}
