package org.bmsworkbench.ui.cells.internal;

import java.util.function.LongSupplier;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * One open Cells view: a summary line (cells, lowest, highest, mean, spread, balancing), the
 * <i>Zoom to spread</i> toggle, a line when values are stale, and the {@link CellChart}; or a
 * message saying why there is nothing to draw. Reads the model on the window's UI timer only when
 * its version changed, and once a second for staleness; looks each cell up by key
 * ({@link CellKeys}) and lists the model's keys once a second at most.
 */
final class CellsPart implements ViewPart {

    static final String NOT_CONNECTED = "Not connected.\n\nOpen a connection, a log or a snapshot to see the cells of a BMS"
            + " that reports them here.";
    static final String WAITING = "Connected. Waiting for the first message from the BMS…";
    static final String NO_CELLS = "This BMS reports no per-cell voltages.";
    static final String ONLY_EXTREMES = "It sends only its lowest and highest cell, as the MG Master LV and other CAN BMSes do:"
            + " lowest %s, highest %s, spread %s. See the Signals view for them.";
    static final String WHO_REPORTS = "BMSes that report every cell (JBD, Daly, …) fill this view; the MG Master LV sends only"
            + " the lowest and highest cell — see the Signals view.";
    static final String ZOOM = "Zoom to spread";
    private static final long TICK_MICROS = 1_000_000;
    private static final String NBSP = "\u00a0";
    private static final Color STALE_TEXT = new Color(122, 82, 0);

    private final LongSupplier wallClockMicros;
    private final Composite root;
    private final StackLayout rootStack = new StackLayout();
    private final Composite messageBox;
    private final Label message;
    private final Composite content;
    private final Label summary;
    private final Button zoom;
    private final Label staleLine;
    private final CellChart chart;
    private final Font bold;
    private final CellKeys keys = new CellKeys();
    private WorkbenchSession session;
    private long shownVersion = -1;
    private long shownAt = Long.MIN_VALUE;
    private long scannedAt = Long.MIN_VALUE;
    private long staleMicros = Staleness.MAX_AGE_MICROS;
    /** A cell of this session was above the LiFePO4 range: the full scale stays wide. */
    private boolean wide;

    CellsPart(Composite parent, WorkbenchContext context, LongSupplier wallClockMicros) {
        this.wallClockMicros = wallClockMicros;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(rootStack);
        messageBox = new Composite(root, SWT.NONE);
        messageBox.setLayout(new GridLayout(1, false));
        message = new Label(messageBox, SWT.CENTER | SWT.WRAP);
        GridData md = new GridData(SWT.CENTER, SWT.CENTER, true, true);
        md.widthHint = 560;
        message.setLayoutData(md);
        content = new Composite(root, SWT.NONE);
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 8;
        gl.marginHeight = 6;
        gl.verticalSpacing = 4;
        content.setLayout(gl);
        FontData[] fd = content.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(content.getDisplay(), fd);
        summary = new Label(content, SWT.WRAP);
        summary.setFont(bold);
        GridData sg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        sg.widthHint = 200; // wraps to the width there is, in a small part too
        summary.setLayoutData(sg);
        zoom = new Button(content, SWT.CHECK);
        zoom.setText(ZOOM);
        zoom.setToolTipText("Off: a fixed range (2.50–3.70 V for LiFePO4, to 4.30 V once a cell was above 3.70 V)."
                + " On: the lowest to the highest cell, so a few mV of difference show.");
        zoom.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        zoom.addListener(SWT.Selection, e -> {
            shownVersion = -1;
            refresh();
        });
        staleLine = new Label(content, SWT.WRAP);
        staleLine.setForeground(STALE_TEXT);
        GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        sd.exclude = true;
        staleLine.setLayoutData(sd);
        staleLine.setVisible(false);
        chart = new CellChart(content);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        root.addDisposeListener(e -> bold.dispose());
        sessionChanged(context.session().orElse(null));
    }

    Composite control() {
        return root;
    }

    CellChart chart() {
        return chart;
    }

    Button zoomToggle() {
        return zoom;
    }

    String summary() {
        return rootStack.topControl == content ? summary.getText().replace(NBSP, " ") : null;
    }

    /** The stale line when shown, else null. */
    String staleLine() {
        return staleLine.getVisible() ? staleLine.getText() : null;
    }

    /** The message shown instead of the chart, or null when the chart shows. */
    String message() {
        return rootStack.topControl == messageBox ? message.getText() : null;
    }

    @Override
    public void sessionChanged(WorkbenchSession s) {
        session = s;
        shownVersion = -1;
        shownAt = Long.MIN_VALUE;
        scannedAt = Long.MIN_VALUE;
        staleMicros = Staleness.MAX_AGE_MICROS;
        wide = false;
        keys.clear();
        chart.show(null);
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
        if (version == shownVersion && wall - shownAt < TICK_MICROS) {
            return;
        }
        shownVersion = version;
        shownAt = wall;
        // list the model's keys once a second, and at every change while it held none (the first message)
        if (wall - scannedAt >= TICK_MICROS || wall < scannedAt || !keys.anyKey()) {
            keys.scan(model.values());
            scannedAt = wall;
            if (keys.highestCell() > 0) {
                staleMicros = Staleness.limitMicros(model.history(CellKeys.voltage(firstCell(model))));
            }
        } else {
            keys.probe(model);
        }
        CellReading reading = CellReading.read(model, keys);
        if (!reading.perCell()) {
            showMessage(reading.newestMicros() == Long.MIN_VALUE && !keys.anyKey() ? WAITING : noCells(reading));
            return;
        }
        CellStatistics stats = CellStatistics.of(reading.cells());
        if (stats.present() > 0 && stats.max() > VoltageScale.LFP_HIGH) {
            wide = true;
        }
        VoltageScale scale = stats.present() == 0 ? VoltageScale.full(VoltageScale.LFP_LOW, VoltageScale.LFP_LOW, wide)
                : zoom.getSelection() ? VoltageScale.zoomed(stats.min(), stats.max())
                        : VoltageScale.full(stats.min(), stats.max(), wide);
        long now = session.isOffline() ? reading.newestMicros() : Math.max(wall, reading.newestMicros());
        CellChart.Frame frame = new CellChart.Frame(reading, stats, scale, staleMicros, now);
        content.setRedraw(false);
        try {
            // a value keeps its unit on its line when the summary wraps in a narrow part
            String text = stats.summary().replace(" mV", NBSP + "mV").replace(" V", NBSP + "V").replace("&", "&&");
            if (!summary.getText().equals(text)) {
                summary.setText(text);
            }
            showStale(frame);
            if (rootStack.topControl != content) {
                rootStack.topControl = content;
                root.layout(true, true);
            }
            content.layout(true, true);
            chart.show(frame);
        } finally {
            content.setRedraw(true);
        }
    }

    /** The lowest-numbered cell with a voltage key: its history paces the BMS's updates. */
    private int firstCell(BmsModel model) {
        for (int n = 1; n <= keys.highestCell(); n++) {
            if (model.get(CellKeys.voltage(n)).isPresent()) {
                return n;
            }
        }
        return keys.highestCell();
    }

    static String noCells(CellReading r) {
        if (r.lowest() != null && r.highest() != null) {
            double spread = Math.round((r.highest().value() - r.lowest().value()) * 10_000) / 10.0;
            return NO_CELLS + "\n\n" + String.format(ONLY_EXTREMES, CellStatistics.volts(r.lowest().value()),
                    CellStatistics.volts(r.highest().value()), CellStatistics.millivolts(spread));
        }
        return NO_CELLS + "\n\n" + WHO_REPORTS;
    }

    /** One line when values are stale: all of them (the BMS went quiet) or some cells. */
    private void showStale(CellChart.Frame f) {
        int stale = 0;
        int present = 0;
        long oldest = Long.MAX_VALUE;
        for (CellReading.Cell c : f.reading().cells()) {
            if (c.present()) {
                present++;
                if (f.stale(c.timeMicros())) {
                    stale++;
                    oldest = Math.min(oldest, c.timeMicros());
                }
            }
        }
        String text;
        if (stale == 0) {
            text = "";
        } else if (stale == present) {
            text = "No update from the BMS for " + CellChart.ageText(f.nowMicros() - f.reading().newestMicros())
                    + ": the values shown (grey) are the last received. Check the connection.";
        } else {
            text = stale + (stale == 1 ? " cell has" : " cells have") + " not been updated for "
                    + CellChart.ageText(f.nowMicros() - oldest) + " (grey).";
        }
        boolean show = !text.isEmpty();
        if (!staleLine.getText().equals(text)) {
            staleLine.setText(text);
        }
        GridData gd = (GridData) staleLine.getLayoutData();
        if (gd.exclude == show) {
            gd.exclude = !show;
            staleLine.setVisible(show);
        }
    }

    private void showMessage(String text) {
        if (!message.getText().equals(text)) {
            message.setText(text);
            messageBox.layout(true, true);
        }
        if (rootStack.topControl != messageBox) {
            rootStack.topControl = messageBox;
            root.layout(true, true);
        }
    }
}
