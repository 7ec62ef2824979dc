package org.bmsworkbench.ui.registers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.TableItem;

/**
 * The rows of the Registers view, one a register of the catalogue, and their table items: the
 * values the model already has, those the device broadcasts and the results of requests, each
 * shown with its age. UI thread only, like the part that owns it; the broadcast feed it reads
 * is filled on the transport thread and only read here.
 */
final class RegisterTable {
    private final RegistersControls ui;
    private final BooleanSupplier writesEnabled;
    private final List<RegisterRow> rows = new ArrayList<>();
    private WorkbenchSession session;
    private BroadcastFeed feed;

    /**
     * @param writesEnabled whether a writable value is shown as editable now
     */
    RegisterTable(RegistersControls ui, RegisterCatalogue catalogue, BooleanSupplier writesEnabled) {
        this.ui = ui;
        this.writesEnabled = writesEnabled;
        for (RegisterInfo info : catalogue.registers()) {
            rows.add(new RegisterRow(info));
            new TableItem(ui.table, SWT.NONE);
        }
    }

    /**
     * Forgets every value and request of the session before, takes what the model of {@code newSession}
     * already has, and shows the rows anew.
     *
     * @param newFeed the broadcasts of {@code newSession}; null with it
     */
    void sessionChanged(WorkbenchSession newSession, BroadcastFeed newFeed) {
        session = newSession;
        feed = newFeed;
        for (RegisterRow r : rows) {
            r.setValue(null, "", 0, Long.MIN_VALUE);
            r.lastRequest = "";
            r.lastMessage = "";
            r.lastFailed = false;
        }
        if (session != null) {
            seedFromModel();
        }
        updateAll();
    }

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

    /** Shows the registers whose broadcast value changed since last time. */
    void takeBroadcasts() {
        for (int i = 0; i < rows.size(); i++) {
            RegisterRow r = rows.get(i);
            BroadcastFeed.Reading reading = feed.latest().get(r.info.id());
            if (reading != null && reading.receivedNanos() != r.receivedNanos) {
                r.setValue(reading.values(), reading.rawHex(), reading.receivedNanos(), reading.timeMicros());
                updateItem(i);
            }
        }
    }

    /** Shows the age of every value anew. */
    void showAges() {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).hasValue()) {
                ui.table.getItem(i).setText(RegistersControls.COL_AGE, age(rows.get(i)));
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

    /** Shows every row anew (values, and whether writable ones are editable now). */
    void updateAll() {
        for (int i = 0; i < rows.size(); i++) {
            updateItem(i);
        }
    }

    private void updateItem(int i) {
        RegisterRow r = rows.get(i);
        TableItem item = ui.table.getItem(i);
        item.setText(new String[] {r.info.idHex(), r.info.name(), RegisterText.value(r.info, r.values),
            RegisterText.unit(r.info), r.rawHex, age(r), RegisterText.access(r.info), r.lastRequest});
        item.setForeground(RegistersControls.COL_LAST, r.lastFailed ? ui.errorColor() : ui.quietColor());
        item.setBackground(RegistersControls.COL_VALUE, r.info.writable() && writesEnabled.getAsBoolean()
                ? ui.editableColor() : null);
        item.setForeground(RegistersControls.COL_ACCESS, r.info.writable() ? ui.writableColor() : null);
    }

    /** Applies a request's result to its row. */
    void took(RegisterResult result, String what) {
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

    /** Every register id, in the table's order. */
    List<Integer> allRegisters() {
        return rows.stream().map(r -> r.info.id()).toList();
    }

    /** The row at table index {@code index}. */
    RegisterRow at(int index) {
        return rows.get(index);
    }

    /** The row of register {@code register}. */
    RegisterRow of(int register) {
        return rows.stream().filter(r -> r.info.id() == register).findFirst().orElseThrow();
    }

    /** The table index of register {@code register}. */
    int indexOf(int register) {
        return rows.indexOf(of(register));
    }
}
