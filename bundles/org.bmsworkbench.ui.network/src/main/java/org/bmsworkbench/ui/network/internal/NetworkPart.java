package org.bmsworkbench.ui.network.internal;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;

/**
 * One open Network view: the {@link DeviceTable} of the session's connection (opened when a
 * session opens, closed when it closes or the view is disposed), its devices and batteries, and
 * the session's {@link DeviceChoice} with Follow and Automatic. The tables are drawn again only
 * when the table's version or the choice changed, and once a second for the ages. Every method
 * runs on the UI thread.
 */
final class NetworkPart implements ViewPart {

    static final String NOT_CONNECTED = "Not connected.\n\nOpen a connection, a log or a snapshot to see the devices on its bus here.";
    static final String NOT_AVAILABLE = "Network table not available: the bus network service (bundle"
            + " org.bmsworkbench.network) is not installed.";
    static final String PICK_ONE = "Select a device or a battery and press Follow (or double-click it) to have the"
            + " session follow it.";
    private static final long TICK_MICROS = 1_000_000;

    private final WorkbenchContext context;
    private final Supplier<BusNetworks> networks;
    private final Supplier<BusPresence> presence;
    /** A request to the devices is under way. */
    private boolean asking;
    private final LongSupplier wallClockMicros;
    private final NetworkControls ui;
    private WorkbenchSession session;
    /** Whether the table was opened (or found not available) for this session, from {@link #openedFrom}. */
    private boolean opened;
    private BusNetworks openedFrom;
    private DeviceTable table;
    private String problem;
    private long shownVersion = -1;
    private DeviceChoice shownChoice;
    private long shownAt = Long.MIN_VALUE;
    private int shownDeviceRows = -1;
    private int shownBatteryRows = -1;
    private List<BusDevice> devices = List.of();
    private List<BatteryReading> batteries = List.of();
    private DeviceChoice choice = DeviceChoice.NONE;

    NetworkPart(org.eclipse.swt.widgets.Composite parent, WorkbenchContext context, Supplier<BusNetworks> networks,
            LongSupplier wallClockMicros) {
        this(parent, context, networks, () -> null, wallClockMicros);
    }

    NetworkPart(org.eclipse.swt.widgets.Composite parent, WorkbenchContext context, Supplier<BusNetworks> networks,
            Supplier<BusPresence> presence, LongSupplier wallClockMicros) {
        this.context = context;
        this.networks = networks;
        this.presence = presence;
        this.wallClockMicros = wallClockMicros;
        this.ui = new NetworkControls(parent);
        ui.devices.table().addListener(SWT.Selection, e -> selected(ui.devices, ui.batteries));
        ui.batteries.table().addListener(SWT.Selection, e -> selected(ui.batteries, ui.devices));
        ui.devices.table().addListener(SWT.DefaultSelection, e -> followSelected());
        ui.batteries.table().addListener(SWT.DefaultSelection, e -> followSelected());
        ui.follow.addListener(SWT.Selection, e -> followSelected());
        ui.automatic.addListener(SWT.Selection, e -> followAutomatic());
        ui.ask.addListener(SWT.Selection, e -> askDevices());
        sessionChanged(context.session().orElse(null));
    }

    // ---- ViewPart ----

    @Override
    public void sessionChanged(WorkbenchSession s) {
        closeTable();
        session = s;
        devices = List.of();
        batteries = List.of();
        choice = DeviceChoice.NONE;
        ui.devices.select(null);
        ui.batteries.select(null);
        refresh();
    }

    @Override
    public void refresh() {
        if (ui.root.isDisposed()) {
            return;
        }
        if (session == null) {
            showMessage(NOT_CONNECTED);
            return;
        }
        BusNetworks current = networks.get();
        if (!opened || current != openedFrom) {
            openTable(current);
        }
        if (table == null) {
            showMessage(problem);
            return;
        }
        long version = table.version();
        DeviceChoice c = session.bms().deviceChoice();
        long wall = wallClockMicros.getAsLong();
        if (version == shownVersion && c.equals(shownChoice) && wall - shownAt < TICK_MICROS) {
            return;
        }
        if (version != shownVersion) {
            devices = table.devices();
            batteries = table.batteries();
        }
        shownVersion = version;
        shownChoice = c;
        shownAt = wall;
        choice = c;
        draw();
    }

    @Override
    public void dispose() {
        closeTable();
    }

    // ---- the table of the session's connection ----

    /** Opens the table of the session's connection from {@code from} (null: none to open from). */
    private void openTable(BusNetworks from) {
        closeTable();
        opened = true;
        openedFrom = from;
        if (from == null) {
            problem = NOT_AVAILABLE;
            return;
        }
        try {
            table = from.follow(session.connection());
            problem = null;
        } catch (RuntimeException e) {
            problem = "Network table not available: " + e.getMessage();
        }
    }

    private void closeTable() {
        if (table != null) {
            table.close();
        }
        table = null;
        opened = false;
        openedFrom = null;
        problem = null;
        shownVersion = -1;
        shownChoice = null;
        shownAt = Long.MIN_VALUE;
    }

    // ---- drawing ----

    /**
     * Redraws from the rows read last: only texts that changed are set, and the view is laid out
     * again only when a line's text or a table's row count changed (not for new values in the cells),
     * so a busy bus costs a few cell updates per refresh, not a repaint of the view.
     */
    private void draw() {
        long newest = NetworkRows.newest(devices, batteries);
        long now = session.isOffline() ? newest : Math.max(wallClockMicros.getAsLong(), newest);
        boolean relayout = setText(ui.choice, NetworkRows.choiceLine(choice, devices).replace("&", "&&"));
        ui.choiceTone(choice.ambiguous());
        ui.automatic.setEnabled(choice.byUser());
        ui.ask.setEnabled(whyNotAsk() == null);
        ui.ask.setToolTipText(whyNotAsk() != null ? whyNotAsk() : "Claim an address for the workbench and ask every"
                + " device for its address claim and product information (ISO Requests for PGN 60928 and 126996)."
                + " Nothing is sent until you press it.");
        long others = devices.stream().filter(d -> !d.self()).count();
        relayout |= setText(ui.devicesHeading, "Devices on the bus (" + others + (others == 1 ? " device" : " devices")
                + (devices.size() > others ? " and this workbench)" : ")"));
        ui.devices.fill(NetworkRows.devices(devices, choice, now));
        relayout |= setText(ui.batteriesHeading, "Batteries (" + batteries.size() + ")" + (!batteries.isEmpty() ? ""
                : NetworkRows.elevenBit(devices) ? ": none on an 11-bit bus, its one BMS's values are in the Overview"
                        + " and Signals views"
                : ": none seen yet (PGN 127508 Battery Status, 127506 DC Detailed Status)"));
        ui.batteries.fill(NetworkRows.batteries(batteries, devices, choice, now));
        relayout |= showDetail();
        ui.show(ui.content);
        if (ui.devices.table().getItemCount() != shownDeviceRows || ui.batteries.table().getItemCount() != shownBatteryRows) {
            shownDeviceRows = ui.devices.table().getItemCount();
            shownBatteryRows = ui.batteries.table().getItemCount();
            ui.fitTables();
        } else if (relayout) {
            ui.content.layout(true, true);
        }
    }

    /** Sets the text if it changed; true when it did. */
    private static boolean setText(org.eclipse.swt.widgets.Label label, String text) {
        if (label.getText().equals(text)) {
            return false;
        }
        label.setText(text);
        return true;
    }

    private void showMessage(String text) {
        setText(ui.message, text);
        ui.show(ui.message);
    }

    /** A row selected in one table deselects the other: Follow acts on the one row selected. */
    private void selected(RowTable in, RowTable other) {
        if (in.selectedKey() != null) {
            other.select(null);
        }
        showDetail();
    }

    /** The line under the devices table, and Follow enabled for what is selected; true when the line changed. */
    private boolean showDetail() {
        BusDevice d = selectedDevice();
        BatteryReading b = selectedBattery();
        String text = d != null ? NetworkRows.detail(d)
                : b != null ? "Battery instance " + b.instance() + " of " + NetworkRows.address(b.source())
                        + (b.mgMasterLv() ? ": the MG Master LV's pack" : "")
                : PICK_ONE;
        ui.follow.setEnabled(d != null && d.address() != null && !d.self() || b != null);
        return setText(ui.detail, text);
    }

    private BusDevice selectedDevice() {
        String key = ui.devices.selectedKey();
        return key == null ? null : devices.stream().filter(d -> NetworkRows.deviceKey(d).equals(key)).findFirst().orElse(null);
    }

    private BatteryReading selectedBattery() {
        String key = ui.batteries.selectedKey();
        return key == null ? null
                : batteries.stream().filter(b -> NetworkRows.batteryKey(b).equals(key)).findFirst().orElse(null);
    }

    // ---- actions ----

    /**
     * Follows the selected device (all its messages) or battery: one (source, instance), except the
     * MG Master LV's pack, whose device is followed whole (its cell instances are not batteries).
     */
    private void followSelected() {
        if (session == null) {
            return;
        }
        BusDevice d = selectedDevice();
        BatteryReading b = selectedBattery();
        if (d != null) {
            if (d.self()) {
                context.showStatus("That is the workbench itself: choose a battery or BMS to follow.");
            } else if (d.address() == null) {
                context.showStatus("This bus has no addresses: its one BMS is followed already.");
            } else {
                follow(d.address(), null, NetworkRows.address(d.address()));
            }
        } else if (b != null) {
            follow(b.source(), b.mgMasterLv() ? null : b.instance(), b.mgMasterLv() ? NetworkRows.address(b.source())
                    : NetworkRows.address(b.source()) + " instance " + b.instance());
        } else {
            context.showStatus("Select a device or a battery to follow first.");
        }
    }

    /** Why the devices cannot be asked now, or null when they can. */
    private String whyNotAsk() {
        if (asking) {
            return "Asking the devices …";
        }
        if (session == null || session.isOffline()) {
            return "A recording cannot be asked: nothing is sent on a replayed bus.";
        }
        if (session.connection().listenOnly()) {
            return "The connection is listen-only: the workbench sends nothing on it.";
        }
        if (presence.get() == null) {
            return "The workbench cannot take part on the bus (the network bundle is not installed).";
        }
        if (NetworkRows.elevenBit(devices)) {
            return "An 11-bit bus has no addresses: there is nobody to ask.";
        }
        return null;
    }

    /** Claims an address and sends ISO Requests for everyone's address claim and product information. */
    private void askDevices() {
        String why = whyNotAsk();
        if (why != null) {
            context.showStatus(why);
            return;
        }
        BusPresence p = presence.get();
        WorkbenchSession s = session;
        org.bmsworkbench.can.Connection c = s.connection();
        asking = true;
        ui.ask.setEnabled(false);
        context.showStatus("Claiming an address and asking every device for its address claim and product information …");
        p.request(c, 60928, 0xFF).thenCompose(v -> p.request(c, 126996, 0xFF)).whenComplete((v, failure) ->
                context.uiExecutor().execute(() -> {
                    asking = false;
                    if (ui.root.isDisposed() || session != s) {
                        return;
                    }
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        context.showStatus("Could not ask the devices: " + cause.getMessage());
                    } else {
                        context.showStatus("Asked every device from address " + p.claimedAddress(c).orElse(-1)
                                + "; their answers fill the table as they come.");
                    }
                    shownAt = Long.MIN_VALUE;
                    refresh();
                }));
    }

    private void follow(Integer address, Integer instance, String what) {
        BmsSession bms = session.bms();
        try {
            bms.follow(address, instance);
        } catch (IllegalArgumentException e) {
            context.showStatus("Cannot follow " + what + ": " + e.getMessage());
            return;
        }
        context.showStatus("Following " + what + ".");
        refresh();
    }

    private void followAutomatic() {
        if (session == null) {
            return;
        }
        session.bms().follow(null, null);
        context.showStatus("Following the automatic choice again.");
        refresh();
    }

    // ---- for tests ----

    NetworkControls controls() {
        return ui;
    }

    /** The message shown instead of the tables, or null when the tables show. */
    String message() {
        return ui.rootStack.topControl == ui.message ? ui.message.getText() : null;
    }

    DeviceTable table() {
        return table;
    }
}
