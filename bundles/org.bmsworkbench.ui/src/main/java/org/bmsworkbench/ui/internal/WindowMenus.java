package org.bmsworkbench.ui.internal;

import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.ui.internal.ViewCatalog.ToolEntry;
import org.bmsworkbench.ui.internal.ViewCatalog.ViewEntry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/** The menu bar (File, Connection, View, Tools, Help) and the toolbar of the window. */
final class WindowMenus {
    private final WorkbenchWindow window;
    private Shell shell;
    private ToolItem recordItem;
    private ToolItem splitItem;

    WindowMenus(WorkbenchWindow window) {
        this.window = window;
    }

    void create(Shell s) {
        shell = s;
        Menu bar = new Menu(shell, SWT.BAR);
        shell.setMenuBar(bar);
        Menu file = menu(bar, "&File");
        item(file, "&Open log or snapshot…\tCtrl+O", SWT.MOD1 + 'O', this::openLog);
        MenuItem record = item(file, "&Record…\tCtrl+R", SWT.MOD1 + 'R', this::toggleRecording);
        item(file, "&Export signals to CSV…", 0, this::export);
        new MenuItem(file, SWT.SEPARATOR);
        item(file, "&Quit\tCtrl+Q", SWT.MOD1 + 'Q', window::close);
        file.addListener(SWT.Show, e -> {
            record.setText(window.isRecording() ? "Stop &recording\tCtrl+R" : "&Record…\tCtrl+R");
        });

        Menu connection = menu(bar, "&Connection");
        item(connection, "&Connect…\tCtrl+K", SWT.MOD1 + 'K', window::openConnectDialog);
        MenuItem disconnect = item(connection, "&Disconnect", 0, window::disconnect);
        new MenuItem(connection, SWT.SEPARATOR);
        item(connection, "&Adapters…", 0, () -> AdaptersDialog.open(shell, window));
        connection.addListener(SWT.Show, e -> disconnect.setEnabled(window.session() != null));

        Menu view = menu(bar, "&View");
        view.addListener(SWT.Show, e -> fillViewMenu(view));
        Menu tools = menu(bar, "&Tools");
        tools.addListener(SWT.Show, e -> fillToolsMenu(tools));
        Menu help = menu(bar, "&Help");
        item(help, "&About BMS Workbench", 0, window::openAbout);
        createToolBar();
    }

    private void createToolBar() {
        ToolBar bar = new ToolBar(shell, SWT.FLAT | SWT.RIGHT);
        bar.setData("name", "toolbar");
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.horizontalIndent = 4;
        bar.setLayoutData(gd);
        tool(bar, "Connect…", "Connect to an adapter, a server or the simulator (Ctrl+K)", window::openConnectDialog);
        tool(bar, "Disconnect", "Close the connection", window::disconnect);
        new ToolItem(bar, SWT.SEPARATOR);
        tool(bar, "Open log…", "Browse a CAN log (candump, ASC, BLF, TRC, NMEA 2000 gateway logs) or a snapshot ZIP, offline (Ctrl+O)", this::openLog);
        ToolItem rec = tool(bar, "Record", "Record the raw frames to a candump -L, ASC, TRC or BLF log (Ctrl+R)", this::toggleRecording);
        new ToolItem(bar, SWT.SEPARATOR);
        ToolItem split = new ToolItem(bar, SWT.CHECK);
        split.setText(" Split ");
        split.setToolTipText("Show two views side by side");
        split.addListener(SWT.Selection, e -> window.setSplit(split.getSelection()));
        recordItem = rec;
        splitItem = split;
    }

    /** Keeps the toolbar's Record and Split in step with the window; called by the window's timer. */
    void update() {
        String text = window.isRecording() ? " Stop recording " : " Record ";
        if (!recordItem.getText().equals(text)) {
            recordItem.setText(text);
            recordItem.getParent().getParent().layout(true, false);
        }
        if (splitItem.getSelection() != window.isSplit()) {
            splitItem.setSelection(window.isSplit());
        }
    }

    private static ToolItem tool(ToolBar bar, String text, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setText(" " + text + " ");
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    private static Menu menu(Menu bar, String text) {
        MenuItem header = new MenuItem(bar, SWT.CASCADE);
        header.setText(text);
        Menu menu = new Menu(header);
        header.setMenu(menu);
        return menu;
    }

    private static MenuItem item(Menu menu, String text, int accelerator, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        if (accelerator != 0) {
            item.setAccelerator(accelerator);
        }
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    private void fillViewMenu(Menu menu) {
        for (MenuItem i : menu.getItems()) {
            i.dispose();
        }
        List<ViewEntry> views = window.catalog().views();
        for (ViewEntry v : views) {
            item(menu, v.label(), 0, () -> window.views().show(v.id()));
        }
        if (views.isEmpty()) {
            new MenuItem(menu, SWT.PUSH).setText("(no views installed)");
            menu.getItem(0).setEnabled(false);
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem split = new MenuItem(menu, SWT.CHECK);
        split.setText("&Split view");
        split.addListener(SWT.Selection, e -> window.setSplit(split.getSelection()));
        item(menu, "&Move tab to the other side", 0, () -> window.views().moveSelectedToOtherSide());
    }

    private void fillToolsMenu(Menu menu) {
        for (MenuItem i : menu.getItems()) {
            i.dispose();
        }
        List<ToolEntry> tools = window.catalog().tools();
        for (ToolEntry t : tools) {
            item(menu, t.label(), 0, () -> window.openTool(t));
        }
        if (tools.isEmpty()) {
            MenuItem none = new MenuItem(menu, SWT.PUSH);
            none.setText("(no tools installed)");
            none.setEnabled(false);
        }
    }

    private void openLog() {
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setText("Open a log or snapshot");
        d.setFilterNames(new String[] {"Logs and snapshots (*.log, *.asc, *.trc, *.blf, *.raw, *.txt, *.zip)",
            "All files"});
        d.setFilterExtensions(new String[] {
            "*.log;*.asc;*.trc;*.blf;*.raw;*.txt;*.zip;*.LOG;*.ASC;*.TRC;*.BLF;*.RAW;*.ZIP", "*"});
        String chosen = d.open();
        if (chosen != null) {
            report(window.openLog(Path.of(chosen)), "Cannot open the log");
        }
    }

    private void toggleRecording() {
        if (window.isRecording()) {
            window.stopRecording();
            return;
        }
        if (window.session() == null) {
            report("Connect first: there is nothing to record.", "Record");
            return;
        }
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Record the frames to");
        d.setFilterNames(new String[] {"candump -L log (*.log)", "Vector ASC (*.asc)", "PEAK TRC 2.1 (*.trc)",
            "Vector BLF (*.blf)"});
        d.setFilterExtensions(new String[] {"*.log", "*.asc", "*.trc", "*.blf"});
        d.setFileName("bmswb-recording.log");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            report(window.startRecording(Path.of(chosen)), "Record");
        }
    }

    private void export() {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Export the current signals");
        d.setFilterExtensions(new String[] {"*.csv"});
        d.setFileName("signals.csv");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            report(window.exportSignals(Path.of(chosen)), "Export");
        }
    }

    private void report(String problem, String title) {
        if (problem == null) {
            return;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_WARNING | SWT.OK);
        box.setText(title);
        box.setMessage(problem);
        box.open();
    }
}
