package org.bmsworkbench.ui.wizard;

import java.util.concurrent.Executor;
import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link WizardPage} can ask of its wizard. UI thread only, except {@link #uiExecutor()}. */
@ProviderType
public interface WizardSite {

    /** Re-reads {@link WizardPage#isComplete()}, {@code allowsBack()} and {@code allowsCancel()}. */
    void updateButtons();

    /** An information line under the title; null clears it. */
    void setMessage(String message);

    /** An error line under the title (shown instead of the message); null clears it. */
    void setError(String error);

    /** Runs tasks on the UI thread, later; tasks after the wizard closed are dropped. Any thread. */
    Executor uiExecutor();

    /** The wizard's shell, parent for dialogs. */
    Shell shell();

    /** Goes to the next page as if Next were pressed (for a page whose work finished by itself). */
    void advance();
}
