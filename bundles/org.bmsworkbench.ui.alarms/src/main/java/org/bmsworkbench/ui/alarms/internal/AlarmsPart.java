package org.bmsworkbench.ui.alarms.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/**
 * One open Alarms view: the Safety lock banner (with the unlock tool's button when that tool
 * is installed), a cell-level BMS's lockout banner (with "Switch MOSFETs…"), a lost-communication
 * banner, the active alarms and warnings, and the history
 * of this session with what the selected one means. Redraws when the model's version, the
 * device profile or the unlock tool changed, and at least once a second (ages, silence).
 */
final class AlarmsPart implements ViewPart {

    static final String NOT_CONNECTED = "Not connected.\n\nOpen a connection, a log or a snapshot to see the BMS's alarms here.";
    static final String WAITING = "Connected. Waiting for the first message from the BMS…";
    static final String NONE_ACTIVE = "No alarm or warning is active.";
    /** Before any alarm or warning key arrived: most likely a protocol that carries none (NMEA 2000, VREG). */
    static final String NO_INFORMATION = "No alarm information received: the protocol in use (%s) does not report"
            + " alarms and warnings. SMA and General BMS do.";
    static final String NO_HISTORY = "Nothing has been raised since this session began.";
    static final String PICK_ONE = "Select a row to see what it means and what to check.";
    static final String UNLOCK_TOOL = "unlock";
    static final long SILENCE_MICROS = 10_000_000;
    private static final long TICK_MICROS = 1_000_000;
    private static final int ACTIVE_ROWS_SHOWN = 6;

    private final WorkbenchContext context;
    private final Supplier<DeviceProfile> profile;
    private final LongSupplier wallClockMicros;
    private final Composite root;
    private final StackLayout rootStack = new StackLayout();
    private final Label message;
    private final Composite content;
    private final Banner lock;
    private final LockoutBanner lockout;
    private final Supplier<FetSwitching> switching;
    private final Banner silence;
    private final Placeholder active;
    private final Placeholder history;
    private final Label detail;
    private final Label checks;
    private final AlarmTables tables;
    private final Font heading;
    private WorkbenchSession session;
    private long shownVersion = -1;
    private long shownAt = Long.MIN_VALUE;
    private DeviceProfile shownProfile;
    private boolean shownTool;
    private FetSwitching shownSwitching;
    private List<AlarmRows.Row> historyRows = List.of();

    /** A table, or a line saying why it is empty. */
    private record Placeholder(Composite stack, StackLayout layout, Label empty, Table table) {
        void show(boolean rows) {
            Control top = rows ? table : empty;
            if (layout.topControl != top) {
                layout.topControl = top;
                stack.layout();
            }
        }
    }

    AlarmsPart(Composite parent, WorkbenchContext context, Supplier<DeviceProfile> profile, LongSupplier wallClockMicros,
            ZoneId zone) {
        this(parent, context, profile, () -> null, wallClockMicros, zone);
    }

    AlarmsPart(Composite parent, WorkbenchContext context, Supplier<DeviceProfile> profile,
            Supplier<FetSwitching> switching, LongSupplier wallClockMicros, ZoneId zone) {
        this.context = context;
        this.switching = switching;
        this.profile = profile;
        this.wallClockMicros = wallClockMicros;
        this.tables = new AlarmTables(zone);
        root = new Composite(parent, SWT.NONE);
        root.setLayout(rootStack);
        message = new Label(root, SWT.CENTER | SWT.WRAP);
        content = new Composite(root, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 8;
        gl.marginHeight = 8;
        gl.verticalSpacing = 6;
        content.setLayout(gl);
        lock = new Banner(content, "Start the unlock procedure…", () -> context.openTool(UNLOCK_TOOL));
        lockout = new LockoutBanner(content, context, switching, zone);
        silence = new Banner(content, null, null);
        FontData[] fd = content.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        heading = new Font(content.getDisplay(), fd);
        heading("Active now");
        active = placeholder(NONE_ACTIVE, new String[] {"", "Condition", "Since", "What it means"},
                new int[] {80, 220, 180, 640}, new int[] {SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.LEFT}, false);
        checks = new Label(content, SWT.WRAP);
        GridData cd = new GridData(SWT.FILL, SWT.TOP, true, false);
        cd.widthHint = 400;
        cd.exclude = true;
        checks.setLayoutData(cd);
        checks.setVisible(false);
        heading("History of this session");
        history = placeholder(NO_HISTORY, new String[] {"Condition", "Now", "First raised", "Last raised", "Last cleared", "Times"},
                new int[] {240, 100, 170, 170, 170, 60}, new int[] {SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.RIGHT}, true);
        detail = new Label(content, SWT.WRAP);
        GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
        dd.widthHint = 400;
        dd.heightHint = detail.computeSize(SWT.DEFAULT, SWT.DEFAULT).y * 2 + 2;
        detail.setLayoutData(dd);
        history.table().addListener(SWT.Selection, e -> showDetail());
        root.addDisposeListener(e -> {
            heading.dispose();
            tables.dispose();
        });
        sessionChanged(context.session().orElse(null));
    }

    private void heading(String text) {
        Label l = new Label(content, SWT.NONE);
        l.setText(text);
        l.setFont(heading);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private Placeholder placeholder(String emptyText, String[] titles, int[] widths, int[] aligns, boolean grab) {
        Composite stack = new Composite(content, SWT.NONE);
        StackLayout layout = new StackLayout();
        stack.setLayout(layout);
        stack.setLayoutData(new GridData(SWT.FILL, grab ? SWT.FILL : SWT.TOP, true, grab));
        Label empty = new Label(stack, SWT.WRAP);
        empty.setText(emptyText);
        empty.setForeground(content.getDisplay().getSystemColor(grab ? SWT.COLOR_DARK_GRAY : SWT.COLOR_DARK_GREEN));
        Table table = AlarmTables.table(stack, titles, widths, aligns);
        layout.topControl = empty;
        return new Placeholder(stack, layout, empty, table);
    }

    Composite control() {
        return root;
    }

    Banner lockBanner() {
        return lock;
    }

    LockoutBanner lockout() {
        return lockout;
    }

    Banner silenceBanner() {
        return silence;
    }

    Table activeTable() {
        return active.table();
    }

    Table historyTable() {
        return history.table();
    }

    /** The table when it has rows, else the line saying why it is empty. */
    String activeShown() {
        return active.layout().topControl == active.table() ? null : active.empty().getText();
    }

    Label activeEmptyLabel() {
        return active.empty();
    }

    String historyShown() {
        return history.layout().topControl == history.table() ? null : history.empty().getText();
    }

    String checks() {
        return checks.getVisible() ? checks.getText() : "";
    }

    String detail() {
        return detail.getText();
    }

    String message() {
        return rootStack.topControl == message ? message.getText() : null;
    }

    @Override
    public void sessionChanged(WorkbenchSession s) {
        session = s;
        lockout.reset();
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
        DeviceProfile p = profile.get();
        boolean tool = context.hasTool(UNLOCK_TOOL) && !session.isOffline(); // a recording is never unlocked
        long wall = wallClockMicros.getAsLong();
        FetSwitching fets = switching.get();
        if (version == shownVersion && p == shownProfile && tool == shownTool && fets == shownSwitching
                && wall - shownAt < TICK_MICROS) {
            return;
        }
        shownSwitching = fets;
        shownVersion = version;
        shownProfile = p;
        shownTool = tool;
        shownAt = wall;
        Map<String, SignalValue> values = model.values();
        if (values.isEmpty()) {
            showMessage(WAITING);
            return;
        }
        long newest = values.values().stream().mapToLong(SignalValue::timeMicros).max().orElse(wall);
        long now = session.isOffline() ? newest : Math.max(wall, newest);
        content.setRedraw(false);
        try {
            showLock(LockStatus.of(model, p), tool);
            lockout.show(session);
            showSilence(session.isOffline() ? 0 : wall - newest);
            Map<String, AlarmRecord> records = model.alarms();
            List<AlarmRows.Row> activeRows = AlarmRows.active(records);
            showEmptyActive(records.keySet().stream().anyMatch(k -> k.startsWith("alarm.") || k.startsWith("warning.")
                    || k.startsWith("protection.")), values.values());
            tables.fillActive(active.table(), activeRows, now);
            fitActiveHeight(activeRows.size());
            active.show(!activeRows.isEmpty());
            showChecks(AlarmTables.checks(activeRows));
            historyRows = AlarmRows.history(records);
            tables.fillHistory(history.table(), historyRows, now);
            history.show(!historyRows.isEmpty());
            showDetail();
            if (rootStack.topControl != content) {
                rootStack.topControl = content;
                root.layout(true, true);
            }
            content.layout(true, true);
        } finally {
            content.setRedraw(true);
        }
    }

    private void showLock(LockStatus status, boolean tool) {
        switch (status.kind()) {
            case SAFETY_LOCK -> lock.show(Banner.Tone.RED, status.title(), status.reason(), status.check(), tool);
            case ERROR -> lock.show(Banner.Tone.AMBER, status.title(), status.reason(), status.check(), false);
            case NONE -> lock.hide();
        }
    }

    private void showSilence(long silentMicros) {
        if (silentMicros <= SILENCE_MICROS) {
            silence.hide();
            return;
        }
        AlarmExplanations.Explanation e = AlarmExplanations.LOST_COMMUNICATION;
        silence.show(Banner.Tone.AMBER, "No message from the BMS for " + silentMicros / 1_000_000 + " s",
                e.meaning(), "Check: " + e.check(), false);
    }

    private void showChecks(String text) {
        boolean any = !text.isEmpty();
        if (!checks.getText().equals(text)) {
            checks.setText(text);
        }
        ((GridData) checks.getLayoutData()).exclude = !any;
        checks.setVisible(any);
    }

    /**
     * The line shown when nothing is active: "no alarm" in green only when the BMS has reported its
     * alarms and warnings; otherwise, neutrally, that none were received and why.
     */
    private void showEmptyActive(boolean informed, Collection<SignalValue> values) {
        String text = informed ? NONE_ACTIVE : String.format(NO_INFORMATION, String.join(", ",
                values.stream().map(SignalValue::protocol).distinct().sorted().toList()).replace("&", "&&"));
        Label empty = active.empty();
        if (!empty.getText().equals(text)) {
            empty.setText(text);
            empty.setForeground(content.getDisplay().getSystemColor(informed ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_GRAY));
        }
    }

    /** The active table as high as its rows (up to six), the empty line as high as itself. */
    private void fitActiveHeight(int rows) {
        Table t = active.table();
        int shown = Math.min(ACTIVE_ROWS_SHOWN, rows);
        int width = active.stack().getSize().x;
        int height = shown == 0 ? active.empty().computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT).y
                : t.getHeaderHeight() + shown * t.getItemHeight() + 2 * t.getBorderWidth() + 4;
        GridData gd = (GridData) active.stack().getLayoutData();
        if (gd.heightHint != height) {
            gd.heightHint = height;
        }
    }

    private void showDetail() {
        int i = history.table().getSelectionIndex();
        String text;
        if (historyRows.isEmpty()) {
            text = "";
        } else if (i < 0 || i >= historyRows.size()) {
            text = PICK_ONE;
        } else {
            AlarmRows.Row r = historyRows.get(i);
            text = r.label() + ": " + AlarmExplanations.of(r.key()).line();
        }
        if (!detail.getText().equals(text)) {
            detail.setText(text);
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        if (rootStack.topControl != message) {
            rootStack.topControl = message;
        }
        root.layout();
    }
}
