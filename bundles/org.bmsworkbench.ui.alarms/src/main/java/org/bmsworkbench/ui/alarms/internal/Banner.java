package org.bmsworkbench.ui.alarms.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A coloured band across the top of the view: a bold headline, up to two wrapped lines and an
 * optional button. Hidden (and taking no space) until {@link #show} is called. UI thread only.
 */
final class Banner {

    /** Calm colours, readable on white: a red and an amber tint with dark text of the same hue. */
    enum Tone {
        RED(new int[] {253, 231, 231}, new int[] {150, 27, 27}, new int[] {220, 150, 150}),
        AMBER(new int[] {255, 244, 214}, new int[] {122, 82, 0}, new int[] {230, 196, 120});

        final int[] background;
        final int[] text;
        final int[] border;

        Tone(int[] background, int[] text, int[] border) {
            this.background = background;
            this.text = text;
            this.border = border;
        }
    }

    private final Composite box;
    private final Label title;
    private final Label first;
    private final Label second;
    private final Button action;
    private final Font bold;
    private Tone tone;
    private Color background;
    private Color text;
    private Color border;

    Banner(Composite parent, String actionText, Runnable onAction) {
        box = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(2, false);
        l.marginWidth = 12;
        l.marginHeight = 8;
        l.verticalSpacing = 3;
        box.setLayout(l);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.exclude = true;
        box.setLayoutData(gd);
        box.setVisible(false);
        title = new Label(box, SWT.WRAP);
        FontData[] fd = title.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
            f.setHeight(f.getHeight() + 2);
        }
        bold = new Font(box.getDisplay(), fd);
        title.setFont(bold);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (actionText == null) {
            action = null;
            ((GridData) title.getLayoutData()).horizontalSpan = 2;
        } else {
            action = new Button(box, SWT.PUSH);
            action.setText(actionText);
            action.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false, 1, 3));
            action.addListener(SWT.Selection, e -> onAction.run());
        }
        first = line(actionText == null ? 2 : 1);
        second = line(actionText == null ? 2 : 1);
        box.addPaintListener(e -> {
            if (border != null) {
                e.gc.setForeground(border);
                org.eclipse.swt.graphics.Point s = box.getSize();
                e.gc.drawRectangle(0, 0, s.x - 1, s.y - 1);
            }
        });
        box.addDisposeListener(e -> {
            bold.dispose();
            disposeColours();
        });
    }

    private Label line(int span) {
        Label label = new Label(box, SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        gd.widthHint = 400; // wrap within the view instead of asking for one long line's width
        label.setLayoutData(gd);
        return label;
    }

    /** Shows the banner with these texts (an empty line is left out); {@code withAction} shows the button. */
    void show(Tone t, String headline, String line1, String line2, boolean withAction) {
        if (t != tone) {
            tone = t;
            disposeColours();
            background = new Color(t.background[0], t.background[1], t.background[2]);
            text = new Color(t.text[0], t.text[1], t.text[2]);
            border = new Color(t.border[0], t.border[1], t.border[2]);
            for (org.eclipse.swt.widgets.Control c : new org.eclipse.swt.widgets.Control[] {box, title, first, second}) {
                c.setBackground(background);
            }
            title.setForeground(text);
            first.setForeground(text);
            second.setForeground(text);
        }
        set(title, headline);
        set(first, line1);
        set(second, line2);
        if (action != null) {
            action.setVisible(withAction);
            ((GridData) action.getLayoutData()).exclude = !withAction;
        }
        setShown(true);
    }

    private static void set(Label label, String value) {
        GridData gd = (GridData) label.getLayoutData();
        boolean empty = value == null || value.isEmpty();
        if (!label.getText().equals(empty ? "" : value)) {
            label.setText(empty ? "" : value);
        }
        label.setVisible(!empty);
        gd.exclude = empty;
    }

    void hide() {
        setShown(false);
    }

    private void setShown(boolean shown) {
        GridData gd = (GridData) box.getLayoutData();
        if (gd.exclude == !shown && box.getVisible() == shown) {
            box.layout(true);
            return;
        }
        gd.exclude = !shown;
        box.setVisible(shown);
        box.layout(true);
        box.getParent().layout(true);
    }

    /** Enables or disables the button, with a tooltip saying why (null: none). */
    void actionEnabled(boolean enabled, String tooltip) {
        if (action == null) {
            return;
        }
        if (action.getEnabled() != enabled) {
            action.setEnabled(enabled);
        }
        String tip = tooltip == null || tooltip.isEmpty() ? null : tooltip;
        if (!java.util.Objects.equals(action.getToolTipText(), tip)) {
            action.setToolTipText(tip);
        }
    }

    boolean isShown() {
        return box.getVisible();
    }

    Tone tone() {
        return tone;
    }

    String title() {
        return title.getText();
    }

    String text() {
        return first.getText() + (second.getText().isEmpty() ? "" : "\n" + second.getText());
    }

    /** The button, or null when this banner has none. */
    Button action() {
        return action;
    }

    private void disposeColours() {
        for (Color c : new Color[] {background, text, border}) {
            if (c != null) {
                c.dispose();
            }
        }
    }
}
