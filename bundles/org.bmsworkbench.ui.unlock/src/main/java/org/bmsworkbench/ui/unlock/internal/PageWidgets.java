package org.bmsworkbench.ui.unlock.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** The few kinds of text the unlock pages are made of: paragraphs, headings, the guide's warnings. */
final class PageWidgets {
    static final int WIDTH = 540;
    private static final RGB WARNING_BACKGROUND = new RGB(0xFF, 0xF4, 0xD6);
    private static final RGB WARNING_BORDER = new RGB(0xD9, 0xA4, 0x06);

    private PageWidgets() {
    }

    /** A page body: one column, controls stretched to the page's width. */
    static Composite column(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 8;
        c.setLayout(layout);
        return c;
    }

    /** Wrapped text. */
    static Label paragraph(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(wrapping());
        return label;
    }

    /** A bold line that names a part of the page. */
    static Label heading(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(wrapping());
        Font bold = bold(label);
        label.setFont(bold);
        label.addListener(SWT.Dispose, e -> bold.dispose());
        return label;
    }

    /** One of the guide's warnings, verbatim, in an amber box that cannot be missed. */
    static Composite warning(Composite parent, String guideText) {
        Composite box = new Composite(parent, SWT.NONE);
        Color background = new Color(parent.getDisplay(), WARNING_BACKGROUND);
        Color border = new Color(parent.getDisplay(), WARNING_BORDER);
        box.setBackground(background);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 10;
        layout.marginHeight = 8;
        box.setLayout(layout);
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label icon = new Label(box, SWT.NONE);
        icon.setBackground(background);
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_WARNING));
        icon.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Label text = new Label(box, SWT.WRAP);
        text.setBackground(background);
        text.setText(guideText);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = WIDTH - 80;
        text.setLayoutData(data);
        Font bold = bold(text);
        text.setFont(bold);
        box.addListener(SWT.Paint, e -> {
            e.gc.setForeground(border);
            var size = box.getSize();
            e.gc.drawRectangle(0, 0, size.x - 1, size.y - 1);
        });
        box.addListener(SWT.Dispose, e -> {
            bold.dispose();
            background.dispose();
            border.dispose();
        });
        return box;
    }

    static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = WIDTH;
        return data;
    }

    static Font bold(Control control) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        return new Font(control.getDisplay(), data);
    }
}
