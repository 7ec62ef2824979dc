package org.bmsworkbench.ui.registers.internal;

import java.util.function.BiConsumer;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Edits a writable register's value in its table cell: a choice list when the guide names
 * every allowed value, a text field otherwise. Enter commits, Escape or leaving the cell
 * cancels; the typed text goes to {@code commit} unchecked (the view checks and confirms).
 */
final class ValueEditor {
    private final Table table;
    private final int column;
    private final BiConsumer<Integer, String> commit;
    private final TableEditor editor;
    private Control control;

    ValueEditor(Table table, int column, BiConsumer<Integer, String> commit) {
        this.table = table;
        this.column = column;
        this.commit = commit;
        this.editor = new TableEditor(table);
        editor.grabHorizontal = true;
        editor.grabVertical = true;
    }

    /** Opens the editor on row {@code index}, showing {@code current} (raw value) first. */
    void open(int index, RegisterInfo info, Long current) {
        close();
        TableItem item = table.getItem(index);
        if (choiceList(info)) {
            CCombo combo = new CCombo(table, SWT.READ_ONLY | SWT.FLAT);
            for (long v = info.min(); v <= info.max(); v++) {
                combo.add(v + " (" + info.label(v) + ")");
                if (current != null && current == v) {
                    combo.select((int) (v - info.min()));
                }
            }
            combo.addListener(SWT.DefaultSelection, e -> done(index, combo.getText()));
            combo.addListener(SWT.Selection, e -> done(index, combo.getText()));
            control = combo;
        } else {
            Text text = new Text(table, SWT.SINGLE);
            text.setText(current == null ? "" : RegisterText.scaled(current, info.fields().get(0).decimals()));
            text.selectAll();
            text.setMessage(RegisterText.range(info));
            text.addListener(SWT.DefaultSelection, e -> done(index, text.getText()));
            control = text;
        }
        control.setToolTipText("Allowed: " + RegisterText.range(info) + "  —  Enter to write, Escape to cancel");
        control.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_ESCAPE) {
                e.doit = false;
                close();
            }
        });
        control.addListener(SWT.FocusOut, e -> table.getDisplay().asyncExec(() -> {
            if (control != null && !control.isDisposed() && !control.isFocusControl()) {
                close();
            }
        }));
        editor.setEditor(control, item, column);
        control.setFocus();
    }

    private static boolean choiceList(RegisterInfo info) {
        return info.max() - info.min() + 1 == info.valueLabels().size();
    }

    private void done(int index, String text) {
        close();
        commit.accept(index, text);
    }

    boolean isOpen() {
        return control != null && !control.isDisposed();
    }

    /** The open editor's control, for tests. */
    Control control() {
        return control;
    }

    void close() {
        if (control != null && !control.isDisposed()) {
            Control c = control;
            control = null;
            editor.setEditor(null);
            c.dispose();
        }
        control = null;
    }
}
