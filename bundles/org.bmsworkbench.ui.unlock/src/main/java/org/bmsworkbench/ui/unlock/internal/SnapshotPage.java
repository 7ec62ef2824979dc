package org.bmsworkbench.ui.unlock.internal;

import java.nio.file.Path;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

/** Step 2: a system snapshot is saved (or one taken before is used); without it nothing goes further. */
final class SnapshotPage extends ProcedurePage {
    private final Path suggested;
    private Text file;
    private Button save;
    private Button browse;
    private Button existing;
    private ProgressBar progress;
    private Label status;

    SnapshotPage(UnlockProcedure procedure, Path suggested) {
        super(procedure, UnlockStep.SNAPSHOT);
        this.suggested = suggested;
    }

    @Override
    public String description() {
        return "Save a system snapshot of the locked BMS for your MG dealer. Nothing goes further without it.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        PageWidgets.paragraph(page, GuideText.SNAPSHOT_MANDATORY);
        PageWidgets.paragraph(page, GuideText.CONTACT_DEALER);
        PageWidgets.paragraph(page, GuideText.REPLACEMENT);

        Composite row = new Composite(page, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        new Label(row, SWT.NONE).setText("Snapshot file:");
        file = new Text(row, SWT.BORDER | SWT.SINGLE);
        file.setText(suggested.toString());
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        browse = new Button(row, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(site.shell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] {"*.zip"});
            dialog.setOverwrite(true);
            Path current = Path.of(file.getText().isBlank() ? suggested.toString() : file.getText());
            if (current.getParent() != null) {
                dialog.setFilterPath(current.getParent().toString());
            }
            dialog.setFileName(current.getFileName().toString());
            String chosen = dialog.open();
            if (chosen != null) {
                file.setText(chosen);
            }
        });

        Composite buttons = new Composite(page, SWT.NONE);
        GridLayout buttonLayout = new GridLayout(2, false);
        buttonLayout.marginWidth = 0;
        buttons.setLayout(buttonLayout);
        save = new Button(buttons, SWT.PUSH);
        save.setText("Save snapshot now");
        save.addListener(SWT.Selection, e -> saveNow());
        existing = new Button(buttons, SWT.PUSH);
        existing.setText("Use a snapshot saved before\u2026");
        existing.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(site.shell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.zip"});
            String chosen = dialog.open();
            if (chosen != null) {
                useExisting(Path.of(chosen));
            }
        });
        progress = new ProgressBar(page, SWT.INDETERMINATE);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = PageWidgets.paragraph(page, "");
        return page;
    }

    /** Saves a snapshot to the file named in the field. */
    void saveNow() {
        String name = file.getText().strip();
        if (name.isEmpty()) {
            site.setError("Name the snapshot file first.");
            return;
        }
        act(procedure.saveSnapshot(Path.of(name), SnapshotOptions.defaults()), null);
    }

    /** Uses a snapshot taken before; the procedure checks it. */
    void useExisting(Path zip) {
        file.setText(zip.toString());
        act(procedure.useSnapshot(zip), null);
    }

    @Override
    void render() {
        boolean busy = working();
        progress.setVisible(busy);
        ((GridData) progress.getLayoutData()).exclude = !busy;
        boolean open = !state.busy() && !state.finished() && state.next() != null
                && state.next().ordinal() <= UnlockStep.ENTER_CODE.ordinal();
        save.setEnabled(open);
        existing.setEnabled(open);
        browse.setEnabled(open);
        file.setEnabled(open);
        if (busy) {
            status.setText(state.message());
        } else if (state.snapshotPath() != null && stepDone()) {
            status.setText("Snapshot in use: " + state.snapshotPath() + "\nSHA-256: " + state.snapshotSha256()
                    + "\nSend this file to your MG dealer to ask for the unlock code.");
        } else {
            status.setText("");
        }
        control.layout(true, true);
    }

    @Override
    public boolean isComplete() {
        return stepDone() && !state.busy();
    }

    /** For tests: the file field. */
    Text fileField() {
        return file;
    }
}
