package org.bmsworkbench.ui.frames.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/** The widgets of the Frames view, laid out; no behaviour. */
final class FramesControls {
    private static final int[] WIDTHS = {120, 40, 50, 100, 40, 190, 110, 190, 80};

    final Composite root;
    final Text filter;
    final Button pause;
    final Button clear;
    final Button copy;
    final Button autoScroll;
    final Table table;
    final Label counts;
    final Label problem;
    final MenuItem menuCopy;
    final MenuItem menuFilterId;
    final Color tx;
    final Color error;
    final Color badFilter;

    FramesControls(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        tx = new Color(0, 90, 160);
        error = new Color(170, 0, 0);
        badFilter = new Color(255, 220, 220);
        root.addListener(SWT.Dispose, e -> {
            tx.dispose();
            error.dispose();
            badFilter.dispose();
        });

        Composite bar = new Composite(root, SWT.NONE);
        GridLayout barLayout = new GridLayout(6, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Filter:");
        filter = new Text(bar, SWT.SINGLE | SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("0x351  0x350-0x35F  pgn:127508  protocol:vreg  tx  -0x1CEFFF50");
        filter.setToolTipText("Show frames matching any term: an id in hex (0x351, a range 0x350-0x35F), pgn:127508,"
                + " protocol:vreg (protocol:none = not decoded), rx or tx; a term starting with - hides what it matches."
                + " Enter applies.");
        GridData fd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fd.widthHint = 360;
        filter.setLayoutData(fd);
        pause = new Button(bar, SWT.TOGGLE);
        pause.setText("Pause");
        pause.setToolTipText("Stop taking frames (those that arrive meanwhile are counted, not kept)");
        clear = new Button(bar, SWT.PUSH);
        clear.setText("Clear");
        copy = new Button(bar, SWT.PUSH);
        copy.setText("Copy as candump");
        copy.setToolTipText("Copy the selected rows as candump -L lines");
        autoScroll = new Button(bar, SWT.CHECK);
        autoScroll.setText("Auto-scroll");
        autoScroll.setSelection(true);
        autoScroll.setToolTipText("Follow the newest frame; scrolling up stops it, scrolling to the end or ticking this resumes it");

        problem = new Label(root, SWT.NONE);
        problem.setForeground(error);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        pd.exclude = true;
        problem.setLayoutData(pd);
        problem.setVisible(false);

        table = new Table(root, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < FrameText.COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == 4 ? SWT.RIGHT : SWT.LEFT);
            c.setText(FrameText.COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
            if (i == 3) {
                c.setToolTipText("CAN id in hex; x marks a 29-bit (extended) id");
            }
        }
        Menu menu = new Menu(table);
        menuCopy = new MenuItem(menu, SWT.PUSH);
        menuCopy.setText("Copy as candump -L");
        menuFilterId = new MenuItem(menu, SWT.PUSH);
        menuFilterId.setText("Show only this id");
        table.setMenu(menu);

        counts = new Label(root, SWT.NONE);
        counts.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** Shows a filter problem under the bar (null hides it). */
    void problem(String text) {
        boolean show = text != null;
        problem.setText(show ? text : "");
        ((GridData) problem.getLayoutData()).exclude = !show;
        problem.setVisible(show);
        filter.setBackground(show ? badFilter : null);
        root.layout(true, true);
    }

    /** Rows fully visible in the table now. */
    int visibleRows() {
        int h = table.getClientArea().height - table.getHeaderHeight();
        return Math.max(1, h / Math.max(1, table.getItemHeight()));
    }
}
