package org.bmsworkbench.ui.unlock.internal;

import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Step 7: how the attempt ended, what is still wrong, and the BMS's state now. */
final class ResultPage extends ProcedurePage {
    private Label headline;
    private Label summary;
    private Label combined;
    private Text details;

    ResultPage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.CHECK_RESULT);
    }

    @Override
    public String description() {
        return "The result of the attempt. It is recorded in the audit log with the snapshot's SHA-256.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        headline = PageWidgets.heading(page, "");
        summary = PageWidgets.paragraph(page, "");
        combined = PageWidgets.paragraph(page, GuideText.AFTER_UNLOCK);
        details = new Text(page, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = PageWidgets.WIDTH;
        data.heightHint = 160;
        details.setLayoutData(data);
        return page;
    }

    static String headline(UnlockResult result) {
        return switch (result.outcome()) {
            case RUNNING -> "Unlocked: the BMS is running and its alarms are cleared";
            case WAITING_FOR_START_COMMAND -> "Unlocked: the BMS waits for the start command of the SmartLink MX";
            case STILL_WRONG -> "The BMS restarted, but something is still wrong";
            case NO_RESTART -> "The BMS did not restart as expected";
            case CANCELLED -> "Cancelled: the code was not sent";
        };
    }

    @Override
    void render() {
        UnlockResult result = state.result();
        if (result == null) {
            headline.setText("Waiting for the result\u2026");
            return;
        }
        headline.setText(headline(result));
        int colour = switch (result.outcome()) {
            case RUNNING -> SWT.COLOR_DARK_GREEN;
            case WAITING_FOR_START_COMMAND -> SWT.COLOR_DARK_YELLOW;
            case CANCELLED -> SWT.COLOR_DARK_GRAY;
            default -> SWT.COLOR_DARK_RED;
        };
        headline.setForeground(headline.getDisplay().getSystemColor(colour));
        summary.setText(result.summary());
        boolean waiting = result.outcome() == UnlockResult.Outcome.WAITING_FOR_START_COMMAND;
        combined.setVisible(waiting);
        ((GridData) combined.getLayoutData()).exclude = !waiting;
        StringBuilder text = new StringBuilder();
        if (!result.problems().isEmpty()) {
            text.append("Still wrong:\n");
            result.problems().forEach(p -> text.append("  \u2013 ").append(p).append('\n'));
            text.append('\n');
        }
        if (!state.restart().isEmpty()) {
            text.append("States seen after the code was sent:\n");
            state.restart().forEach(o -> text.append(String.format("  %6.1f s  %d %s%n", o.after().toMillis() / 1000.0,
                    o.state().code(), o.state().label())));
            text.append('\n');
        }
        if (result.after() != null) {
            text.append("The BMS now:\n").append(DiagnosisText.format(result.after()));
        }
        details.setText(text.toString().stripTrailing());
        boolean any = !details.getText().isEmpty();
        details.setVisible(any);
        ((GridData) details.getLayoutData()).exclude = !any;
        control.layout(true, true);
    }

    @Override
    public boolean isComplete() {
        return state.finished();
    }

    @Override
    public boolean allowsBack() {
        return false;
    }

    String headlineText() {
        return headline.getText();
    }
}
