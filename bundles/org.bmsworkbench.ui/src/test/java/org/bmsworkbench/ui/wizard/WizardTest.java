package org.bmsworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bmsworkbench.ui.internal.Swt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WizardTest {
    private Display display;

    @BeforeEach
    void display() {
        display = Swt.display();
    }

    @AfterEach
    void dispose() {
        if (display != null) {
            for (var shell : display.getShells()) {
                shell.dispose();
            }
        }
    }

    /** A page whose completeness, refusal and permissions the test sets. */
    static final class Page implements WizardPage {
        final String title;
        boolean complete;
        boolean back = true;
        boolean cancel = true;
        String refusal;
        java.util.concurrent.CompletableFuture<String> pendingCheck;
        int shown;
        boolean disposed;
        WizardSite site;

        Page(String title) {
            this.title = title;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public String description() {
            return "What " + title + " is for, in a sentence long enough to wrap once it reaches the edge of the page.";
        }

        @Override
        public void createControl(Composite parent, WizardSite site) {
            this.site = site;
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(1, false));
            new Label(c, SWT.NONE).setText("Contents of " + title);
            Button check = new Button(c, SWT.CHECK);
            check.setText("I have done " + title);
            check.addListener(SWT.Selection, e -> {
                complete = check.getSelection();
                site.updateButtons();
            });
        }

        @Override
        public void shown() {
            shown++;
        }

        @Override
        public boolean isComplete() {
            return complete;
        }

        @Override
        public String leaving() {
            return refusal;
        }

        @Override
        public java.util.concurrent.CompletionStage<String> leave() {
            return pendingCheck != null ? pendingCheck : WizardPage.super.leave();
        }

        @Override
        public boolean allowsBack() {
            return back;
        }

        @Override
        public boolean allowsCancel() {
            return cancel;
        }

        @Override
        public void dispose() {
            disposed = true;
        }
    }

    @Test
    void nextIsOfferedOnlyWhenThePageIsCompleteAndARefusalKeepsThePage() {
        Page first = new Page("Confirm");
        Page second = new Page("Send");
        Wizard wizard = new Wizard(null, "Test", List.of(first, second));
        wizard.open();
        assertEquals(0, wizard.currentPage());
        assertFalse(wizard.canGoNext(), "an incomplete page offers no Next");
        assertFalse(wizard.canGoBack(), "the first page has no Back");
        wizard.next();
        assertEquals(0, wizard.currentPage(), "Next while disabled does nothing");

        first.complete = true;
        first.site.updateButtons();
        assertTrue(wizard.canGoNext());
        first.refusal = "the snapshot file is missing";
        wizard.next();
        assertEquals(0, wizard.currentPage(), "a refusal keeps the page");
        assertEquals("the snapshot file is missing", wizard.error());

        first.refusal = null;
        wizard.next();
        assertEquals(1, wizard.currentPage());
        assertNull(wizard.error(), "a new page starts without the old error");
        assertFalse(wizard.canGoNext(), "the last page has no Next");
        assertFalse(wizard.canFinish(), "an incomplete last page cannot finish");
        assertTrue(wizard.canGoBack());
        wizard.back();
        assertEquals(0, wizard.currentPage());
        assertEquals(2, first.shown, "shown again when coming back");
    }

    @Test
    void aPageCanForbidBackAndCancelAndFinishReportsTheOutcome() {
        Page first = new Page("Confirm");
        first.complete = true;
        Page second = new Page("Watch");
        Wizard wizard = new Wizard(null, "Test", List.of(first, second));
        List<Wizard.Outcome> outcomes = new ArrayList<>();
        wizard.onClose(outcomes::add);
        wizard.open();
        wizard.next();
        second.back = false;
        second.cancel = false;
        second.site.updateButtons();
        assertFalse(wizard.canGoBack());
        assertFalse(wizard.canCancel());
        wizard.cancel();
        wizard.shell().close();
        assertFalse(wizard.shell().isDisposed(), "closing the window is refused while the page forbids cancel");
        assertTrue(wizard.error().contains("cannot be interrupted"));

        second.complete = true;
        second.cancel = true;
        second.site.updateButtons();
        assertTrue(wizard.canFinish());
        wizard.finish();
        assertTrue(wizard.shell().isDisposed());
        assertEquals(List.of(Wizard.Outcome.FINISHED), outcomes);
        assertEquals(Wizard.Outcome.FINISHED, wizard.outcome());
        assertTrue(first.disposed && second.disposed, "every page is told the wizard closed");
    }

    @Test
    void advanceMovesOnWhenAsynchronousWorkCompletesAndCancelClosesAsCancelled() throws Exception {
        Page first = new Page("Send");
        Page second = new Page("Result");
        Wizard wizard = new Wizard(null, "Test", List.of(first, second));
        AtomicReference<Wizard.Outcome> outcome = new AtomicReference<>();
        wizard.onClose(outcome::set);
        wizard.open();
        Thread worker = new Thread(() -> first.site.uiExecutor().execute(() -> {
            first.complete = true;
            first.site.advance();
        }));
        worker.start();
        worker.join();
        Swt.waitUntil("the page to go on by itself", 5_000, () -> wizard.currentPage() != 0);
        assertEquals(1, wizard.currentPage(), "the page went on by itself once its work finished");
        Swt.screenshot(wizard.shell(), "wizard.png");
        wizard.cancel();
        assertEquals(Wizard.Outcome.CANCELLED, outcome.get());
    }

    @Test
    void aCheckInTheBackgroundHoldsTheButtonsUntilItAnswers() {
        Page first = new Page("Checklist");
        first.complete = true;
        Page second = new Page("Code");
        Wizard wizard = new Wizard(null, "Test", List.of(first, second));
        wizard.open();
        first.pendingCheck = new java.util.concurrent.CompletableFuture<>();
        wizard.next();
        assertTrue(wizard.isBusy());
        assertFalse(wizard.canGoNext(), "no second Next while the first is being checked");
        assertEquals(0, wizard.currentPage());
        new Thread(() -> first.pendingCheck.complete("item 2 is not confirmed")).start();
        Swt.waitUntil("the check to finish", 5_000, () -> !wizard.isBusy());
        assertEquals(0, wizard.currentPage());
        assertEquals("item 2 is not confirmed", wizard.error());
        assertTrue(wizard.canGoNext());

        first.pendingCheck = new java.util.concurrent.CompletableFuture<>();
        wizard.next();
        new Thread(() -> first.pendingCheck.complete(null)).start();
        Swt.waitUntil("the second page", 5_000, () -> wizard.currentPage() == 1);
        assertNull(wizard.error());

        wizard.back();
        first.pendingCheck = new java.util.concurrent.CompletableFuture<>();
        wizard.next();
        first.pendingCheck.completeExceptionally(new IllegalStateException("the connection closed"));
        Swt.waitUntil("the check to finish", 5_000, () -> !wizard.isBusy());
        assertEquals(0, wizard.currentPage());
        assertEquals("this step failed: the connection closed", wizard.error());
    }
}
