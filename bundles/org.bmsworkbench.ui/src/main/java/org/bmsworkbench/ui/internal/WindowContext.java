package org.bmsworkbench.ui.internal;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.internal.ViewCatalog.ToolEntry;
import org.eclipse.swt.widgets.Shell;

/** The {@link WorkbenchContext} views and tools receive from the window. */
final class WindowContext implements WorkbenchContext {
    /** The built-in Connection → Connect… dialog also opens as a tool ({@code bmswb gui --open-tool connect}). */
    static final String CONNECT = "connect";
    private final WorkbenchWindow window;
    private final Executor ui;

    WindowContext(WorkbenchWindow window, Executor ui) {
        this.window = window;
        this.ui = ui;
    }

    @Override
    public Executor uiExecutor() {
        return ui;
    }

    @Override
    public Optional<WorkbenchSession> session() {
        return Optional.ofNullable(window.session());
    }

    @Override
    public Shell shell() {
        return window.shell();
    }

    @Override
    public boolean hasTool(String toolId) {
        return CONNECT.equals(toolId) || window.catalog().tools().stream().anyMatch(t -> t.id().equals(toolId));
    }

    @Override
    public boolean openTool(String toolId) {
        if (CONNECT.equals(toolId)) {
            window.openConnectDialog();
            return true;
        }
        Optional<ToolEntry> tool = window.catalog().tools().stream().filter(t -> t.id().equals(toolId)).findFirst();
        tool.ifPresent(window::openTool);
        return tool.isPresent();
    }

    @Override
    public void showStatus(String message) {
        window.showStatus(message);
    }
}
