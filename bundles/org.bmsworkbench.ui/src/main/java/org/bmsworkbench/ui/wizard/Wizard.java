package org.bmsworkbench.ui.wizard;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A wizard window: the list of steps on the left, the current page on the right, a title,
 * description and message line on top, Back / Next / Finish / Cancel at the bottom. Pages
 * are created when first shown. Create, drive and read it on the UI thread only.
 */
public final class Wizard {

    /** How the wizard ended. */
    public enum Outcome {
        FINISHED,
        CANCELLED
    }

    private final List<WizardPage> pages;
    private final Display display;
    private final Shell shell;
    private final WizardControls controls;
    private final Composite[] pageControls;
    private final List<Consumer<Outcome>> closeListeners = new CopyOnWriteArrayList<>();
    private final Site site = new Site();
    private int current = -1;
    private Outcome outcome;
    private String error;
    private String info;
    private boolean leaving;

    /**
     * Builds the wizard window (not yet open).
     *
     * @param parent the workbench shell, or null for a top-level window
     */
    public Wizard(Shell parent, String windowTitle, List<? extends WizardPage> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one page");
        }
        this.pages = List.copyOf(pages);
        this.pageControls = new Composite[pages.size()];
        display = parent == null ? Display.getCurrent() : parent.getDisplay();
        Objects.requireNonNull(display, "a wizard is created on the UI thread");
        controls = new WizardControls(parent, display, windowTitle, this.pages, this::back, this::next, this::finish,
                this::cancel);
        shell = controls.shell;

        shell.addListener(SWT.Close, event -> {
            if (outcome == null) {
                if (!cancelAllowed()) {
                    event.doit = false;
                    site.setError("This step cannot be interrupted; wait until it has finished.");
                    return;
                }
                outcome = Outcome.CANCELLED;
            }
        });
        shell.addListener(SWT.Dispose, event -> {
            for (WizardPage page : this.pages) {
                try {
                    page.dispose();
                } catch (RuntimeException e) {
                    // a page that fails to clean up must not keep the others from doing so
                }
            }
            controls.disposeFonts();
            Outcome result = outcome == null ? Outcome.CANCELLED : outcome;
            closeListeners.forEach(l -> l.accept(result));
        });
        show(0);
    }

    /** Opens the window, centred on its parent, and returns at once. */
    public void open() {
        shell.pack();
        Shell parent = shell.getParent() instanceof Shell p ? p : null;
        if (parent != null && parent.isVisible()) {
            var pb = parent.getBounds();
            var sb = shell.getBounds();
            shell.setLocation(pb.x + (pb.width - sb.width) / 2, pb.y + Math.max(0, (pb.height - sb.height) / 3));
        }
        shell.open();
    }

    /** Called once with the outcome when the window closes. */
    public void onClose(Consumer<Outcome> listener) {
        closeListeners.add(listener);
    }

    public Shell shell() {
        return shell;
    }

    public int currentPage() {
        return current;
    }

    /** The outcome once closed; null while open. */
    public Outcome outcome() {
        return shell.isDisposed() ? (outcome == null ? Outcome.CANCELLED : outcome) : null;
    }

    /** The error shown now, or null. */
    public String error() {
        return error;
    }

    public boolean canGoBack() {
        return controls.back.getEnabled();
    }

    public boolean canGoNext() {
        return controls.next.getEnabled();
    }

    public boolean canFinish() {
        return controls.finish.getEnabled();
    }

    public boolean canCancel() {
        return controls.cancel.getEnabled();
    }

    /** Presses Back, if enabled. */
    public void back() {
        if (!shell.isDisposed() && controls.back.getEnabled()) {
            show(current - 1);
        }
    }

    /** Presses Next, if enabled: the page may refuse with a reason, shown as the error. */
    public void next() {
        if (!shell.isDisposed() && controls.next.getEnabled()) {
            leave(() -> show(current + 1));
        }
    }

    /** Presses Finish, if enabled. */
    public void finish() {
        if (!shell.isDisposed() && controls.finish.getEnabled()) {
            leave(() -> {
                outcome = Outcome.FINISHED;
                shell.close();
            });
        }
    }

    /** True while a page checks, in the background, whether the user may go on. */
    public boolean isBusy() {
        return leaving;
    }

    private void leave(Runnable onward) {
        int from = current;
        java.util.concurrent.CompletableFuture<String> check;
        try {
            check = pages.get(from).leave().toCompletableFuture();
        } catch (RuntimeException e) {
            check = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        if (check.isDone()) {
            afterLeave(from, check, onward);
            return;
        }
        leaving = true;
        update();
        java.util.concurrent.CompletableFuture<String> pending = check;
        pending.whenComplete((refusal, failure) -> site.uiExecutor().execute(() -> {
            leaving = false;
            afterLeave(from, pending, onward);
        }));
    }

    private void afterLeave(int from, java.util.concurrent.CompletableFuture<String> check, Runnable onward) {
        if (shell.isDisposed() || current != from) {
            return;
        }
        String refusal;
        try {
            refusal = check.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            refusal = "this step failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        if (refusal != null) {
            site.setError(refusal);
            update();
            return;
        }
        onward.run();
    }

    /** Presses Cancel, if enabled. */
    public void cancel() {
        if (!shell.isDisposed() && cancelAllowed()) {
            outcome = Outcome.CANCELLED;
            shell.close();
        }
    }

    private boolean cancelAllowed() {
        return pages.get(current).allowsCancel();
    }

    private void show(int index) {
        current = index;
        WizardPage page = pages.get(index);
        if (pageControls[index] == null) {
            Composite holder = new Composite(controls.pageArea, SWT.NONE);
            holder.setLayout(new FillLayout());
            page.createControl(holder, site);
            pageControls[index] = holder;
        }
        controls.stack.topControl = pageControls[index];
        controls.pageArea.layout(true, true);
        error = null;
        info = null;
        controls.showStep(index);
        page.shown();
        update();
    }

    private void update() {
        if (shell.isDisposed()) {
            return;
        }
        WizardPage page = pages.get(current);
        boolean last = current == pages.size() - 1;
        boolean complete = page.isComplete();
        controls.back.setEnabled(!leaving && current > 0 && page.allowsBack());
        controls.next.setEnabled(!leaving && !last && complete);
        controls.finish.setEnabled(!leaving && last && complete);
        controls.cancel.setEnabled(page.allowsCancel());
        shell.setDefaultButton(last ? controls.finish : controls.next);
        controls.showMessage(error, info);
    }

    private final class Site implements WizardSite {
        private final Executor ui = task -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        task.run();
                    }
                });
            }
        };

        @Override
        public void updateButtons() {
            update();
        }

        @Override
        public void setMessage(String text) {
            info = text;
            update();
        }

        @Override
        public void setError(String text) {
            error = text;
            update();
        }

        @Override
        public Executor uiExecutor() {
            return ui;
        }

        @Override
        public Shell shell() {
            return shell;
        }

        @Override
        public void advance() {
            update();
            next();
        }
    }
}
