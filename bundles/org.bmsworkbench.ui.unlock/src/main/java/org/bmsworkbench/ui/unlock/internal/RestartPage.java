package org.bmsworkbench.ui.unlock.internal;

import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.RestartObservation;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Step 6: the restart is watched state by state; the page moves on by itself when it ends. */
final class RestartPage extends ProcedurePage {
    private ProgressBar progress;
    private Label status;
    private Table states;
    private boolean advanced;

    RestartPage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.WATCH_RESTART);
    }

    @Override
    public String description() {
        return "The code was accepted. The BMS restarts now; each state it passes through is shown.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        PageWidgets.paragraph(page, GuideText.AFTER_UNLOCK);
        progress = new ProgressBar(page, SWT.INDETERMINATE);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = PageWidgets.heading(page, "");
        states = new Table(page, SWT.BORDER | SWT.FULL_SELECTION);
        states.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 140;
        states.setLayoutData(data);
        TableColumn after = new TableColumn(states, SWT.RIGHT);
        after.setText("After");
        after.setWidth(90);
        TableColumn state = new TableColumn(states, SWT.LEFT);
        state.setText("BMS state");
        state.setWidth(380);
        return page;
    }

    @Override
    void render() {
        progress.setVisible(!state.finished());
        status.setText(state.message());
        var seen = state.restart();
        if (states.getItemCount() != seen.size()) {
            states.removeAll();
            for (RestartObservation o : seen) {
                TableItem item = new TableItem(states, SWT.NONE);
                item.setText(0, String.format("%.1f s", o.after().toMillis() / 1000.0));
                item.setText(1, o.state().code() + "  " + o.state().label());
            }
        }
        control.layout(true, true);
        if (state.finished() && current && !advanced) {
            advanced = true;
            site.uiExecutor().execute(site::advance);
        }
    }

    @Override
    public void shown() {
        super.shown();
        if (state.finished() && !advanced) {
            advanced = true;
            site.uiExecutor().execute(site::advance);
        }
    }

    @Override
    public boolean isComplete() {
        return state.finished();
    }

    @Override
    public boolean allowsBack() {
        return false;
    }

    int observationsShown() {
        return states.getItemCount();
    }
}
