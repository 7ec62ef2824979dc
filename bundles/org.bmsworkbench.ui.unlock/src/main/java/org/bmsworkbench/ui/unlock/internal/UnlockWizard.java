package org.bmsworkbench.ui.unlock.internal;

import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.ui.wizard.Wizard;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The unlock procedure as a wizard: one page per step, every page drawn from the procedure's
 * state. Closing the wizard before the end cancels the attempt (audited by the procedure) and
 * releases it.
 */
final class UnlockWizard {
    private final UnlockProcedure procedure;
    private final Wizard wizard;
    private final List<ProcedurePage> pages;

    UnlockWizard(Shell parent, UnlockProcedure procedure, String uri, Path suggestedSnapshot) {
        this.procedure = procedure;
        this.pages = List.of(new DiagnosisPage(procedure), new SnapshotPage(procedure, suggestedSnapshot),
                new ChecklistPage(procedure), new CodePage(procedure), new SendPage(procedure),
                new RestartPage(procedure), new ResultPage(procedure));
        for (ProcedurePage page : pages) {
            page.onShown = shown -> pages.forEach(p -> {
                if (p != shown) {
                    p.hidden();
                }
            });
        }
        // listen before the first page asks the procedure anything, so that no state is missed
        Display display = parent != null ? parent.getDisplay() : Display.getCurrent();
        Subscription subscription = procedure.addListener(state -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> pages.forEach(p -> p.stateChanged(state)));
            }
        });
        this.wizard = new Wizard(parent, "Unlock Safety lock \u2014 " + uri, pages);
        wizard.onClose(outcome -> {
            subscription.close();
            if (!procedure.state().finished()) {
                procedure.cancel().whenComplete((r, e) -> procedure.close());
            } else {
                procedure.close();
            }
        });
    }

    void open() {
        wizard.open();
    }

    Wizard wizard() {
        return wizard;
    }

    <P extends ProcedurePage> P page(Class<P> type) {
        return pages.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    UnlockProcedure procedure() {
        return procedure;
    }
}
