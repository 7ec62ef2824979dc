package org.bmsworkbench.ui.signals.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.TreeItem;

/**
 * One open Signals view: the {@link SignalTree} above, the {@link TrendChart} of the ticked
 * signals below with its buttons. Reads the model in {@link #refresh()}: the table when the
 * model's version changed (ages at least twice a second, so that a silent BMS greys out), the
 * plot at most four times a second.
 */
final class SignalsPart implements ViewPart {

    static final String NOT_CONNECTED = "Not connected.\n\nOpen a connection, a log or a snapshot to see the BMS's signals here.";
    static final String WAITING = "Connected. Waiting for the first message from the BMS…";
    private static final long AGE_REFRESH_MICROS = 500_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final WorkbenchContext context;
    private final Supplier<DeviceProfile> profile;
    private final LongSupplier wallClockMicros;
    private final Composite root;
    private final StackLayout stack = new StackLayout();
    private final Label message;
    private final SashForm sash;
    private final SignalTree tree;
    private final TrendChart chart;
    private final Button pause;
    private final Button[] needSeries;
    private final Map<String, Image> swatches = new java.util.HashMap<>();
    private WorkbenchSession session;
    private long shownVersion = -1;
    private long shownAt = Long.MIN_VALUE;

    SignalsPart(Composite parent, WorkbenchContext context, SignalCatalogue catalogue, Supplier<DeviceProfile> profile,
            LongSupplier wallClockMicros) {
        this.context = context;
        this.profile = profile;
        this.wallClockMicros = wallClockMicros;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(stack);
        message = new Label(root, SWT.CENTER | SWT.WRAP);
        sash = new SashForm(root, SWT.VERTICAL);
        tree = new SignalTree(sash, catalogue);
        tree.control().addListener(SWT.Selection, this::treeSelection);

        Composite bottom = new Composite(sash, SWT.NONE);
        GridLayout bl = new GridLayout(1, false);
        bl.marginWidth = 0;
        bl.marginHeight = 2;
        bottom.setLayout(bl);
        Composite bar = new Composite(bottom, SWT.NONE);
        RowLayout rl = new RowLayout(SWT.HORIZONTAL);
        rl.center = true;
        rl.marginLeft = 4;
        rl.spacing = 4;
        bar.setLayout(rl);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pause = button(bar, "Pause", SWT.TOGGLE, "Freeze the plot; the table keeps updating");
        Button zoomIn = button(bar, "Zoom in", SWT.PUSH, "Zoom into the time axis (or turn the mouse wheel, or drag across the plot)");
        Button zoomOut = button(bar, "Zoom out", SWT.PUSH, "Zoom out of the time axis");
        Button reset = button(bar, "Reset zoom", SWT.PUSH, "Show the whole history and follow new data again");
        Button csv = button(bar, "Export CSV…", SWT.PUSH, "Save the plotted series as CSV: time and one column per signal");
        Button png = button(bar, "Export PNG…", SWT.PUSH, "Save the plot as a PNG image");
        needSeries = new Button[] {pause, zoomIn, zoomOut, reset, csv, png};
        Label tip = new Label(bar, SWT.NONE);
        tip.setText("  Mouse wheel or drag across the plot to zoom in time.");
        tip.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        chart = new TrendChart(bottom);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        pause.addListener(SWT.Selection, e -> {
            chart.setPaused(pause.getSelection());
            pause.setText(pause.getSelection() ? "Resume" : "Pause");
            bar.layout();
        });
        zoomIn.addListener(SWT.Selection, e -> chart.zoomIn());
        zoomOut.addListener(SWT.Selection, e -> chart.zoomOut());
        reset.addListener(SWT.Selection, e -> chart.resetZoom());
        csv.addListener(SWT.Selection, e -> export("csv"));
        png.addListener(SWT.Selection, e -> export("png"));
        sash.setWeights(55, 45);
        root.addDisposeListener(e -> releaseSwatches());
        enableChartButtons();
        sessionChanged(context.session().orElse(null));
    }

    private static Button button(Composite bar, String text, int style, String tip) {
        Button b = new Button(bar, style);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }

    Composite control() {
        return root;
    }

    SignalTree tree() {
        return tree;
    }

    TrendChart chart() {
        return chart;
    }

    String message() {
        return stack.topControl == message ? message.getText() : null;
    }

    @Override
    public void sessionChanged(WorkbenchSession s) {
        session = s;
        forgetRows(s == null ? null : s.model());
        if (pause.getSelection()) {
            pause.setSelection(false);
            pause.setText("Pause");
        }
        enableChartButtons();
        shownVersion = -1;
        shownAt = Long.MIN_VALUE;
        showMessage(s == null ? NOT_CONNECTED : WAITING);
        refresh();
    }

    @Override
    public void refresh() {
        if (session == null || root.isDisposed()) {
            return;
        }
        BmsModel model = session.model();
        long version = model.version();
        long wall = wallClockMicros.getAsLong();
        if (version == shownVersion && wall - shownAt < AGE_REFRESH_MICROS) {
            chart.refresh();
            return;
        }
        shownVersion = version;
        shownAt = wall;
        Map<String, SignalValue> values = model.values();
        if (values.isEmpty()) {
            if (!tree.isEmpty()) {
                forgetRows(model); // the model was cleared (a replay restarted)
                enableChartButtons();
            }
            showMessage(WAITING);
            return;
        }
        tree.update(values, now(values, wall), profile.get(), model::history);
        if (stack.topControl != sash) {
            stack.topControl = sash;
            root.layout();
        }
        chart.refresh();
    }

    /**
     * Ages are measured from the newest value's time for a recorded source (a log's clock is
     * not ours), and from the wall clock on a live bus — or from the newest value when it is
     * ahead (a simulator running faster than real time).
     */
    private long now(Map<String, SignalValue> values, long wall) {
        long newest = Long.MIN_VALUE;
        for (SignalValue v : values.values()) {
            newest = Math.max(newest, v.timeMicros());
        }
        return session.isOffline() ? newest : Math.max(wall, newest);
    }

    private void showMessage(String text) {
        message.setText(text);
        if (stack.topControl != message) {
            stack.topControl = message;
        }
        root.layout();
    }

    private void treeSelection(Event e) {
        if (e.detail != SWT.CHECK || !(e.item instanceof TreeItem item)) {
            return;
        }
        if (SignalTree.isGroup(item)) {
            groupClicked(item);
            return;
        }
        SignalDescriptor d = tree.descriptor(item);
        if (d == null) {
            item.setChecked(false);
            return;
        }
        if (!item.getChecked()) {
            chart.remove(d.key());
            swatch(item, d.key(), null);
        } else if (d.kind() != SignalKind.NUMBER) {
            item.setChecked(false);
            context.showStatus(d.label() + " is not a number: it cannot be plotted.");
        } else if (!chart.add(d)) {
            item.setChecked(false);
            context.showStatus("At most " + TrendChart.MAX_SERIES + " signals can be plotted at once; untick one first.");
        } else {
            swatch(item, d.key(), chart.colour(d.key()));
        }
        showGroupTick(item.getParentItem());
        enableChartButtons();
    }

    /**
     * A group's box shows (greyed) that some of its signals are plotted; clicking it then
     * unticks them all. A group's box cannot plot a whole group (too many axes at once).
     */
    private void groupClicked(TreeItem group) {
        List<TreeItem> plotted = Arrays.stream(group.getItems()).filter(TreeItem::getChecked).toList();
        if (plotted.isEmpty()) {
            group.setChecked(false);
            context.showStatus("Tick the signals themselves to plot them.");
            return;
        }
        for (TreeItem child : plotted) {
            child.setChecked(false);
            SignalDescriptor d = tree.descriptor(child);
            chart.remove(d.key());
            swatch(child, d.key(), null);
        }
        showGroupTick(group);
        enableChartButtons();
    }

    private static void showGroupTick(TreeItem group) {
        if (group == null) {
            return;
        }
        boolean any = Arrays.stream(group.getItems()).anyMatch(TreeItem::getChecked);
        group.setChecked(any);
        group.setGrayed(any);
    }

    /** Shows the series' colour as a small square before the signal's name (none when {@code colour} is null). */
    private void swatch(TreeItem item, String key, Color colour) {
        Image old = swatches.remove(key);
        if (!item.isDisposed()) {
            item.setImage(SignalTree.COL_SIGNAL, null);
        }
        if (old != null) {
            old.dispose();
        }
        if (colour != null && !item.isDisposed()) {
            int h = Math.max(8, item.getParent().getItemHeight() - 8);
            Image image = new Image(item.getDisplay(), h, h);
            GC gc = new GC(image);
            gc.setBackground(colour);
            gc.fillRectangle(0, 0, h, h);
            gc.dispose();
            swatches.put(key, image);
            item.setImage(SignalTree.COL_SIGNAL, image);
        }
    }

    /** Ticks or unticks a signal as the user's click on its check box would. */
    void setPlotted(String key, boolean plotted) {
        TreeItem item = tree.item(key);
        if (item == null) {
            throw new IllegalArgumentException("no row for " + key);
        }
        item.setChecked(plotted);
        Event e = new Event();
        e.detail = SWT.CHECK;
        e.item = item;
        tree.control().notifyListeners(SWT.Selection, e);
    }

    private void enableChartButtons() {
        boolean any = !chart.keys().isEmpty();
        for (Button b : needSeries) {
            b.setEnabled(any);
        }
    }

    private void export(String kind) {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*." + kind});
        dialog.setFileName("signals-" + LocalDateTime.now().format(FILE_TIME) + "." + kind);
        String chosen = dialog.open();
        String problem = chosen == null ? null : export(Path.of(chosen), kind);
        if (problem != null) {
            MessageBox box = new MessageBox(root.getShell(), SWT.ICON_ERROR | SWT.OK);
            box.setText("Export failed");
            box.setMessage(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
            box.open();
        }
    }

    /**
     * Writes the plot to {@code file} as {@code csv} or {@code png} and says so in the status
     * bar; returns null, or the one-line reason it failed.
     */
    String export(Path file, String kind) {
        try {
            if (kind.equals("csv")) {
                int rows = chart.exportCsv(file);
                context.showStatus("Saved " + rows + " rows of " + chart.keys().size() + " signals to " + file);
            } else {
                chart.exportPng(file);
                context.showStatus("Saved the plot to " + file);
            }
            return null;
        } catch (IOException | RuntimeException ex) {
            String reason = "could not save " + file + ": " + describe(ex);
            context.showStatus(reason);
            return reason;
        }
    }

    private static String describe(Exception ex) {
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private void forgetRows(BmsModel model) {
        releaseSwatches();
        tree.clear();
        chart.setModel(model);
    }

    private void releaseSwatches() {
        for (String key : List.copyOf(swatches.keySet())) {
            TreeItem item = tree.item(key);
            if (item != null && !item.isDisposed()) {
                item.setImage(SignalTree.COL_SIGNAL, null);
            }
            swatches.remove(key).dispose();
        }
    }

    @Override
    public void dispose() {
        releaseSwatches();
        chart.dispose();
    }
}
