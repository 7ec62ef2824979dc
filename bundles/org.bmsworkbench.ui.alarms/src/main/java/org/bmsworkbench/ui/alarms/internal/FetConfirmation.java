package org.bmsworkbench.ui.alarms.internal;

import org.bmsworkbench.bms.fets.FetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The confirmation before switching MOSFETs: what will be sent to which BMS, what to have checked,
 * and that the attempt is audited. "Send" runs {@code onSend}; "Cancel", closing the window, or
 * its disposal with the view runs {@code onCancel} (once, so a declined attempt is audited too).
 * Opens without blocking; UI thread only.
 */
final class FetConfirmation {
    static final String SEND = "Send";
    static final String CANCEL = "Cancel";

    private final Shell shell;
    private final Label text;
    private final Button send;
    private final Button cancel;
    private boolean decided;

    FetConfirmation(Shell parent, String uri, String protocol, FetCommand command, String checks, Runnable onSend,
            Runnable onCancel) {
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.PRIMARY_MODAL);
        shell.setText("Switch MOSFETs");
        GridLayout l = new GridLayout(2, false);
        l.marginWidth = 14;
        l.marginHeight = 12;
        l.verticalSpacing = 10;
        shell.setLayout(l);
        text = new Label(shell, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        td.widthHint = 520;
        text.setLayoutData(td);
        text.setText(message(uri, protocol, command, checks));
        send = new Button(shell, SWT.PUSH);
        send.setText(SEND);
        send.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        cancel = new Button(shell, SWT.PUSH);
        cancel.setText(CANCEL);
        cancel.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        shell.setDefaultButton(cancel); // Enter does not send
        send.addListener(SWT.Selection, e -> {
            decided = true;
            shell.dispose();
            onSend.run();
        });
        cancel.addListener(SWT.Selection, e -> shell.dispose());
        shell.addDisposeListener(e -> {
            if (!decided) {
                decided = true;
                onCancel.run();
            }
        });
        shell.pack();
    }

    /** The dialog's words: the command, the BMS, what to have checked, the audit. */
    static String message(String uri, String protocol, FetCommand command, String checks) {
        StringBuilder b = new StringBuilder("Send \"").append(command).append("\" to the ").append(protocol)
                .append(" BMS on ").append(uri.replace("&", "&&")).append("?\n\n");
        if (Boolean.TRUE.equals(command.charge())) {
            b.append("The charge MOSFET connects the charger or inverter to the cells again.\n");
        }
        if (Boolean.TRUE.equals(command.discharge())) {
            b.append("The discharge MOSFET connects the loads to the cells again.\n");
        }
        if (!checks.isEmpty()) {
            b.append("\nThe cause must be removed first, or the BMS will lock again at once:\n")
                    .append(checks.replace("&", "&&")).append('\n');
        }
        return b.append("\nThe attempt and the BMS's answer are recorded in the audit log.").toString();
    }

    void open() {
        shell.open();
    }

    boolean isDisposed() {
        return shell.isDisposed();
    }

    void dispose() {
        shell.dispose();
    }

    String text() {
        return text.getText();
    }

    Button send() {
        return send;
    }

    Button cancel() {
        return cancel;
    }

    Shell shell() {
        return shell;
    }
}
