package org.bmsworkbench.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A procedure offered in the Tools menu (the Safety lock unlock wizard, ...), registered as a
 * service with the {@link Tool} properties and bound {@code MULTIPLE}/{@code DYNAMIC}.
 */
@ConsumerType
public interface WorkbenchTool {

    /** Opens the tool (typically a dialog or wizard parented to {@code context.shell()}). UI thread; must not block on I/O. */
    void open(WorkbenchContext context);
}
