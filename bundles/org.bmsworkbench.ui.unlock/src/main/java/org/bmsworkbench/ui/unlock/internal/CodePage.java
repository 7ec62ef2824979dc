package org.bmsworkbench.ui.unlock.internal;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Step 4: the code from MG is typed and its format checked as it is typed; when the device
 * profile's way of sending it is unverified and the device is real, the technician acknowledges that.
 */
final class CodePage extends ProcedurePage {
    static final String UNVERIFIED_ACKNOWLEDGEMENT = "I understand that the way this tool sends the unlock code"
            + " to this BMS is not verified with MG Energy Systems, and I send it on my own responsibility.";
    private Text code;
    private Label formatCheck;
    private Button acknowledgement;

    CodePage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.ENTER_CODE);
    }

    @Override
    public String description() {
        return "Type the unlock code your MG dealer sent for this BMS: 8 hexadecimal digits.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        PageWidgets.warning(page, GuideText.RESTART_WARNING);
        PageWidgets.warning(page, GuideText.DC_LOADS);
        Composite row = new Composite(page, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginTop = 8;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(row, SWT.NONE).setText("Unlock code:");
        code = new Text(row, SWT.BORDER | SWT.SINGLE);
        FontData[] mono = new FontData[] {new FontData("Monospace", code.getFont().getFontData()[0].getHeight() + 2, SWT.BOLD)};
        Font font = new Font(code.getDisplay(), mono);
        code.setFont(font);
        code.addListener(SWT.Dispose, e -> font.dispose());
        code.setTextLimit(24);
        code.setMessage("e.g. 1A2B 3C4D");
        GridData codeData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        codeData.widthHint = 170;
        code.setLayoutData(codeData);
        code.addListener(SWT.Modify, e -> {
            renderFormat();
            site.updateButtons();
        });
        formatCheck = new Label(row, SWT.WRAP);
        GridData checkData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        checkData.widthHint = 280;
        formatCheck.setLayoutData(checkData);
        if (procedure.acknowledgementNeeded()) {
            Label why = PageWidgets.paragraph(page, "How an unlock code reaches an MG Master LV is not published by MG."
                    + " This tool writes it to the register its device profile names, and that profile is marked"
                    + " unverified. On a real BMS, send it only if you accept that.");
            ((GridData) why.getLayoutData()).verticalIndent = 8;
            acknowledgement = new Button(page, SWT.CHECK | SWT.WRAP);
            acknowledgement.setText(UNVERIFIED_ACKNOWLEDGEMENT);
            acknowledgement.setLayoutData(PageWidgets.wrapping());
            acknowledgement.addListener(SWT.Selection, e -> site.updateButtons());
        }
        return page;
    }

    private Optional<String> formatProblem() {
        return UnlockCode.problemWith(code.getText());
    }

    private void renderFormat() {
        if (code.getText().isBlank()) {
            formatCheck.setText("");
            return;
        }
        Optional<String> problem = formatProblem();
        formatCheck.setText(problem.map(p -> "\u2717 " + p).orElse("\u2713 format correct"));
        formatCheck.setForeground(code.getDisplay().getSystemColor(problem.isPresent() ? SWT.COLOR_DARK_RED
                : SWT.COLOR_DARK_GREEN));
        formatCheck.getParent().layout(true);
    }

    @Override
    void render() {
        boolean editable = !state.busy() && state.next() != null
                && state.next().ordinal() <= UnlockStep.SEND_CODE.ordinal();
        code.setEnabled(editable);
        if (acknowledgement != null) {
            acknowledgement.setEnabled(editable);
        }
        renderFormat();
    }

    @Override
    public boolean isComplete() {
        return !state.busy() && formatProblem().isEmpty()
                && (acknowledgement == null || acknowledgement.getSelection());
    }

    @Override
    public CompletionStage<String> leave() {
        return check(procedure.enterCode(code.getText(), acknowledgement != null && acknowledgement.getSelection()));
    }

    /** For tests: types a code as the technician would. */
    void type(String text) {
        code.setText(text);
    }

    /** For tests: ticks the acknowledgement; false when the page shows none. */
    boolean acknowledge() {
        if (acknowledgement == null) {
            return false;
        }
        acknowledgement.setSelection(true);
        site.updateButtons();
        return true;
    }

    String formatCheckText() {
        return formatCheck.getText();
    }
}
