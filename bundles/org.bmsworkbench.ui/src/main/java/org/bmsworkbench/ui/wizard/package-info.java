/**
 * A small wizard for guided procedures on plain SWT (no JFace): pages shown one at a time with
 * a list of the steps, Back / Next / Finish / Cancel, and a message line. Pages decide when
 * the user may go on, back or cancel, so a procedure can refuse shortcuts with a reason.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.ui.wizard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
