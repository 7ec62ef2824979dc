package org.bmsworkbench.ui.unlock.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.bmsworkbench.ui.wizard.WizardPage;
import org.bmsworkbench.ui.wizard.WizardSite;
import org.eclipse.swt.widgets.Composite;

/**
 * A wizard page for one step of the unlock procedure. It draws itself from the procedure's
 * {@link UnlockState}, which the wizard hands to every page on the UI thread; it only asks the
 * procedure to act, and shows the procedure's refusal when it says no.
 */
abstract class ProcedurePage implements WizardPage {
    final UnlockProcedure procedure;
    final UnlockStep step;
    WizardSite site;
    UnlockState state;
    Composite control;
    boolean current;
    /** Told when this page becomes current, so the others know they are not. */
    java.util.function.Consumer<ProcedurePage> onShown = page -> { };

    ProcedurePage(UnlockProcedure procedure, UnlockStep step) {
        this.procedure = procedure;
        this.step = step;
        this.state = procedure.state();
    }

    @Override
    public String title() {
        return step.title();
    }

    @Override
    public final void createControl(Composite parent, WizardSite site) {
        this.site = site;
        control = create(parent);
        render();
    }

    /** Builds the page. */
    abstract Composite create(Composite parent);

    /** Shows {@link #state}. */
    abstract void render();

    @Override
    public void shown() {
        onShown.accept(this);
        current = true;
    }

    /** A new state of the procedure (UI thread). */
    final void stateChanged(UnlockState newState) {
        state = newState;
        if (control != null && !control.isDisposed()) {
            render();
            if (current) {
                site.updateButtons();
            }
        }
    }

    /** Called by the wizard when another page becomes current. */
    final void hidden() {
        current = false;
    }

    /** True once this page's step is done: the procedure expects a later one. */
    final boolean stepDone() {
        return state.next() == null || state.next().ordinal() > step.ordinal();
    }

    /** True while the procedure works on this step. */
    final boolean working() {
        return state.busy() && state.next() == step;
    }

    /** A procedure call as a check for {@link #leave()}: null when accepted, else its reason. */
    static CompletionStage<String> check(CompletableFuture<StepResult> call) {
        return call.thenApply(result -> result.accepted() ? null : result.reason());
    }

    /** Runs a call started by a button on the page; shows the refusal or clears the error. */
    final void act(CompletableFuture<StepResult> call, Runnable onAccepted) {
        site.setError(null);
        call.thenAccept(result -> site.uiExecutor().execute(() -> {
            stateChanged(procedure.state());
            if (!current) {
                return; // the technician went on already: the answer belongs to a page no longer shown
            }
            if (result.accepted()) {
                site.setMessage(result.reason());
                if (onAccepted != null) {
                    onAccepted.run();
                }
            } else {
                site.setError(result.reason());
            }
            site.updateButtons();
        }));
        site.updateButtons();
    }
}
