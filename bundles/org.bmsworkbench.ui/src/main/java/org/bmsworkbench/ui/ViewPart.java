package org.bmsworkbench.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One open instance of a {@link WorkbenchView}. Every method is called on the UI thread.
 */
@ConsumerType
public interface ViewPart {

    /**
     * Called by the window's UI timer (at most 20 times a second) while the view's tab is
     * showing: read the model, redraw what changed. Must return within a few milliseconds;
     * compare {@code model().version()} to skip work when nothing changed.
     */
    void refresh();

    /**
     * The window now shows another session: connected, a log or snapshot opened, or
     * disconnected ({@code session} is null). Drop whatever belonged to the old one.
     */
    void sessionChanged(WorkbenchSession session);

    /** The tab is closing (the service left, or the window closes); release what the controls do not own. */
    default void dispose() {
    }
}
