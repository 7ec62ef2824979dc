/**
 * The workbench window's extension points: a view bundle registers a {@link WorkbenchView}, a
 * procedure bundle a {@link WorkbenchTool}; both receive a {@link WorkbenchContext} that
 * gives them the current {@link WorkbenchSession} and the UI thread.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
