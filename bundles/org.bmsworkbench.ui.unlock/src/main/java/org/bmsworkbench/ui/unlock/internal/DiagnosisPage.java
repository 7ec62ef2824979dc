package org.bmsworkbench.ui.unlock.internal;

import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Step 1: the device is read and diagnosed; the procedure goes on only for an active Safety lock. */
final class DiagnosisPage extends ProcedurePage {
    private Label headline;
    private Text details;
    private Button again;

    DiagnosisPage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.CONFIRM_LOCK);
    }

    @Override
    public String description() {
        return "The BMS is read and diagnosed. The procedure continues only when a Safety lock is active.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        PageWidgets.paragraph(page, GuideText.PERMANENT_FAILURE);
        headline = PageWidgets.heading(page, "");
        details = new Text(page, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = PageWidgets.WIDTH;
        data.heightHint = 190;
        details.setLayoutData(data);
        PageWidgets.paragraph(page, GuideText.TRIGGER + " " + GuideText.THRESHOLDS);
        again = new Button(page, SWT.PUSH);
        again.setText("Diagnose again");
        again.addListener(SWT.Selection, e -> diagnose());
        return page;
    }

    @Override
    public void shown() {
        super.shown();
        if (state.diagnosis() == null && !state.busy() && state.next() == UnlockStep.CONFIRM_LOCK) {
            diagnose();
        }
    }

    private void diagnose() {
        act(procedure.confirmLock(), null);
    }

    @Override
    void render() {
        if (working()) {
            headline.setText("Reading the BMS\u2026");
        } else if (state.diagnosis() == null) {
            headline.setText("Not diagnosed yet");
            details.setText("");
        } else {
            headline.setText(DiagnosisText.headline(state.diagnosis()));
            details.setText(DiagnosisText.format(state.diagnosis()));
        }
        again.setEnabled(!state.busy() && !state.finished() && !procedureSent());
        control.layout(true, true);
    }

    private boolean procedureSent() {
        return state.next() != null && state.next().ordinal() > UnlockStep.SEND_CODE.ordinal();
    }

    @Override
    public boolean isComplete() {
        return stepDone() && !state.busy();
    }

    /** Text shown, for tests. */
    String detailsText() {
        return details.getText();
    }
}
