package org.bmsworkbench.ui.frames.internal;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.ui.WorkbenchContext;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;

/** Copy in the Frames view: frames to the clipboard as candump {@code -L} lines, told in the status line. UI thread only. */
final class CandumpCopy {
    private CandumpCopy() {
    }

    /** Copies {@code selected}, or says why not (none selected, a frame candump cannot write). */
    static void copy(List<CanFrame> selected, Display display, WorkbenchContext context) {
        if (selected.isEmpty()) {
            context.showStatus("Select the frames to copy first.");
            return;
        }
        String lines;
        try {
            lines = FrameText.candump(selected);
        } catch (IllegalArgumentException e) {
            context.showStatus("Cannot copy as candump -L: " + e.getMessage());
            return;
        }
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] {lines}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        context.showStatus("Copied " + selected.size() + (selected.size() == 1 ? " frame" : " frames")
                + " as candump -L lines.");
    }
}
