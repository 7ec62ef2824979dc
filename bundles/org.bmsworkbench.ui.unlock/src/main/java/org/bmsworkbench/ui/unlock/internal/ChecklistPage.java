package org.bmsworkbench.ui.unlock.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** Step 3: the technician confirms each item of the checklist; the guide's sentences stand beside them. */
final class ChecklistPage extends ProcedurePage {
    private final Map<ChecklistItem, Button> boxes = new EnumMap<>(ChecklistItem.class);

    ChecklistPage(UnlockProcedure procedure) {
        super(procedure, UnlockStep.CHECKLIST);
    }

    @Override
    public String description() {
        return "Confirm each point. The procedure goes on only when all of them are true.";
    }

    @Override
    Composite create(Composite parent) {
        Composite page = PageWidgets.column(parent);
        PageWidgets.warning(page, GuideText.RESTART_WARNING);
        for (ChecklistItem item : ChecklistItem.values()) {
            Label guide = PageWidgets.paragraph(page, "\u201c" + item.guideText() + "\u201d");
            ((GridData) guide.getLayoutData()).verticalIndent = 6;
            guide.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            Button box = new Button(page, SWT.CHECK | SWT.WRAP);
            box.setText(item.confirmation());
            box.setLayoutData(PageWidgets.wrapping());
            box.addListener(SWT.Selection, e -> site.updateButtons());
            boxes.put(item, box);
        }
        return page;
    }

    Set<ChecklistItem> confirmed() {
        Set<ChecklistItem> confirmed = EnumSet.noneOf(ChecklistItem.class);
        boxes.forEach((item, box) -> {
            if (box.getSelection()) {
                confirmed.add(item);
            }
        });
        return confirmed;
    }

    @Override
    void render() {
        boolean editable = !state.busy() && state.next() != null
                && state.next().ordinal() <= UnlockStep.ENTER_CODE.ordinal();
        boxes.forEach((item, box) -> box.setEnabled(editable));
    }

    @Override
    public boolean isComplete() {
        return !state.busy() && confirmed().size() == ChecklistItem.values().length;
    }

    @Override
    public CompletionStage<String> leave() {
        if (stepDone() && state.checklist().equals(confirmed())) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return check(procedure.confirmChecklist(confirmed()));
    }

    /** For tests: ticks or unticks an item as the technician would. */
    void tick(ChecklistItem item, boolean on) {
        Button box = boxes.get(item);
        box.setSelection(on);
        box.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }
}
