package org.bmsworkbench.ui.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.ui.testing.Swt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The table the Network view fills again and again: widths, selection. */
class RowTableTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private RowTable table(int width) {
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        Font font = shell.getFont();
        RowTable t = new RowTable(shell, new String[] {"", "Address", "Last seen"}, new int[] {40, 60, 60},
                new int[] {SWT.LEFT, SWT.RIGHT, SWT.RIGHT}, new RowTable.Styles(null, font, null));
        shell.setSize(width, 300);
        shell.open();
        Swt.pumpFor(50);
        return t;
    }

    private static NetworkRows.Row row(String key, String address, String seen) {
        return new NetworkRows.Row(key, List.of("", address, seen), NetworkRows.Style.PLAIN);
    }

    private static List<Integer> widths(RowTable t) {
        List<Integer> out = new ArrayList<>();
        for (TableColumn c : t.table().getColumns()) {
            out.add(c.getWidth());
        }
        return out;
    }

    /**
     * GTK stretches the last column over the rest of a wide table and reports that as its width; a
     * column sized from that would keep the table's width after the window shrank, and push itself out
     * of sight (seen in the product: "Last seen" cut off at the right).
     */
    @Test
    void theLastColumnKeepsNoWidthFromAWideWindowOnceItShrinks() {
        RowTable t = table(1600);
        for (int s = 0; s < 30; s++) {
            t.fill(List.of(row("a", "80 (0x50)", s + " s ago")));
            Swt.drain();
        }
        shell.setSize(500, 300);
        Swt.pumpFor(100);
        int sum = widths(t).stream().mapToInt(Integer::intValue).sum();
        assertTrue(sum <= t.table().getClientArea().width, "the columns " + widths(t) + " fit the "
                + t.table().getClientArea().width + " px of the narrowed table");
    }

    @Test
    void aColumnGrowsToItsWidestTextAndKeepsTheSelectionOnItsRow() {
        RowTable t = table(800);
        t.fill(List.of(row("a", "7 (0x07)", "0 s ago"), row("b", "80 (0x50)", "0 s ago")));
        t.select("b");
        int before = t.table().getColumn(1).getWidth();
        t.fill(List.of(row("c", "253 (0xFD) and a long text", "0 s ago"), row("a", "7 (0x07)", "0 s ago"),
                row("b", "80 (0x50)", "0 s ago")));
        assertTrue(t.table().getColumn(1).getWidth() > before);
        assertEquals(2, t.table().getSelectionIndex());
        assertEquals("b", t.selectedKey());
        t.fill(List.of(row("a", "7 (0x07)", "0 s ago")));
        assertEquals(-1, t.table().getSelectionIndex(), "the selected row left");
        assertEquals(null, t.selectedKey());
    }
}
