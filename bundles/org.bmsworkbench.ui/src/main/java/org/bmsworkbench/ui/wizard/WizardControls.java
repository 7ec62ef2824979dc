package org.bmsworkbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The widgets of a {@link Wizard} window, laid out: title, description and message on top, the
 * list of steps and the page area in the middle, the step counter and the buttons at the bottom;
 * how a step and a message look. No navigation: the wizard decides what is shown and enabled.
 * Created and used on the UI thread only, like the wizard.
 */
final class WizardControls {
    final Shell shell;
    final Composite pageArea;
    final StackLayout stack = new StackLayout();
    final Button back;
    final Button next;
    final Button finish;
    final Button cancel;
    private final List<WizardPage> pages;
    private final Label title;
    private final Label description;
    private final Label message;
    private final List<Label> stepLabels = new ArrayList<>();
    private final Label stepCounter;
    private final Font titleFont;
    private final Font currentStepFont;

    /**
     * Builds the window (not yet open) for {@code pages}, the buttons running the actions given.
     *
     * @param parent the workbench shell, or null for a top-level window on {@code display}
     */
    WizardControls(Shell parent, Display display, String windowTitle, List<WizardPage> pages, Runnable onBack,
            Runnable onNext, Runnable onFinish, Runnable onCancel) {
        this.pages = pages;
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
        for (int i = 0; i < pages.size(); i++) {
            Label step = new Label(steps, SWT.NONE);
            step.setText((i + 1) + ".  " + pages.get(i).title());
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
        back = button(buttons, "< Back", onBack);
        next = button(buttons, "Next >", onNext);
        finish = button(buttons, "Finish", onFinish);
        cancel = button(buttons, "Cancel", onCancel);
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

    /** Shows step {@code index}: its page's title and description, the steps done, current and to come. */
    void showStep(int index) {
        WizardPage page = pages.get(index);
        Display display = shell.getDisplay();
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
    }

    /** Shows the error, else the information, else nothing, on the message line. */
    void showMessage(String error, String info) {
        String text = error != null ? "\u26a0 " + error : info == null ? "" : info;
        message.setForeground(shell.getDisplay().getSystemColor(error != null ? SWT.COLOR_DARK_RED : SWT.COLOR_LIST_FOREGROUND));
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

    /** Frees the fonts; once, when the window is disposed. */
    void disposeFonts() {
        titleFont.dispose();
        currentStepFont.dispose();
    }
}
