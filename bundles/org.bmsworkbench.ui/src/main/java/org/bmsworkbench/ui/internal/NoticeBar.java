package org.bmsworkbench.ui.internal;

import java.util.Objects;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * A band across the top of the window for what the user must not miss and the status bar's last
 * message would bury: the bundles that did not start. Hidden (and taking no room) until
 * {@link #show} is told a message; its Dismiss button hides it again, and its other button opens
 * what explains it (Help › About for the bundles).
 */
final class NoticeBar {
    private final Composite bar;
    private final Label text;
    /** The message last told, shown or dismissed; null when there is none. */
    private String message;

    NoticeBar(Composite parent, String actionLabel, Runnable action) {
        bar = new Composite(parent, SWT.NONE);
        bar.setData("name", "notice");
        GridLayout layout = new GridLayout(4, false);
        layout.marginWidth = 10;
        layout.marginHeight = 6;
        layout.horizontalSpacing = 10;
        bar.setLayout(layout);
        Color background = Palette.notice(parent.getDisplay());
        bar.setBackground(background);
        Label icon = new Label(bar, SWT.NONE);
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_WARNING));
        icon.setBackground(background);
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        text = new Label(bar, SWT.WRAP);
        text.setData("name", "notice.text");
        text.setBackground(background);
        GridData td = new GridData(SWT.FILL, SWT.CENTER, true, false);
        td.widthHint = 200; // wraps to the window's width instead of widening it
        text.setLayoutData(td);
        Button explain = new Button(bar, SWT.PUSH);
        explain.setText(actionLabel);
        explain.setData("name", "notice.action");
        explain.addListener(SWT.Selection, e -> action.run());
        Button dismiss = new Button(bar, SWT.PUSH);
        dismiss.setText("Dismiss");
        dismiss.setData("name", "notice.dismiss");
        dismiss.addListener(SWT.Selection, e -> hide());
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.exclude = true;
        bar.setLayoutData(gd);
        bar.setVisible(false);
    }

    Composite control() {
        return bar;
    }

    /**
     * Shows {@code told}, or hides the band for null. Told the message it already has, shown or
     * dismissed, it does nothing: a dismissed message stays dismissed.
     */
    void show(String told) {
        if (Objects.equals(told, message)) {
            return;
        }
        message = told;
        if (told == null) {
            hide();
            return;
        }
        // "Help › About" and the like wrap as one: no break around the menu arrow
        text.setText(told.replace("&", "&&").replace(" › ", "\u00a0›\u00a0"));
        text.setToolTipText(told);
        setShown(true);
    }

    void hide() {
        setShown(false);
    }

    /** The message showing, or "" when the band is hidden. */
    String message() {
        return bar.getVisible() ? message : "";
    }

    private void setShown(boolean shown) {
        ((GridData) bar.getLayoutData()).exclude = !shown;
        bar.setVisible(shown);
        bar.getParent().layout(new Control[] {text}); // lays out the window, flushing only the text's sizes and its parents
    }
}
