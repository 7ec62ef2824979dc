package org.bmsworkbench.ui.network.internal;

import static org.bmsworkbench.ui.network.internal.BoatNetwork.T0;
import static org.bmsworkbench.ui.network.internal.Tables.click;
import static org.bmsworkbench.ui.network.internal.Tables.doubleClick;
import static org.bmsworkbench.ui.network.internal.Tables.keys;
import static org.bmsworkbench.ui.network.internal.Tables.press;
import static org.bmsworkbench.ui.network.internal.Tables.row;
import static org.bmsworkbench.ui.network.internal.Tables.widths;
import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.ui.testing.Swt;
import org.bmsworkbench.ui.testing.TestWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Network view in a test window on the test thread, refreshed 20 times a second as the window
 * does, over a fake {@link BusNetworks} holding the hand-written {@link BoatNetwork} and a session
 * whose device choice the test sets.
 */
class NetworkViewTest {

    private static final RGB FOLLOWED = new RGB(222, 242, 222);

    private TestWindow window;
    private final FakeNetwork network = new FakeNetwork();
    private final AtomicReference<BusNetworks> service = new AtomicReference<>(network);
    private final AtomicLong wall = new AtomicLong(T0);
    private TestSession session;
    private NetworkPart part;

    @BeforeEach
    void open() {
        Swt.display();
        window = new TestWindow(1260, 720);
        session = new TestSession(false);
        session.choice(BoatNetwork.followingMg());
        network.set(BoatNetwork.devices(true), BoatNetwork.batteries(true));
        window.session(session);
        part = window.show(new NetworkPart(window.tab(), window, service::get, wall::get));
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    private Table devices() {
        return part.controls().devices.table();
    }

    private Table batteries() {
        return part.controls().batteries.table();
    }

    private void waitForRows(int deviceRows, int batteryRows) {
        waitUntil(deviceRows + " device rows and " + batteryRows + " battery rows",
                () -> part.message() == null && devices().getItemCount() == deviceRows
                        && batteries().getItemCount() == batteryRows);
    }

    @Test
    void devicesAndBatteriesAppearWithTheWorkbenchAndTheFollowedBmsMarked() {
        waitForRows(4, 3);
        assertSame(session.connection(), network.last().connection, "the table follows the session's connection");
        assertEquals(List.of("address:32", "address:33", "address:48", "address:80"), keys(devices()));

        TableItem mg = row(devices(), "address:80");
        assertEquals("followed BMS", mg.getText(NetworkRows.DEVICE_MARK));
        assertEquals("80 (0x50)", mg.getText(NetworkRows.DEVICE_ADDRESS));
        assertEquals("MG Energy Systems B.V. (1160)", mg.getText(NetworkRows.DEVICE_MANUFACTURER));
        assertEquals("MG Master LV", mg.getText(NetworkRows.DEVICE_MODEL));
        assertEquals("MG-LV-2311-0042", mg.getText(NetworkRows.DEVICE_SERIAL));
        assertEquals("1.12.0", mg.getText(NetworkRows.DEVICE_SOFTWARE));
        assertEquals("127508, 127506, 60928 +4", mg.getText(NetworkRows.DEVICE_PGNS));
        assertEquals(FOLLOWED, mg.getBackground().getRGB());

        TableItem self = row(devices(), "address:33");
        assertEquals("this workbench", self.getText(NetworkRows.DEVICE_MARK));
        assertEquals("33 (0x21)", self.getText(NetworkRows.DEVICE_ADDRESS));
        assertEquals(window.shell().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY), self.getForeground());
        TableItem victron = row(devices(), "address:48");
        assertEquals("", victron.getText(NetworkRows.DEVICE_MARK));
        assertEquals("Victron Energy (358)", victron.getText(NetworkRows.DEVICE_MANUFACTURER));
        assertEquals("battery", victron.getText(NetworkRows.DEVICE_ROLE));
        assertEquals("3 s ago", row(devices(), "address:32").getText(NetworkRows.DEVICE_SEEN));

        assertEquals(List.of("48:0", "48:1", "80:32"), keys(batteries()));
        assertEquals("followed, MG Master LV pack", row(batteries(), "80:32").getText(NetworkRows.BATTERY_MARK));
        assertEquals(FOLLOWED, row(batteries(), "80:32").getBackground().getRGB());
        assertEquals("", row(batteries(), "48:1").getText(NetworkRows.BATTERY_MARK));
        assertEquals("12.84 V", row(batteries(), "48:0").getText(NetworkRows.BATTERY_VOLTAGE));
        assertEquals("76 %", row(batteries(), "48:0").getText(NetworkRows.BATTERY_SOC));

        NetworkControls ui = part.controls();
        assertEquals("Following " + BoatNetwork.MG_REASON + ".", ui.choice.getText());
        assertFalse(ui.amber());
        assertFalse(ui.automatic.isEnabled(), "Automatic is the choice already");
        assertFalse(ui.follow.isEnabled(), "nothing selected to follow");
        assertEquals("Devices on the bus (3 devices and this workbench)", ui.devicesHeading.getText());
        assertEquals("Batteries (3)", ui.batteriesHeading.getText());
    }

    @Test
    void noColumnCutsItsTextNorGrowsAsTheAgesTick() {
        waitForRows(4, 3);
        for (Table t : List.of(devices(), batteries())) {
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(t);
            try {
                for (TableItem item : t.getItems()) {
                    for (int c = 0; c < t.getColumnCount(); c++) {
                        TableColumn column = t.getColumn(c);
                        gc.setFont(item.getFont(c));
                        int needed = gc.textExtent(item.getText(c)).x;
                        assertTrue(needed < column.getWidth(), "column '" + column.getText() + "' (" + column.getWidth()
                                + " px) fits '" + item.getText(c) + "' (" + needed + " px)");
                    }
                }
            } finally {
                gc.dispose();
            }
            int widths = 0;
            for (TableColumn column : t.getColumns()) {
                widths += column.getWidth();
            }
            assertTrue(widths <= t.getClientArea().width, "the columns (" + widths + " px) fit the "
                    + t.getClientArea().width + " px of a 1260 px window without scrolling sideways");
        }

        // a wider window: GTK stretches the last column over the rest, which must not count as its text
        window.shell().setSize(1700, 720);
        window.shell().layout(true, true);
        Swt.pumpFor(100);
        List<Integer> devicesBefore = widths(devices());
        List<Integer> batteriesBefore = widths(batteries());
        for (int s = 1; s <= 5; s++) {
            wall.addAndGet(1_000_000);
            String age = (3 + s) + " s ago";
            waitUntil("the display's age " + age, () -> age.equals(row(devices(), "address:32").getText(NetworkRows.DEVICE_SEEN)));
        }
        assertEquals(devicesBefore, widths(devices()), "the devices' columns as wide as before");
        assertEquals(batteriesBefore, widths(batteries()), "the batteries' columns as wide as before");
    }

    @Test
    void followCallsTheSessionWithTheSelectedDeviceOrBattery() {
        waitForRows(4, 3);
        NetworkControls ui = part.controls();
        click(batteries(), "48:1");
        assertTrue(ui.follow.isEnabled());
        assertEquals("Battery instance 1 of 48 (0x30)", ui.detail.getText());
        press(ui.follow);
        assertEquals(List.of("48/1"), session.follows);
        assertEquals("Following 48 (0x30) instance 1.", window.lastStatus());

        click(devices(), "address:80");
        assertEquals(-1, batteries().getSelectionIndex(), "a row chosen in one table leaves the other");
        press(ui.follow);
        assertEquals("80/null", session.follows.get(1));

        // the MG Master LV's pack is followed as the whole device: its cell instances are not batteries
        doubleClick(batteries(), "80:32");
        assertEquals("80/null", session.follows.get(2));
        assertEquals(-1, devices().getSelectionIndex());

        click(devices(), "address:33");
        assertFalse(ui.follow.isEnabled(), "the workbench itself is not followed");
        doubleClick(devices(), "address:33");
        assertEquals(3, session.follows.size());

        // the session takes the user's choice: it is marked, and Automatic goes back
        session.choice(BoatNetwork.userChoseVictron1());
        waitUntil("the user's choice marked", () -> ui.automatic.isEnabled()
                && "followed (your choice)".equals(row(batteries(), "48:1").getText(NetworkRows.BATTERY_MARK)));
        assertEquals("followed (your choice)", row(devices(), "address:48").getText(NetworkRows.DEVICE_MARK));
        assertEquals("BMS", row(devices(), "address:80").getText(NetworkRows.DEVICE_MARK),
                "the identified BMS, no longer followed");
        assertEquals("", row(batteries(), "48:0").getText(NetworkRows.BATTERY_MARK));
        press(ui.automatic);
        assertEquals("null/null", session.follows.get(3));
    }

    @Test
    void anAmbiguousChoiceAsksTheUserToChooseAndMarksNoBattery() throws Exception {
        network.set(BoatNetwork.devices(false), BoatNetwork.batteries(false));
        session.choice(BoatNetwork.ambiguous());
        NetworkControls ui = part.controls();
        waitUntil("the choice line asks to choose", () -> ui.choice.getText().startsWith("Choose one: "));
        waitForRows(4, 3);
        assertEquals("Choose one: 2 battery senders on the bus (48, 80), none identified as the BMS."
                + " Select the BMS below and press Follow (or double-click it).", ui.choice.getText());
        assertTrue(ui.amber());
        assertEquals(new RGB(255, 244, 214), ui.choiceBand.getBackground().getRGB());
        for (Table t : List.of(devices(), batteries())) {
            for (TableItem item : t.getItems()) {
                assertFalse(item.getText(0).contains("followed"), "no row followed: " + item.getData());
            }
        }
        click(devices(), "address:48");
        Path png = window.screenshot("network-ambiguous");
        assertTrue(Files.size(png) > 0);

        session.choice(BoatNetwork.followingMg());
        waitUntil("the band calm again", () -> !ui.amber() && ui.choice.getText().startsWith("Following "));
    }

    @Test
    void withoutTheNetworkServiceTheViewSaysSoAndRecoversWhenItArrives() {
        waitForRows(4, 3);
        FakeNetwork.Table first = network.last();
        service.set(null);
        waitUntil("the not-available message", () -> NetworkPart.NOT_AVAILABLE.equals(part.message()));
        assertTrue(first.closed, "the table of the service that left is closed");
        assertTrue(part.message().startsWith("Network table not available"));

        service.set(network);
        waitForRows(4, 3);
        assertNotSame(first, network.last());
        assertFalse(network.last().closed);
    }

    @Test
    void theTableIsOpenedWithTheSessionAndClosedWithItAndWithTheView() {
        waitForRows(4, 3);
        FakeNetwork.Table first = network.last();
        assertFalse(first.closed);
        window.session(null);
        assertTrue(first.closed);
        waitUntil("not connected", () -> NetworkPart.NOT_CONNECTED.equals(part.message()));

        TestSession replay = new TestSession(true);
        window.session(replay);
        waitForRows(4, 3);
        FakeNetwork.Table second = network.last();
        assertSame(replay.connection(), second.connection);
        assertEquals(2, network.opened.size());

        window.close();
        window = null;
        assertTrue(second.closed, "disposing the view closes its table");
    }

    @Test
    void redrawsOnlyWhenTheTableOrTheChoiceChangedAndOnceASecondForTheAges() {
        waitForRows(4, 3);
        FakeNetwork.Table table = network.last();
        int reads = table.reads.get();
        Swt.pumpFor(500); // ten refreshes of the window's timer
        assertEquals(reads, table.reads.get(), "an unchanged table is not read again");

        wall.addAndGet(1_500_000);
        waitUntil("the ages a second older", () -> "4 s ago".equals(row(devices(), "address:32").getText(NetworkRows.DEVICE_SEEN)));
        assertEquals(reads, table.reads.get(), "the ages move on without reading the table");

        List<BusDevice> more = new ArrayList<>(BoatNetwork.devices(true));
        more.add(0, new BusDevice(0x10, "charger", null, 358, "Victron Energy", 35, 153, "Skylla-i 24/100", null, null,
                List.of(127507), List.of(), T0, false, false));
        click(devices(), "address:48");
        network.set(more, BoatNetwork.batteries(true));
        waitForRows(5, 3);
        assertEquals(reads + 1, table.reads.get(), "a new version is read once");
        assertEquals(3, devices().getSelectionIndex(), "the selection stays on its device as rows move");
        assertEquals("address:48", devices().getItem(devices().getSelectionIndex()).getData());
        assertTrue(part.controls().detail.getText().startsWith("Address 48 (0x30) · NAME 0x"), part.controls().detail.getText());
    }

    @Test
    void onABusyBusTheDevicesScrollAndTheBatteriesShowWhole() {
        List<BusDevice> many = new ArrayList<>(BoatNetwork.devices(true));
        for (int a = 100; a < 130; a++) {
            many.add(new BusDevice(a, null, null, null, null, null, null, null, null, null, List.of(130306), List.of(),
                    T0, false, false));
        }
        network.set(many, BoatNetwork.batteries(true));
        waitForRows(34, 3);
        Swt.pumpFor(100);
        NetworkControls ui = part.controls();
        int batteries = batteries().getSize().y;
        int devices = devices().getSize().y;
        assertTrue(batteries >= ui.batteries.heightFor(3), "the 3 batteries show whole: " + batteries + " px");
        assertTrue(devices < ui.devices.heightFor(34), "the devices scroll: " + devices + " px");
        assertTrue(devices >= ui.devices.heightFor(NetworkControls.MIN_DEVICE_ROWS), devices + " px");
        assertTrue(batteries().getBounds().y + batteries + 8 <= ui.content.getClientArea().height,
                "the batteries table ends inside the view");
    }

    @Test
    void anElevenBitBusListsRolesWithTheirIds() {
        BusDevice bms = new BusDevice(null, "bms", null, null, null, null, null, "MG-LV", null, "SN0042", List.of(),
                List.of(0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F), T0, false, true);
        BusDevice inverter = new BusDevice(null, "inverter", null, null, null, null, null, null, null, null, List.of(),
                List.of(0x305, 0x307), T0 - 400_000, false, false);
        network.set(List.of(bms, inverter), List.of());
        session.choice(DeviceChoice.NONE);
        waitForRows(2, 0);
        TableItem b = row(devices(), "role:bms:849");
        assertEquals("—", b.getText(NetworkRows.DEVICE_ADDRESS));
        assertEquals("bms", b.getText(NetworkRows.DEVICE_ROLE));
        assertEquals("0x351, 0x355, 0x356 +3", b.getText(NetworkRows.DEVICE_PGNS));
        assertEquals("BMS", b.getText(NetworkRows.DEVICE_MARK));
        assertEquals("0x305, 0x307", row(devices(), "role:inverter:773").getText(NetworkRows.DEVICE_PGNS));
        assertTrue(part.controls().choice.getText().startsWith("Following the BMS of this 11-bit bus"));
        doubleClick(devices(), "role:inverter:773");
        assertEquals(List.of(), session.follows);
        assertEquals("This bus has no addresses: its one BMS is followed already.", window.lastStatus());
        window.screenshot("network-11bit");
    }

    @Test
    void anOfflineSessionShowsTheSameTablesAgedByTheLogsOwnTime() {
        TestSession replay = new TestSession(true);
        replay.choice(BoatNetwork.followingMg());
        wall.set(T0 + 3_600_000_000L); // an hour after the log was recorded
        window.session(replay);
        waitForRows(4, 3);
        assertEquals("0 s ago", row(devices(), "address:80").getText(NetworkRows.DEVICE_SEEN));
        assertEquals("2 s ago", row(devices(), "address:32").getText(NetworkRows.DEVICE_SEEN));
        assertEquals("followed, MG Master LV pack", row(batteries(), "80:32").getText(NetworkRows.BATTERY_MARK));
        assertEquals("this workbench", row(devices(), "address:33").getText(NetworkRows.DEVICE_MARK));
    }

    @Test
    void saysSoWhenNotConnected() {
        window.session(null);
        waitUntil("not connected", () -> NetworkPart.NOT_CONNECTED.equals(part.message()));
        assertNull(network.opened.stream().filter(t -> !t.closed).findAny().orElse(null), "no table left open");
    }

    @Test
    void screenshot() throws Exception {
        waitForRows(4, 3);
        click(devices(), "address:48");
        Path png = window.screenshot("network");
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void askTheDevicesSendsTheRequestsOnlyWhenPressedAndNeverOnARecording() {
        FakePresence presence = new FakePresence();
        part.dispose();
        part.controls().root.dispose();
        part = window.show(new NetworkPart(window.tab(), window, service::get, () -> presence, wall::get));
        Swt.pumpFor(200);
        assertTrue(presence.requests.isEmpty(), "nothing is sent by opening the view");
        assertTrue(part.controls().ask.isEnabled());
        part.controls().ask.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        Swt.waitUntil("the requests went out", () -> presence.requests.size() == 2);
        assertEquals(List.of("60928->255", "126996->255"), presence.requests);
        Swt.waitUntil("the status says so", () -> String.valueOf(window.lastStatus()).startsWith("Asked every device from address 33"));

        TestSession replay = new TestSession(true);
        replay.choice(BoatNetwork.followingMg());
        window.session(replay);
        part.sessionChanged(replay);
        Swt.pumpFor(200);
        assertFalse(part.controls().ask.isEnabled(), "a recording cannot be asked");
        assertEquals(2, presence.requests.size());
    }
}
