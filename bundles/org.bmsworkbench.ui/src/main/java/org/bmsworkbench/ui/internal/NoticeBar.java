package org.bmsworkbench.ui.internal;

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
 * {@link #show} is called; its Dismiss button hides it again, and its second button opens what
 * explains it (Help › About for the bundles).
 */
final class NoticeBar {
    private final Composite bar;
    private final Label text;
    private final Button action;
    private Runnable onAction = () -> { };

    NoticeBar(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        bar.setData("name", "notice");
        GridLayout layout = new GridLayout(4, false);
        layout.marginWidth = 10;
        layout.marginHeight = 6;
        layout.horizontalSpacing = 10;
        bar.setLayout(layout);
        Color background = new Color(parent.getDisplay(), 0xFF, 0xF4, 0xCE);
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
        action = new Button(bar, SWT.PUSH);
        action.setData("name", "notice.action");
        action.addListener(SWT.Selection, e -> onAction.run());
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

    /** Shows {@code message}, with a button labelled {@code actionLabel} that runs {@code action}. */
    void show(String message, String actionLabel, Runnable action) {
        // "Help › About" and the like wrap as one: no break around the menu arrow
        text.setText(message.replace("&", "&&").replace(" › ", "\u00a0›\u00a0"));
        text.setToolTipText(message);
        this.action.setText(actionLabel);
        this.onAction = action;
        setShown(true);
    }

    void hide() {
        setShown(false);
    }

    /** The message shown, or "" when the bar is hidden. */
    String message() {
        return bar.getVisible() ? text.getToolTipText() : "";
    }

    private void setShown(boolean shown) {
        ((GridData) bar.getLayoutData()).exclude = !shown;
        bar.setVisible(shown);
        bar.getParent().layout(new Control[] {text}); // lays out the window, flushing only the text's sizes and its parents
    }
}
