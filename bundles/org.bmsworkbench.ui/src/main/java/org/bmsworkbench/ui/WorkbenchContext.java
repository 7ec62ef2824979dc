package org.bmsworkbench.ui;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/** What the window gives its views and tools. */
@ProviderType
public interface WorkbenchContext {

    /**
     * Runs tasks later on the UI thread, in order. Usable from any thread, for the results of
     * background work (a register read, a file load); tasks submitted after the window closed
     * are dropped. Never one task per frame: views read the model in {@link ViewPart#refresh()}.
     */
    Executor uiExecutor();

    /** The session shown now; empty when disconnected. */
    Optional<WorkbenchSession> session();

    /** The workbench window, parent for dialogs. Only on the UI thread. */
    Shell shell();

    /** True if a {@link WorkbenchTool} with this id is installed. */
    boolean hasTool(String toolId);

    /** Opens the tool with this id, as its Tools menu item would; false if it is not installed. UI thread. */
    boolean openTool(String toolId);

    /** Shows a short message in the status bar. UI thread. */
    void showStatus(String message);
}
