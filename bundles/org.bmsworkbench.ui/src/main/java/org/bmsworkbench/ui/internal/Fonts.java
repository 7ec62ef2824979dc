package org.bmsworkbench.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Control;

/** Fonts derived from a control's own font, disposed with the control. */
final class Fonts {
    private Fonts() {
    }

    static Font bold(Control control) {
        return derived(control, 1.0, SWT.BOLD);
    }

    /** The control's font scaled by {@code factor}, with {@code style} (SWT.NORMAL, SWT.BOLD). */
    static Font derived(Control control, double factor, int style) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight((int) Math.round(d.getHeight() * factor));
            d.setStyle(style);
        }
        Font font = new Font(control.getDisplay(), data);
        control.addDisposeListener(e -> font.dispose());
        return font;
    }
}
