package org.bmsworkbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
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
    private final Label title;
    private final Label description;
    private final Label message;
    private final Composite pageArea;
    private final StackLayout stack = new StackLayout();
    private final Composite[] pageControls;
    private final List<Label> stepLabels = new ArrayList<>();
    private final Label stepCounter;
    private final Button back;
    private final Button next;
    private final Button finish;
    private final Button cancel;
    private final Font titleFont;
    private final Font currentStepFont;
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
        shell = parent == null ? new Shell(display, SWT.DIALOG_TRIM | SWT.RESIZE)
                : new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.PRIMARY_MODAL);
        shell.setText(windowTitle);
        GridLayout outer = new GridLayout(1, false);
        outer.marginWidth = 0;
        outer.marginHeight = 0;
        outer.verticalSpacing = 0;
        shell.setLayout(outer);

        FontData[] base = display.getSystemFont().getFontData();
        titleFont = derive(display, base, SWT.BOLD, 1.25f);
        currentStepFont = derive(display, base, SWT.BOLD, 1f);

        Color white = display.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
        Composite header = new Composite(shell, SWT.NONE);
        header.setBackground(white);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout headerLayout = new GridLayout(1, false);
        headerLayout.marginWidth = 14;
        headerLayout.marginHeight = 10;
        header.setLayout(headerLayout);
        title = new Label(header, SWT.NONE);
        title.setFont(titleFont);
        title.setBackground(white);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        description = new Label(header, SWT.WRAP);
        description.setBackground(white);
        GridData descriptionData = new GridData(SWT.FILL, SWT.TOP, true, false);
        descriptionData.widthHint = 560;
        description.setLayoutData(descriptionData);
        message = new Label(header, SWT.WRAP);
        message.setBackground(white);
        GridData messageData = new GridData(SWT.FILL, SWT.TOP, true, false);
        messageData.widthHint = 560;
        message.setLayoutData(messageData);
        new Label(shell, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite body = new Composite(shell, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout bodyLayout = new GridLayout(3, false);
        bodyLayout.marginWidth = 12;
        bodyLayout.marginHeight = 12;
        bodyLayout.horizontalSpacing = 12;
        body.setLayout(bodyLayout);
        Composite steps = new Composite(body, SWT.NONE);
        steps.setLayoutData(new GridData(SWT.LEFT, SWT.FILL, false, true));
        GridLayout stepsLayout = new GridLayout(1, false);
        stepsLayout.marginWidth = 0;
        stepsLayout.verticalSpacing = 8;
        steps.setLayout(stepsLayout);
        int stepsWidth = 0;
        for (int i = 0; i < this.pages.size(); i++) {
            Label step = new Label(steps, SWT.NONE);
            step.setText((i + 1) + ".  " + this.pages.get(i).title());
            step.setFont(currentStepFont); // measured bold: the current step must never be cut off
            stepsWidth = Math.max(stepsWidth, step.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 4);
            step.setFont(null);
            stepLabels.add(step);
        }
        for (Label step : stepLabels) {
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
            data.widthHint = stepsWidth;
            step.setLayoutData(data);
        }
        new Label(body, SWT.SEPARATOR | SWT.VERTICAL).setLayoutData(new GridData(SWT.CENTER, SWT.FILL, false, true));
        pageArea = new Composite(body, SWT.NONE);
        GridData pageData = new GridData(SWT.FILL, SWT.FILL, true, true);
        pageData.widthHint = 560;
        pageData.heightHint = 360;
        pageArea.setLayoutData(pageData);
        pageArea.setLayout(stack);
        new Label(shell, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        GridLayout buttonLayout = new GridLayout(5, false);
        buttonLayout.marginWidth = 12;
        buttonLayout.marginHeight = 10;
        buttons.setLayout(buttonLayout);
        stepCounter = new Label(buttons, SWT.NONE);
        stepCounter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        back = button(buttons, "< Back", this::back);
        next = button(buttons, "Next >", this::next);
        finish = button(buttons, "Finish", this::finish);
        cancel = button(buttons, "Cancel", this::cancel);

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
            titleFont.dispose();
            currentStepFont.dispose();
            Outcome result = outcome == null ? Outcome.CANCELLED : outcome;
            closeListeners.forEach(l -> l.accept(result));
        });
        show(0);
    }

    private static Font derive(Display display, FontData[] base, int style, float scale) {
        FontData[] data = new FontData[base.length];
        for (int i = 0; i < base.length; i++) {
            data[i] = new FontData(base[i].getName(), Math.round(base[i].getHeight() * scale), style);
        }
        return new Font(display, data);
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridData data = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        data.widthHint = Math.max(96, button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 16);
        button.setLayoutData(data);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
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
        return back.getEnabled();
    }

    public boolean canGoNext() {
        return next.getEnabled();
    }

    public boolean canFinish() {
        return finish.getEnabled();
    }

    public boolean canCancel() {
        return cancel.getEnabled();
    }

    /** Presses Back, if enabled. */
    public void back() {
        if (!shell.isDisposed() && back.getEnabled()) {
            show(current - 1);
        }
    }

    /** Presses Next, if enabled: the page may refuse with a reason, shown as the error. */
    public void next() {
        if (!shell.isDisposed() && next.getEnabled()) {
            leave(() -> show(current + 1));
        }
    }

    /** Presses Finish, if enabled. */
    public void finish() {
        if (!shell.isDisposed() && finish.getEnabled()) {
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
            Composite holder = new Composite(pageArea, SWT.NONE);
            holder.setLayout(new FillLayout());
            page.createControl(holder, site);
            pageControls[index] = holder;
        }
        stack.topControl = pageControls[index];
        pageArea.layout(true, true);
        error = null;
        info = null;
        title.setText(page.title());
        description.setText(page.description());
        for (int i = 0; i < stepLabels.size(); i++) {
            Label step = stepLabels.get(i);
            step.setFont(i == index ? currentStepFont : null);
            step.setForeground(display.getSystemColor(i < index ? SWT.COLOR_DARK_GRAY
                    : i == index ? SWT.COLOR_LIST_FOREGROUND : SWT.COLOR_WIDGET_NORMAL_SHADOW));
            step.setText((i < index ? "\u2713 " : (i + 1) + ".  ") + pages.get(i).title());
            step.getParent().layout(true);
        }
        stepCounter.setText("Step " + (index + 1) + " of " + pages.size());
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
        back.setEnabled(!leaving && current > 0 && page.allowsBack());
        next.setEnabled(!leaving && !last && complete);
        finish.setEnabled(!leaving && last && complete);
        cancel.setEnabled(page.allowsCancel());
        shell.setDefaultButton(last ? finish : next);
        String text = error != null ? "\u26a0 " + error : info == null ? "" : info;
        message.setForeground(display.getSystemColor(error != null ? SWT.COLOR_DARK_RED : SWT.COLOR_LIST_FOREGROUND));
        if (!text.equals(message.getText())) { // a button update alone needs no new layout
            message.setText(text);
            message.getParent().layout(true);
            fitHeight();
        }
    }

    /** Grows the window when a longer message or page needs more height than it has; never shrinks it. */
    private void fitHeight() {
        if (!shell.isVisible()) {
            return; // open() packs the window to its contents
        }
        var size = shell.getSize();
        var area = shell.getClientArea();
        int needed = shell.computeSize(area.width, SWT.DEFAULT).y; // trim included
        if (needed > size.y) {
            shell.setSize(size.x, needed);
        }
        shell.layout(true, true);
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
