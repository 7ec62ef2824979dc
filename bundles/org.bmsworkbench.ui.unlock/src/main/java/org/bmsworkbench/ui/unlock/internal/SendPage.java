package org.bmsworkbench.ui.unlock.internal;

import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** Step 5: a last look at what will be sent, and the Unlock button. */
final class SendPage extends ProcedurePage {
    private Label summary;
    private Label status;
    private Button unlock;

    SendPage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.SEND_CODE);
    }

    @Override
    public String description() {
        return "Check what will be sent, then press Unlock. The code goes to the BMS only when you press it.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        summary = PageWidgets.paragraph(page, "");
        PageWidgets.warning(page, GuideText.RESTART_WARNING);
        PageWidgets.paragraph(page, GuideText.AFTER_UNLOCK);
        unlock = new Button(page, SWT.PUSH);
        unlock.setText("  Unlock  ");
        unlock.setFont(PageWidgets.bold(unlock));
        GridData data = new GridData(SWT.LEFT, SWT.TOP, false, false);
        data.verticalIndent = 6;
        data.widthHint = 160;
        data.heightHint = 38;
        unlock.setLayoutData(data);
        unlock.addListener(SWT.Dispose, e -> unlock.getFont().dispose());
        unlock.addListener(SWT.Selection, e -> send());
        status = PageWidgets.paragraph(page, "");
        return page;
    }

    /** Presses Unlock. */
    void send() {
        act(procedure.sendCode(), () -> site.advance());
    }

    @Override
    void render() {
        var device = state.device();
        summary.setText("BMS: " + (device.productName().isEmpty() ? "MG Master LV" : device.productName())
                + ", serial " + device.serial() + (device.firmware().isEmpty() ? "" : ", firmware " + device.firmware())
                + "\nSnapshot: " + (state.snapshotPath() == null ? "none" : state.snapshotPath().getFileName())
                + (state.snapshotSha256().isEmpty() ? "" : " (SHA-256 " + state.snapshotSha256().substring(0, 16) + "\u2026)")
                + "\nUnlock code: " + (state.code().isEmpty() ? "not entered" : state.code()));
        unlock.setEnabled(state.next() == UnlockStep.SEND_CODE && !state.busy());
        status.setText(working() ? state.message() : "");
        control.layout(true, true);
    }

    @Override
    public boolean isComplete() {
        return stepDone();
    }

    @Override
    public boolean allowsBack() {
        return !state.busy() && !stepDone();
    }

    @Override
    public boolean allowsCancel() {
        return !working();
    }
}
