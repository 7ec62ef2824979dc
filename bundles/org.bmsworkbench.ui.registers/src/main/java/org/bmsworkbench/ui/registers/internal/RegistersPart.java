package org.bmsworkbench.ui.registers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableItem;

/**
 * One open Registers view: the catalogue as a table, values from the device's broadcasts and
 * from reads, and writes that are off until the user enables them for the session, each
 * confirmed before it is sent. Every method runs on the UI thread; request results come back
 * through {@link WorkbenchContext#uiExecutor()}.
 */
final class RegistersPart implements ViewPart {
    static final int[] PERIODS_SECONDS = {0, 2, 5, 10, 30};

    private final WorkbenchContext context;
    private final RegisterAccess access;
    private final RegistersControls ui;
    private final List<RegisterRow> rows = new ArrayList<>();
    private final ValueEditor editor;

    private WorkbenchSession session;
    private Subscription feedSubscription = () -> { };
    private BroadcastFeed feed;
    private long feedVersion = -1;
    /** Increases with every session change: results of an older session are dropped. */
    private int generation;
    private ReadRun run;
    private boolean writing;
    private WriteConfirmation confirmation;
    private long lastPeriodicNanos;
    private long lastAgesNanos;

    RegistersPart(Composite parent, WorkbenchContext context, RegisterAccess access) {
        this.context = context;
        this.access = access;
        this.ui = new RegistersControls(parent);
        for (RegisterInfo info : access.catalogue().registers()) {
            rows.add(new RegisterRow(info));
            new TableItem(ui.table, SWT.NONE);
        }
        editor = new ValueEditor(ui.table, RegistersControls.COL_VALUE, this::commitEdit);
        ui.read.addListener(SWT.Selection, e -> readSelected());
        ui.readAll.addListener(SWT.Selection, e -> readAll());
        ui.cancel.addListener(SWT.Selection, e -> cancelRun());
        ui.menuRead.addListener(SWT.Selection, e -> readSelected());
        ui.menuReadAll.addListener(SWT.Selection, e -> readAll());
        ui.menuWrite.addListener(SWT.Selection, e -> editSelected());
        ui.writes.addListener(SWT.Selection, e -> writesToggled());
        ui.table.addListener(SWT.MouseDoubleClick, e -> editSelected());
        ui.table.addListener(SWT.DefaultSelection, e -> editSelected());
        ui.table.addListener(SWT.MenuDetect, e -> {
            RegisterRow r = selectedRow();
            ui.menuWrite.setEnabled(writesEnabled() && r != null && r.info.writable());
        });
        for (int i = 0; i < rows.size(); i++) {
            updateItem(i);
        }
        ui.packColumns();
        sessionChanged(context.session().orElse(null));
    }

    // ---- ViewPart ----

    @Override
    public void refresh() {
        if (feed != null && feed.version() != feedVersion) {
            feedVersion = feed.version();
            takeBroadcasts();
        }
        long now = System.nanoTime();
        if (now - lastAgesNanos >= 1_000_000_000L) {
            lastAgesNanos = now;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).hasValue()) {
                    ui.table.getItem(i).setText(RegistersControls.COL_AGE, age(rows.get(i)));
                }
            }
        }
        int period = PERIODS_SECONDS[Math.max(0, ui.periodic.getSelectionIndex())];
        if (period > 0 && canSend() && run == null && !writing
                && now - lastPeriodicNanos >= period * 1_000_000_000L) {
            lastPeriodicNanos = now;
            startRun(allRegisters(), "Refreshing");
        }
    }

    @Override
    public void sessionChanged(WorkbenchSession newSession) {
        generation++;
        feedSubscription.close();
        feedSubscription = () -> { };
        if (run != null) {
            run.cancel();
        }
        closeEditing();
        writing = false;
        ui.writes.setSelection(false);
        session = newSession;
        feed = null;
        feedVersion = -1;
        for (RegisterRow r : rows) {
            r.setValue(null, "", 0, Long.MIN_VALUE);
            r.lastRequest = "";
            r.lastMessage = "";
            r.lastFailed = false;
        }
        if (session != null) {
            feed = new BroadcastFeed(access.catalogue(), options().node());
            feedSubscription = session.bms().onMessage(feed);
            seedFromModel();
        }
        for (int i = 0; i < rows.size(); i++) {
            updateItem(i);
        }
        ui.status(session == null ? "" : "Values appear as the device broadcasts them; Read all asks for every register.",
                false);
        updateEnablement();
    }

    @Override
    public void dispose() {
        generation++;
        feedSubscription.close();
        if (run != null) {
            run.cancel();
        }
        closeEditing();
    }

    // ---- values ----

    /** Values the model already has from VREG broadcasts (the view opened after they came). */
    private void seedFromModel() {
        Map<String, SignalValue> model = session.model().values();
        long nowMicros = System.currentTimeMillis() * 1000;
        for (RegisterRow r : rows) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            long time = Long.MIN_VALUE;
            for (RegisterField f : r.info.fields()) {
                SignalValue v = model.get(f.key());
                if (v == null || !BroadcastFeed.PROTOCOL.equals(v.protocol())) {
                    values = null;
                    break;
                }
                values.put(f.key(), v.value());
                time = Math.max(time, v.timeMicros());
            }
            if (values != null) {
                long ageNanos = session.isOffline() ? 0 : Math.max(0, nowMicros - time) * 1000;
                r.setValue(values, "", System.nanoTime() - ageNanos, time);
            }
        }
    }

    private void takeBroadcasts() {
        for (int i = 0; i < rows.size(); i++) {
            RegisterRow r = rows.get(i);
            BroadcastFeed.Reading reading = feed.latest().get(r.info.id());
            if (reading != null && reading.receivedNanos() != r.receivedNanos) {
                r.setValue(reading.values(), reading.rawHex(), reading.receivedNanos(), reading.timeMicros());
                updateItem(i);
            }
        }
    }

    private String age(RegisterRow r) {
        if (!r.hasValue()) {
            return "";
        }
        if (session != null && session.isOffline()) {
            long newest = feed == null ? Long.MIN_VALUE : feed.newestMicros();
            return newest == Long.MIN_VALUE || r.timeMicros == Long.MIN_VALUE ? ""
                    : RegisterText.age((newest - r.timeMicros) / 1000);
        }
        return RegisterText.age((System.nanoTime() - r.receivedNanos) / 1_000_000);
    }

    private void updateItem(int i) {
        RegisterRow r = rows.get(i);
        TableItem item = ui.table.getItem(i);
        item.setText(new String[] {r.info.idHex(), r.info.name(), RegisterText.value(r.info, r.values),
            RegisterText.unit(r.info), r.rawHex, age(r), RegisterText.access(r.info), r.lastRequest});
        item.setForeground(RegistersControls.COL_LAST, r.lastFailed ? ui.errorColor() : ui.quietColor());
        item.setBackground(RegistersControls.COL_VALUE, r.info.writable() && writesEnabled() ? ui.editableColor() : null);
        item.setForeground(RegistersControls.COL_ACCESS, r.info.writable() ? ui.writableColor() : null);
    }

    // ---- reads ----

    private List<Integer> allRegisters() {
        return rows.stream().map(r -> r.info.id()).toList();
    }

    private void readSelected() {
        List<Integer> ids = new ArrayList<>();
        for (int i : ui.table.getSelectionIndices()) {
            ids.add(rows.get(i).info.id());
        }
        if (ids.isEmpty()) {
            ui.status("Select a register to read (or use Read all).", false);
            return;
        }
        startRun(ids, "Reading");
    }

    private void readAll() {
        startRun(allRegisters(), "Reading");
    }

    private void startRun(List<Integer> ids, String verb) {
        if (!canSend() || run != null || writing) {
            return;
        }
        int gen = generation;
        ui.progress.setMaximum(ids.size());
        ui.progress.setSelection(0);
        run = new ReadRun(access, session.connection(), options(), ids, context.uiExecutor(), (position, result) -> {
            if (gen != generation || ui.table.isDisposed()) {
                return;
            }
            took(result, "read");
            ui.progress.setSelection(position + 1);
            ui.status(verb + " " + (position + 1) + " of " + ids.size() + ": " + result.message(), !result.ok());
        }, ended -> {
            if (gen != generation || ui.table.isDisposed()) {
                return;
            }
            run = null;
            ui.status(ended.cancelled() ? "Stopped after " + ended.done() + " of " + ended.total() + " registers."
                    : verb + " done: " + ended.total() + (ended.total() == 1 ? " register" : " registers"), false);
            updateEnablement();
        });
        updateEnablement();
        run.start();
    }

    private void cancelRun() {
        if (run != null) {
            run.cancel();
        }
    }

    /** Applies a request's result to its row. */
    private void took(RegisterResult result, String what) {
        for (int i = 0; i < rows.size(); i++) {
            RegisterRow r = rows.get(i);
            if (r.info.id() == result.register()) {
                if (result.ok() && !result.values().isEmpty()) {
                    r.setValue(result.values(), result.data().length() > 2 * r.info.size()
                            ? result.data().substring(0, 2 * r.info.size()) : result.data(), System.nanoTime(),
                            System.currentTimeMillis() * 1000);
                }
                r.lastRequest = RegisterText.outcome(what, result);
                r.lastMessage = result.message();
                r.lastFailed = !result.ok();
                updateItem(i);
                return;
            }
        }
    }

    // ---- writes ----

    private void writesToggled() {
        closeEditing();
        updateEnablement();
        for (int i = 0; i < rows.size(); i++) {
            updateItem(i);
        }
        ui.status(ui.writes.getSelection() ? "Writes enabled: double-click a value in an RW row to change it." : "Writes off.",
                false);
    }

    private boolean writesEnabled() {
        return canSend() && ui.writes.getSelection();
    }

    private RegisterRow selectedRow() {
        int i = ui.table.getSelectionIndex();
        return i < 0 ? null : rows.get(i);
    }

    private void editSelected() {
        int i = ui.table.getSelectionIndex();
        if (i < 0) {
            return;
        }
        RegisterRow r = rows.get(i);
        if (!r.info.writable()) {
            ui.status(r.info.idHex() + " " + r.info.name() + " is read-only.", false);
        } else if (!canSend()) {
            ui.status(ui.reason(), true);
        } else if (!ui.writes.getSelection()) {
            ui.status("Writes are off: tick \"Enable writes for this session\" first.", true);
        } else if (run != null || writing) {
            ui.status("Wait for the request under way to finish.", true);
        } else {
            Object v = r.values == null ? null : r.values.get(r.info.fields().get(0).key());
            editor.open(i, r.info, v instanceof Long l ? l : null);
        }
    }

    /** The typed value: range-checked here, then confirmed by the user, then written. */
    void commitEdit(int index, String text) {
        RegisterRow r = rows.get(index);
        WriteRequest request;
        try {
            request = WriteRequest.parse(r.info, text);
        } catch (WriteRequest.Invalid e) {
            ui.status(e.getMessage(), true);
            return;
        }
        int gen = generation;
        confirmation = new WriteConfirmation(context.shell(), request, RegisterText.value(r.info, r.values)
                + (RegisterText.unit(r.info).isEmpty() ? "" : " " + RegisterText.unit(r.info)),
                options().node(), ok -> {
                    confirmation = null;
                    if (ok && gen == generation && !ui.table.isDisposed()) {
                        write(request);
                    } else if (!ui.table.isDisposed()) {
                        ui.status("Nothing was written.", false);
                    }
                });
    }

    /**
     * Requests go to the BMS the session follows on a bus of many devices, else to the one the
     * connection's traffic identifies, else to the configured node.
     */
    private RequestOptions options() {
        RequestOptions defaults = access.defaults(session.connection());
        Integer followed = session.bms().deviceChoice().address();
        return followed == null ? defaults : defaults.towards(followed);
    }

    private void write(WriteRequest request) {
        if (!writesEnabled() || writing || run != null) {
            return;
        }
        writing = true;
        updateEnablement();
        int gen = generation;
        ui.status("Writing " + request.text() + " to " + request.info().idHex() + "…", false);
        access.write(session.connection(), request.info().id(), request.value(), options())
                .whenCompleteAsync((result, failure) -> {
                    if (gen != generation || ui.table.isDisposed()) {
                        return;
                    }
                    writing = false;
                    if (result != null) {
                        took(result, "write " + request.text());
                        ui.status(result.message(), !result.ok());
                    }
                    updateEnablement();
                }, context.uiExecutor());
    }

    private void closeEditing() {
        editor.close();
        if (confirmation != null && !confirmation.shell().isDisposed()) {
            confirmation.shell().close();
        }
        confirmation = null;
    }

    // ---- state ----

    private boolean canSend() {
        return session != null && !session.isOffline();
    }

    private void updateEnablement() {
        boolean send = canSend();
        boolean idle = run == null && !writing;
        ui.read.setEnabled(send && idle);
        ui.readAll.setEnabled(send && idle);
        ui.menuRead.setEnabled(send && idle);
        ui.menuReadAll.setEnabled(send && idle);
        ui.cancel.setEnabled(run != null);
        ui.periodic.setEnabled(send);
        ui.writes.setEnabled(send);
        if (!send) {
            ui.writes.setSelection(false);
        }
        ui.showState(session == null ? "Not connected: open a connection to read registers."
                : session.isOffline() ? "Recorded session: nothing is sent to it. Values are those broadcast in the"
                        + " recording; reads and writes need a live connection." : null,
                writesEnabled());
    }

    // ---- for tests ----

    RegistersControls controls() {
        return ui;
    }

    WriteConfirmation confirmation() {
        return confirmation;
    }

    ValueEditor editor() {
        return editor;
    }

    boolean busy() {
        return run != null || writing;
    }

    RegisterRow row(int register) {
        return rows.stream().filter(r -> r.info.id() == register).findFirst().orElseThrow();
    }

    int index(int register) {
        return rows.indexOf(row(register));
    }
}
