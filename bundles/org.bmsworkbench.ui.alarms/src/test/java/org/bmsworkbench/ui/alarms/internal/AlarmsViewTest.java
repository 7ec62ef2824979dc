package org.bmsworkbench.ui.alarms.internal;

import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.ui.testing.FakeContext;
import org.bmsworkbench.ui.testing.FakeSession;
import org.bmsworkbench.ui.testing.SimulatedBms;
import org.bmsworkbench.ui.testing.Swt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alarms view on the test thread's display, fed by hand-made messages and by the simulated MG Master LV. */
class AlarmsViewTest {

    /** 2025-10-09 08:53:20 UTC. */
    private static final long T0 = 1_760_000_000_000_000L;
    private static final RGB ALARM_BG = new RGB(253, 231, 231);
    private static final RGB ALARM_FG = new RGB(150, 27, 27);
    private static final RGB WARNING_BG = new RGB(255, 244, 214);

    private Display display;
    private Shell shell;
    private DefaultBmsModel model;
    private FakeContext context;
    private FakeSession session;
    private final AtomicLong wall = new AtomicLong(T0);
    private final AtomicReference<DeviceProfile> profile = new AtomicReference<>(MgMasterLvProfile.defaults());
    private AlarmsPart part;

    @BeforeEach
    void open() {
        display = Swt.display();
        shell = new Shell(display);
        shell.setText("Alarms");
        shell.setLayout(new FillLayout());
        shell.setSize(1180, 720);
        model = new DefaultBmsModel(1000);
        session = new FakeSession(model, false);
        context = new FakeContext(shell, session);
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private AlarmsPart createPart() {
        part = new AlarmsPart(shell, context, profile::get, wall::get, ZoneOffset.UTC);
        shell.layout();
        shell.open();
        return part;
    }

    private void refreshUntil(BooleanSupplier condition, String what) {
        waitUntil(what, Swt.DEFAULT_TIMEOUT_SECONDS, part::refresh, condition);
    }

    /** Applies one message at {@code seconds} after T0 and puts the wall clock there. */
    private void at(double seconds, Object... keyValues) {
        Map<String, Object> signals = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            signals.put((String) keyValues[i], keyValues[i + 1]);
        }
        long micros = T0 + Math.round(seconds * 1e6);
        model.apply(DecodedMessage.of("general-bms", "alarms", CanFrame.of(micros, "sim", 0x35A, false), signals));
        wall.set(micros);
    }

    private TableItem activeRow(String key) {
        for (TableItem item : part.activeTable().getItems()) {
            if (key.equals(item.getData())) {
                return item;
            }
        }
        return null;
    }

    private TableItem historyRow(String key) {
        for (TableItem item : part.historyTable().getItems()) {
            if (key.equals(item.getData())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void saysSoWhenNotConnected() {
        context.session(null);
        createPart();
        assertEquals(AlarmsPart.NOT_CONNECTED, part.message());
    }

    @Test
    void aCalmBatteryShowsHelpfulEmptyStates() {
        new SimulatedBms(Scenario.NORMAL, T0 / 1000, model).run(60);
        wall.set(model.get("pack.voltage").orElseThrow().timeMicros());
        createPart();
        refreshUntil(() -> part.message() == null, "the view to show the model");
        assertEquals(AlarmsPart.NONE_ACTIVE, part.activeShown());
        assertEquals("", part.checks());
        assertEquals(AlarmsPart.NO_HISTORY, part.historyShown());
        assertFalse(part.lockBanner().isShown());
        assertFalse(part.silenceBanner().isShown());
    }

    @Test
    void withoutAnyAlarmKeyTheViewSaysNoneWereReceivedRatherThanNoneActive() throws IOException {
        // what NMEA 2000 and VREG carry: a Safety lock in the state and error, no alarm bits
        model.apply(DecodedMessage.of("nmea2000", "battery", CanFrame.of(T0, "sim", 0x19F21450, true),
                Map.of("soc", 100.0, "pack.voltage", 55.68)));
        model.apply(DecodedMessage.of("vreg", "vreg", CanFrame.of(T0, "sim", 0x1CEFFF50, true),
                Map.of("bms.state", 10L, "bms.error", 13L)));
        context.tools.add("unlock");
        createPart();
        refreshUntil(() -> part.lockBanner().isShown(), "the Safety lock banner");
        String shown = part.activeShown();
        assertEquals("No alarm information received: the protocol in use (nmea2000, vreg) does not report alarms"
                + " and warnings. SMA and General BMS do.", shown);
        assertFalse(part.activeEmptyLabel().getForeground().getRGB().equals(display.getSystemColor(SWT.COLOR_DARK_GREEN).getRGB()),
                "not the green of \"no alarm\"");
        refreshUntil(() -> part.activeEmptyLabel().getSize().y >= part.activeEmptyLabel()
                .computeSize(part.activeEmptyLabel().getSize().x, SWT.DEFAULT).y, "the line wrapped whole");
        Swt.screenshot(shell, "alarms-no-alarm-information");

        at(1, "alarm.high_voltage", "cleared", "warning.high_voltage", "cleared");
        refreshUntil(() -> AlarmsPart.NONE_ACTIVE.equals(part.activeShown()), "the alarm bits to count");
        assertEquals(display.getSystemColor(SWT.COLOR_DARK_GREEN).getRGB(), part.activeEmptyLabel().getForeground().getRGB());
    }

    @Test
    void activeAlarmsInRedAboveWarningsInAmberEachExplained() {
        at(0, "alarm.high_voltage", "cleared", "warning.high_voltage", "raised", "warning.cell_imbalance", "raised");
        at(5, "alarm.high_voltage", "raised", "warning.high_voltage", "raised", "warning.cell_imbalance", "cleared");
        at(12, "alarm.high_voltage", "raised");
        createPart();
        refreshUntil(() -> part.activeTable().getItemCount() == 2, "two active rows");
        assertNull(part.activeShown());
        TableItem alarm = part.activeTable().getItem(0);
        assertEquals("alarm.high_voltage", alarm.getData());
        assertEquals("Alarm", alarm.getText(AlarmTables.ACTIVE_SEVERITY));
        assertEquals("High voltage alarm", alarm.getText(AlarmTables.ACTIVE_CONDITION));
        assertEquals("08:53:25 (7 s ago)", alarm.getText(AlarmTables.ACTIVE_SINCE));
        assertEquals("A cell or the battery is above its voltage limit (overcharge).", alarm.getText(AlarmTables.ACTIVE_EXPLANATION));
        assertEquals("High voltage alarm — check the charger's or inverter's charge voltage against the BMS charge voltage"
                + " limit, the highest cell, cell imbalance.", part.checks(), "one line per condition, the warning adds none");
        assertEquals(ALARM_BG, alarm.getBackground().getRGB());
        assertEquals(ALARM_FG, alarm.getForeground().getRGB());
        TableItem warning = part.activeTable().getItem(1);
        assertEquals("Warning", warning.getText(AlarmTables.ACTIVE_SEVERITY));
        assertEquals("08:53:20 (12 s ago)", warning.getText(AlarmTables.ACTIVE_SINCE));
        assertEquals(WARNING_BG, warning.getBackground().getRGB());
        assertNull(activeRow("warning.cell_imbalance"), "cleared: not active");
    }

    @Test
    void historyKeepsFirstLastClearedAndCount() {
        at(0, "alarm.high_temperature", "raised");
        at(60, "alarm.high_temperature", "cleared");
        at(120, "alarm.high_temperature", "raised");
        at(180, "alarm.high_temperature", "cleared", "warning.low_voltage", "raised");
        createPart();
        refreshUntil(() -> part.historyTable().getItemCount() == 2, "two rows of history");
        TableItem warning = part.historyTable().getItem(0);
        assertEquals("warning.low_voltage", warning.getData(), "the most recently raised first");
        assertEquals("active", warning.getText(AlarmTables.HISTORY_STATE));
        assertEquals(WARNING_BG, warning.getBackground().getRGB());
        TableItem temp = historyRow("alarm.high_temperature");
        assertEquals("High temperature alarm", temp.getText(AlarmTables.HISTORY_CONDITION));
        assertEquals("cleared", temp.getText(AlarmTables.HISTORY_STATE));
        assertEquals("08:53:20", temp.getText(AlarmTables.HISTORY_FIRST));
        assertEquals("08:55:20", temp.getText(AlarmTables.HISTORY_LAST));
        assertEquals("08:56:20", temp.getText(AlarmTables.HISTORY_CLEARED));
        assertEquals("2", temp.getText(AlarmTables.HISTORY_COUNT));
        assertEquals(shell.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND).getRGB(), temp.getBackground().getRGB(),
                "cleared rows are not coloured");
        assertEquals(AlarmsPart.PICK_ONE, part.detail());
        part.historyTable().setSelection(1);
        part.historyTable().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(part.detail().startsWith("High temperature alarm: The battery is too hot. Check: "), part.detail());
        // the selection follows its alarm when the order changes
        at(200, "alarm.high_temperature", "raised");
        refreshUntil(() -> "alarm.high_temperature".equals(part.historyTable().getItem(0).getData()), "the re-raised alarm on top");
        assertEquals(0, part.historyTable().getSelectionIndex());
        assertEquals("3", part.historyTable().getItem(0).getText(AlarmTables.HISTORY_COUNT));
    }

    @Test
    void thePreventiveShutdownIsShownAsAnAlarm() {
        at(0, "alarm.short_circuit", "raised", "event.preventive_shutdown", true);
        createPart();
        refreshUntil(() -> activeRow("event.preventive_shutdown") != null, "the shutdown row");
        TableItem shutdown = activeRow("event.preventive_shutdown");
        assertEquals("Shutdown", shutdown.getText(AlarmTables.ACTIVE_SEVERITY));
        assertEquals("Preventive shutdown", shutdown.getText(AlarmTables.ACTIVE_CONDITION));
        assertEquals(ALARM_BG, shutdown.getBackground().getRGB());
        assertEquals(1, part.activeTable().indexOf(shutdown), "after the alarm, before any warning");
        at(3, "event.preventive_shutdown", false);
        refreshUntil(() -> activeRow("event.preventive_shutdown") == null, "the shutdown to clear");
        assertEquals("cleared", historyRow("event.preventive_shutdown").getText(AlarmTables.HISTORY_STATE));
    }

    @Test
    void aSafetyLockShowsTheBannerAndOffersTheUnlockToolWhenInstalled() {
        SimulatedBms bms = new SimulatedBms(Scenario.SAFETY_LOCK, T0 / 1000, model);
        bms.runUntil(() -> bms.device().locked(), 1200, "the Safety lock");
        bms.run(2);
        wall.set(model.get("bms.state").orElseThrow().timeMicros());
        createPart();
        refreshUntil(() -> part.lockBanner().isShown(), "the Safety lock banner");
        assertEquals(Banner.Tone.RED, part.lockBanner().tone());
        assertEquals("Safety lock: the BMS has locked the battery out", part.lockBanner().title());
        assertTrue(part.lockBanner().text().contains("error 13 Over voltage detected"), part.lockBanner().text());
        assertTrue(part.lockBanner().text().contains("Check: "), part.lockBanner().text());
        assertFalse(part.lockBanner().action().getVisible(), "no unlock tool installed: no button");
        context.tools.add("unlock");
        refreshUntil(() -> part.lockBanner().action().getVisible(), "the unlock button");
        assertEquals("Start the unlock procedure…", part.lockBanner().action().getText());
        part.lockBanner().action().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(List.of("unlock"), context.opened);
        assertTrue(activeRow("alarm.high_voltage") != null, "the cause's alarm is latched");
    }

    @Test
    void aSafetyLockInARecordingIsShownWithoutOfferingTheUnlock() {
        session = new FakeSession(model, true);
        context.session(session);
        context.tools.add("unlock");
        SimulatedBms bms = new SimulatedBms(Scenario.SAFETY_LOCK, T0 / 1000, model);
        bms.runUntil(() -> bms.device().locked(), 1200, "the Safety lock");
        bms.run(2);
        wall.set(model.get("bms.state").orElseThrow().timeMicros());
        createPart();
        refreshUntil(() -> part.lockBanner().isShown(), "the Safety lock banner");
        assertEquals(Banner.Tone.RED, part.lockBanner().tone());
        assertFalse(part.lockBanner().action().getVisible(), "a replayed log or snapshot is never unlocked");
    }

    @Test
    void anotherErrorGetsAnAmberBannerWithoutTheUnlockButton() {
        context.tools.add("unlock");
        at(0, "bms.state", 10L, "bms.error", 25L);
        createPart();
        refreshUntil(() -> part.lockBanner().isShown(), "the error banner");
        assertEquals(Banner.Tone.AMBER, part.lockBanner().tone());
        assertEquals("The BMS is in its error state: Pre-charge failure", part.lockBanner().title());
        assertFalse(part.lockBanner().action().getVisible());
        at(5, "bms.state", 9L, "bms.error", 0L);
        refreshUntil(() -> !part.lockBanner().isShown(), "the banner to go when the BMS runs again");
    }

    @Test
    void withoutADeviceProfileTheErrorStateIsStillShown() {
        profile.set(null);
        at(0, "bms.state", 10L, "bms.error", 13L);
        createPart();
        refreshUntil(() -> part.lockBanner().isShown(), "the error banner");
        assertEquals(Banner.Tone.AMBER, part.lockBanner().tone());
        assertTrue(part.lockBanner().text().contains("No device profile is installed"), part.lockBanner().text());
        profile.set(MgMasterLvProfile.defaults());
        refreshUntil(() -> part.lockBanner().tone() == Banner.Tone.RED, "the profile to tell a Safety lock");
    }

    @Test
    void silenceOnALiveBusIsShownAsLostCommunication() {
        at(0, "pack.voltage", 52.1);
        createPart();
        refreshUntil(() -> part.message() == null, "content");
        assertFalse(part.silenceBanner().isShown());
        wall.addAndGet(15_000_000);
        refreshUntil(() -> part.silenceBanner().isShown(), "the lost-communication banner");
        assertEquals("No message from the BMS for 15 s", part.silenceBanner().title());
        assertTrue(part.silenceBanner().text().contains("Check: CAN cabling and terminators"));
        at(16, "pack.voltage", 52.1);
        refreshUntil(() -> !part.silenceBanner().isShown(), "the banner to go when messages come again");
    }

    @Test
    void aRecordingIsNeverSilent() {
        session = new FakeSession(model, true);
        context.session(session);
        at(0, "pack.voltage", 52.1);
        createPart();
        wall.addAndGet(60_000_000);
        refreshUntil(() -> part.message() == null, "content");
        part.refresh();
        assertFalse(part.silenceBanner().isShown());
    }

    @Test
    void screenshots() throws IOException {
        context.tools.add("unlock");
        SimulatedBms bms = new SimulatedBms(Scenario.SAFETY_LOCK, T0 / 1000, model);
        bms.runUntil(() -> bms.device().locked(), 1200, "the Safety lock");
        bms.run(20);
        wall.set(model.get("bms.state").orElseThrow().timeMicros() + 300_000);
        createPart();
        refreshUntil(() -> part.lockBanner().isShown() && part.lockBanner().action().getVisible(), "the banner");
        part.historyTable().setSelection(0);
        part.historyTable().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        Path file = Swt.screenshot(shell, "alarms");
        assertTrue(Files.size(file) > 10_000);

        DefaultBmsModel calm = new DefaultBmsModel(1000);
        new SimulatedBms(Scenario.NORMAL, T0 / 1000, calm).run(30);
        wall.set(calm.get("pack.voltage").orElseThrow().timeMicros() + 300_000);
        part.sessionChanged(new FakeSession(calm, false));
        refreshUntil(() -> part.message() == null && !part.lockBanner().isShown(), "the calm battery");
        assertFalse(part.silenceBanner().isShown());
        Swt.screenshot(shell, "alarms-calm");
        wall.addAndGet(25_000_000);
        refreshUntil(() -> part.silenceBanner().isShown(), "the lost-communication banner");
        Swt.screenshot(shell, "alarms-silent");
    }
}
