package org.bmsworkbench.ui.network.internal;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A table of {@link NetworkRows.Row}s that is filled again on each refresh without flicker: items
 * are reused, a text or style is set only when it changed, the selection follows its row's key, and
 * a column grows (never shrinks) to fit its widest text so that nothing is cut off. UI thread only.
 */
final class RowTable {
    /** Room around a cell's text (GTK's cell padding and a gap to the next column), and a title's. */
    private static final int CELL_ROOM = 20, HEADER_ROOM = 24;
    private final Table table;
    private final Styles styles;
    private String selectedKey;

    /** The colours and font of the row styles, owned by the view's controls. */
    record Styles(Color followedBackground, Font followedFont, Color selfForeground) {
    }

    RowTable(Composite parent, String[] titles, int[] widths, int[] aligns, Styles styles) {
        this.styles = styles;
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(table, aligns[i]);
            c.setText(titles[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> selectedKey = keyAt(table.getSelectionIndex()));
    }

    Table table() {
        return table;
    }

    /** Shows {@code rows}, reusing the items; keeps the selected row selected while its key is there. */
    void fill(List<NetworkRows.Row> rows) {
        table.setItemCount(rows.size());
        int columns = table.getColumnCount();
        boolean[] changed = new boolean[columns];
        for (int i = 0; i < rows.size(); i++) {
            NetworkRows.Row r = rows.get(i);
            TableItem item = table.getItem(i);
            item.setData(r.key());
            for (int c = 0; c < columns; c++) {
                String text = r.cell(c);
                if (!text.equals(item.getText(c))) {
                    item.setText(c, text);
                    changed[c] = true;
                }
            }
            changed[0] |= style(item, r.style());
        }
        reselect();
        for (int c = 0; c < columns; c++) {
            if (changed[c]) {
                fit(c);
            }
        }
    }

    /** Styles the row; true when its style changed (the mark's font with it). */
    private boolean style(TableItem item, NetworkRows.Style style) {
        Color background = style == NetworkRows.Style.FOLLOWED ? styles.followedBackground() : null;
        Color foreground = style == NetworkRows.Style.SELF ? styles.selfForeground() : null;
        Font font = style == NetworkRows.Style.FOLLOWED ? styles.followedFont() : null;
        if (item.getData("style") != style) {
            item.setData("style", style);
            item.setBackground(background);
            item.setForeground(foreground);
            item.setFont(0, font); // the mark in bold; a bold row would widen every column
            return true;
        }
        return false;
    }

    private void reselect() {
        if (selectedKey == null) {
            return;
        }
        for (int i = 0; i < table.getItemCount(); i++) {
            if (selectedKey.equals(table.getItem(i).getData())) {
                if (table.getSelectionIndex() != i) {
                    table.setSelection(i);
                }
                return;
            }
        }
        table.deselectAll();
        selectedKey = null;
    }

    /** The height that shows {@code rows} rows without scrolling (and the header). */
    int heightFor(int rows) {
        return table.getHeaderHeight() + rows * table.getItemHeight() + 2 * table.getBorderWidth() + 2;
    }

    /**
     * The column at least as wide as its widest text (in the cell's own font) and its title, with some
     * room: it grows and never shrinks, so that the columns do not jump as values change. Measured
     * here rather than by {@code TableColumn.pack()}: on GTK the last column fills the table, and
     * packing it reports that width, which the room would then grow on every refresh. Only columns
     * whose text changed are measured again.
     */
    private void fit(int column) {
        TableColumn c = table.getColumn(column);
        GC gc = new GC(table);
        try {
            int needed = gc.textExtent(c.getText()).x + HEADER_ROOM;
            for (TableItem item : table.getItems()) {
                gc.setFont(item.getFont(column));
                needed = Math.max(needed, gc.textExtent(item.getText(column)).x + CELL_ROOM);
            }
            if (needed > c.getWidth()) {
                c.setWidth(needed);
            }
        } finally {
            gc.dispose();
        }
    }

    /** The key of the selected row, or null. */
    String selectedKey() {
        return selectedKey;
    }

    /** Selects the row with {@code key} (null: none), as a click would. */
    void select(String key) {
        selectedKey = key;
        if (key == null) {
            table.deselectAll();
        } else {
            reselect();
        }
    }

    private String keyAt(int index) {
        return index < 0 ? null : (String) table.getItem(index).getData();
    }
}
