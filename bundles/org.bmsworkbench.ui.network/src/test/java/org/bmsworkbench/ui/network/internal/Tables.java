package org.bmsworkbench.ui.network.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The view's tables as a test reads and clicks them: rows by their key (the item's data). */
final class Tables {
    private Tables() {
    }

    static TableItem row(Table table, String key) {
        for (TableItem item : table.getItems()) {
            if (key.equals(item.getData())) {
                return item;
            }
        }
        throw new AssertionError("no row " + key + " in " + keys(table));
    }

    static List<Object> keys(Table table) {
        List<Object> out = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            out.add(item.getData());
        }
        return out;
    }


    /** Selects the row as a click does. */
    static void click(Table table, String key) {
        TableItem item = row(table, key);
        table.setSelection(item);
        Event e = new Event();
        e.item = item;
        table.notifyListeners(SWT.Selection, e);
    }

    static void doubleClick(Table table, String key) {
        click(table, key);
        Event e = new Event();
        e.item = row(table, key);
        table.notifyListeners(SWT.DefaultSelection, e);
    }

    static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }


    static List<Integer> widths(Table t) {
        List<Integer> out = new ArrayList<>();
        for (TableColumn c : t.getColumns()) {
            out.add(c.getWidth());
        }
        return out;
    }
}
