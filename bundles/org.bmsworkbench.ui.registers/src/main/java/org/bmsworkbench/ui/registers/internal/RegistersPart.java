package org.bmsworkbench.ui.registers.internal;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

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
    private final RegisterTable rows;
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
        this.rows = new RegisterTable(ui, access.catalogue(), this::writesEnabled);
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
        rows.updateAll();
        ui.packColumns();
        sessionChanged(context.session().orElse(null));
    }

    // ---- ViewPart ----

    @Override
    public void refresh() {
        if (feed != null && feed.version() != feedVersion) {
            feedVersion = feed.version();
            rows.takeBroadcasts();
        }
        long now = System.nanoTime();
        if (now - lastAgesNanos >= 1_000_000_000L) {
            lastAgesNanos = now;
            rows.showAges();
        }
        int period = PERIODS_SECONDS[Math.max(0, ui.periodic.getSelectionIndex())];
        if (period > 0 && canSend() && run == null && !writing
                && now - lastPeriodicNanos >= period * 1_000_000_000L) {
            lastPeriodicNanos = now;
            startRun(rows.allRegisters(), "Refreshing");
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
        if (session != null) {
            feed = new BroadcastFeed(access.catalogue(), options().node());
            feedSubscription = session.bms().onMessage(feed);
        }
        rows.sessionChanged(session, feed);
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

    // ---- reads ----

    private void readSelected() {
        List<Integer> ids = new ArrayList<>();
        for (int i : ui.table.getSelectionIndices()) {
            ids.add(rows.at(i).info.id());
        }
        if (ids.isEmpty()) {
            ui.status("Select a register to read (or use Read all).", false);
            return;
        }
        startRun(ids, "Reading");
    }

    private void readAll() {
        startRun(rows.allRegisters(), "Reading");
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
            rows.took(result, "read");
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

    // ---- writes ----

    private void writesToggled() {
        closeEditing();
        updateEnablement();
        rows.updateAll();
        ui.status(ui.writes.getSelection() ? "Writes enabled: double-click a value in an RW row to change it." : "Writes off.",
                false);
    }

    private boolean writesEnabled() {
        return canSend() && ui.writes.getSelection();
    }

    private RegisterRow selectedRow() {
        int i = ui.table.getSelectionIndex();
        return i < 0 ? null : rows.at(i);
    }

    private void editSelected() {
        int i = ui.table.getSelectionIndex();
        if (i < 0) {
            return;
        }
        RegisterRow r = rows.at(i);
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
        RegisterRow r = rows.at(index);
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
                        rows.took(result, "write " + request.text());
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
        return rows.of(register);
    }

    int index(int register) {
        return rows.indexOf(register);
    }
}
