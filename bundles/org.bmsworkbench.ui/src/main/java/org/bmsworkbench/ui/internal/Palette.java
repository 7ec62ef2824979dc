package org.bmsworkbench.ui.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** The few colours of the window: muted, readable on a light background. Colours need no disposal in SWT 3.115+. */
final class Palette {
    private Palette() {
    }

    static Color good(Display d) {
        return new Color(d, 0x1E, 0x7B, 0x34);
    }

    static Color warning(Display d) {
        return new Color(d, 0xA6, 0x5F, 0x00);
    }

    static Color bad(Display d) {
        return new Color(d, 0xB3, 0x26, 0x1E);
    }

    /** The background of a notice the user must not miss: a pale amber. */
    static Color notice(Display d) {
        return new Color(d, 0xFF, 0xF4, 0xCE);
    }

    static Color muted(Display d) {
        return new Color(d, 0x6B, 0x6B, 0x6B);
    }
}
