package org.bmsworkbench.ui.alarms.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.widgets.Shell;

/** A window as the view sees it: a shell, a session, tools by id, a status bar that remembers. */
final class FakeContext implements WorkbenchContext {
    final Shell shell;
    WorkbenchSession session;
    final Set<String> tools = new HashSet<>();
    final List<String> opened = new ArrayList<>();
    final List<String> statuses = new ArrayList<>();

    FakeContext(Shell shell, WorkbenchSession session) {
        this.shell = shell;
        this.session = session;
    }

    @Override
    public Executor uiExecutor() {
        return r -> shell.getDisplay().asyncExec(r);
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

    String lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }
}
