package org.bmsworkbench.ui.internal;

import java.io.PrintStream;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * {@code bmswb gui --print-dialogs}: what the dialogs open over the window say, as text, for
 * support scripts and the product tests: "dialog: TITLE", then each visible label, text field
 * and button in order, one line each (line breaks inside a text become " / ").
 */
final class DialogTexts {
    private DialogTexts() {
    }

    static void print(Shell window, PrintStream out) {
        for (Shell dialog : window.getShells()) {
            if (dialog.isVisible()) {
                out.println("dialog: " + dialog.getText());
                texts(dialog, out);
            }
        }
        out.flush();
    }

    private static void texts(Composite parent, PrintStream out) {
        for (Control c : parent.getChildren()) {
            if (!c.isVisible()) {
                continue;
            }
            String text = c instanceof Label l ? l.getText()
                    : c instanceof Button b ? "[" + b.getText() + "]"
                    : c instanceof Text t ? t.getText() : "";
            if (!text.isBlank() && !text.equals("[]")) {
                out.println("  " + text.strip().replace("\r", "").replace("\n", " / "));
            }
            if (c instanceof Composite child) {
                texts(child, out);
            }
        }
    }
}
