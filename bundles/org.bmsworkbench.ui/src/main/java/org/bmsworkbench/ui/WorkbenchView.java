package org.bmsworkbench.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view of the workbench window, registered as a service with the {@link View} properties.
 * The window binds views {@code MULTIPLE}/{@code DYNAMIC}: a view registered while the window
 * is open gets its tab at once, and its tab is disposed when the service goes away.
 */
@ConsumerType
public interface WorkbenchView {

    /**
     * Creates the view's controls under {@code parent} (a composite with a {@code FillLayout}
     * that belongs to the view's tab). Called on the UI thread; must not block.
     */
    ViewPart createPart(org.eclipse.swt.widgets.Composite parent, WorkbenchContext context);
}
