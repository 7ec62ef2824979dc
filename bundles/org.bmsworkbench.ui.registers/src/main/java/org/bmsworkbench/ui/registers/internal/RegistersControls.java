package org.bmsworkbench.ui.registers.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The widgets of the Registers view, laid out; no behaviour. */
final class RegistersControls {
    static final int COL_ID = 0;
    static final int COL_NAME = 1;
    static final int COL_VALUE = 2;
    static final int COL_UNIT = 3;
    static final int COL_RAW = 4;
    static final int COL_AGE = 5;
    static final int COL_ACCESS = 6;
    static final int COL_LAST = 7;
    private static final String[] COLUMNS = {"Register", "Name", "Value", "Unit", "Raw (hex)", "Age", "Access",
        "Last request"};

    final Composite root;
    final Button read;
    final Button readAll;
    final Button cancel;
    final ProgressBar progress;
    final Combo periodic;
    final Button writes;
    final Label state;
    final Label writesBanner;
    final Table table;
    final Label status;
    final MenuItem menuRead;
    final MenuItem menuReadAll;
    final MenuItem menuWrite;
    private final Color error;
    private final Color writable;
    private final Color warning;
    private final Color info;
    private final Color quiet;
    private final Color editable;
    private String reason = "";

    RegistersControls(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        error = new Color(170, 0, 0);
        writable = new Color(0, 90, 160);
        warning = new Color(255, 226, 170);
        info = new Color(225, 235, 250);
        quiet = new Color(110, 110, 110);
        editable = new Color(255, 250, 215);
        root.addListener(SWT.Dispose, e -> {
            error.dispose();
            writable.dispose();
            warning.dispose();
            info.dispose();
            quiet.dispose();
            editable.dispose();
        });

        Composite bar = new Composite(root, SWT.NONE);
        GridLayout barLayout = new GridLayout(8, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        read = button(bar, "Read", "Read the selected registers from the device");
        readAll = button(bar, "Read all", "Read every register of the catalogue, one after the other");
        cancel = button(bar, "Cancel", "Stop reading after the register under way");
        progress = new ProgressBar(bar, SWT.HORIZONTAL | SWT.SMOOTH);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        pd.widthHint = 140;
        progress.setLayoutData(pd);
        new Label(bar, SWT.NONE).setText("  Refresh:");
        periodic = new Combo(bar, SWT.READ_ONLY);
        for (int s : RegistersPart.PERIODS_SECONDS) {
            periodic.add(s == 0 ? "off" : "every " + s + " s");
        }
        periodic.select(0);
        periodic.setToolTipText("Read all registers periodically while this view is showing");
        Label spacer = new Label(bar, SWT.NONE);
        spacer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        writes = new Button(bar, SWT.CHECK);
        writes.setText("Enable writes for this session");
        writes.setToolTipText("Writes change the BMS's configuration. Each write is confirmed before it is sent;"
                + " this switch turns itself off when the session changes.");

        state = banner(info);
        writesBanner = banner(warning);
        writesBanner.setText("⚠  Writes are enabled for this session. Double-click a value in an RW row to change it;"
                + " every write shows the old and new value and asks before anything is sent.");

        table = new Table(root, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == COL_AGE ? SWT.RIGHT : SWT.LEFT);
            c.setText(COLUMNS[i]);
        }
        Menu menu = new Menu(table);
        menuRead = item(menu, "Read");
        menuReadAll = item(menu, "Read all");
        new MenuItem(menu, SWT.SEPARATOR);
        menuWrite = item(menu, "Write new value…");
        table.setMenu(menu);

        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private static Button button(Composite bar, String text, String tip) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }

    private static MenuItem item(Menu menu, String text) {
        MenuItem m = new MenuItem(menu, SWT.PUSH);
        m.setText(text);
        return m;
    }

    private Label banner(Color background) {
        Label l = new Label(root, SWT.WRAP);
        l.setBackground(background);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.exclude = true;
        l.setLayoutData(d);
        l.setVisible(false);
        return l;
    }

    private static void show(Label l, boolean visible) {
        ((GridData) l.getLayoutData()).exclude = !visible;
        l.setVisible(visible);
    }

    /** Shows why nothing can be sent (null: it can), and the writes banner. */
    void showState(String why, boolean writesOn) {
        reason = why == null ? "" : why;
        state.setText(" " + reason);
        show(state, why != null);
        show(writesBanner, writesOn);
        root.layout(true, true);
    }

    String reason() {
        return reason;
    }

    void status(String text, boolean isError) {
        status.setText(text);
        status.setForeground(isError ? error : null);
        status.setToolTipText(text);
    }

    Color errorColor() {
        return error;
    }

    Color quietColor() {
        return quiet;
    }

    /** The background of a value cell that can be edited now. */
    Color editableColor() {
        return editable;
    }

    Color writableColor() {
        return writable;
    }

    void packColumns() {
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        table.getColumn(COL_VALUE).setWidth(Math.max(360, table.getColumn(COL_VALUE).getWidth()));
        table.getColumn(COL_RAW).setWidth(Math.max(90, table.getColumn(COL_RAW).getWidth()));
        table.getColumn(COL_AGE).setWidth(Math.max(80, table.getColumn(COL_AGE).getWidth()));
        table.getColumn(COL_LAST).setWidth(Math.max(260, table.getColumn(COL_LAST).getWidth()));
    }
}
