package org.bmsworkbench.ui.registers.internal;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks before a register is written: register, current and new value with unit, the allowed
 * range and the guide's comment. Modal to the window but without an event loop of its own:
 * the answer comes through the callback (true = write), exactly once.
 */
final class WriteConfirmation {
    private final Shell shell;
    private final Button write;
    private final Button cancel;
    private final Consumer<Boolean> answer;
    private boolean answered;

    WriteConfirmation(Shell parent, WriteRequest request, String currentValue, int node, Consumer<Boolean> answer) {
        this.answer = answer;
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        shell.setText("Write register " + request.info().idHex() + "?");
        shell.setLayout(new GridLayout(2, false));
        row("Register", request.info().idHex() + "  " + request.info().name());
        row("Device", String.format("node 0x%02X", node));
        row("Current value", currentValue.isEmpty() ? "unknown (not read yet)" : currentValue);
        Label n = row("New value", request.text());
        n.setFont(bold(n));
        row("Allowed", RegisterText.range(request.info()) + (request.info().comment().isEmpty() ? ""
                : "  (" + request.info().comment() + ")"));
        Label warn = new Label(shell, SWT.WRAP);
        warn.setText("This changes the BMS's configuration. The value is sent once and then confirmed by the"
                + " device's broadcast or read back.");
        GridData wd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wd.widthHint = 440;
        warn.setLayoutData(wd);

        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        write = new Button(buttons, SWT.PUSH);
        write.setText("Write " + request.text());
        write.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        write.addListener(SWT.Selection, e -> close(true));
        cancel.addListener(SWT.Selection, e -> close(false));
        shell.addListener(SWT.Close, e -> finish(false));
        shell.setDefaultButton(cancel);
        shell.pack();
        shell.setLocation(parent.getLocation().x + 80, parent.getLocation().y + 80);
        shell.open();
        cancel.setFocus();
    }

    private Label row(String name, String value) {
        Label l = new Label(shell, SWT.NONE);
        l.setText(name + ":");
        Label v = new Label(shell, SWT.NONE);
        v.setText(value);
        return v;
    }

    private static org.eclipse.swt.graphics.Font bold(Label l) {
        org.eclipse.swt.graphics.FontData[] fd = l.getFont().getFontData();
        for (org.eclipse.swt.graphics.FontData d : fd) {
            d.setStyle(SWT.BOLD);
        }
        org.eclipse.swt.graphics.Font f = new org.eclipse.swt.graphics.Font(l.getDisplay(), fd);
        l.addListener(SWT.Dispose, e -> f.dispose());
        return f;
    }

    private void close(boolean ok) {
        finish(ok);
        shell.dispose();
    }

    private void finish(boolean ok) {
        if (!answered) {
            answered = true;
            answer.accept(ok);
        }
    }

    Shell shell() {
        return shell;
    }

    Button writeButton() {
        return write;
    }

    Button cancelButton() {
        return cancel;
    }
}
