package org.bmsworkbench.ui.registers.internal;

import static org.bmsworkbench.ui.testing.Swt.pumpFor;
import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.protocol.vreg.internal.VregRegisterAccess;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.Setting;
import org.bmsworkbench.ui.testing.DecodingSession;
import org.bmsworkbench.ui.testing.TestWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Registers view against the real VREG {@code RegisterAccess} and the simulated MG Master LV
 * on NMEA 2000, in a test window on the test thread.
 */
class RegistersViewTest {
    private final VregRegisterAccess access = new VregRegisterAccess(new VregRegisterAccess.Config() {
        @Override public Class<? extends Annotation> annotationType() { return VregRegisterAccess.Config.class; }
        @Override public int node() { return 0x50; }
        @Override public int source() { return 0x20; }
        @Override public int timeoutMillis() { return 5_000; }
        @Override public int tries() { return 1; }
    });
    private TestWindow window;
    private SimConnection bus;
    private DecodingSession session;
    private RegistersPart part;

    private RegistersPart open(Scenario scenario, long virtualMillis, boolean offline) {
        window = new TestWindow(1260, 980);
        bus = new SimConnection(scenario);
        session = new DecodingSession(bus, offline);
        window.session(session);
        part = window.show(new RegistersPart(window.tab(), window, access));
        if (virtualMillis > 0) {
            bus.advanceTo(virtualMillis);
        }
        return part;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
        }
        if (bus != null) {
            bus.close();
        }
        Method deactivate = VregRegisterAccess.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(access);
    }

    private TableItem item(int register) {
        return part.controls().table.getItem(part.index(register));
    }

    private String cell(int register, int column) {
        return item(register).getText(column);
    }

    private static void click(Widget w) {
        w.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private void select(int register) {
        part.controls().table.setSelection(part.index(register));
    }

    private long requestsSent() {
        return bus.sent.stream().filter(f -> VregCodec.isVreg(f) && f.u8(2) == 0x01 && f.u8(3) == 0x00).count();
    }

    private long writesSent() {
        return bus.sent.stream().filter(f -> VregCodec.isVreg(f) && !(f.u8(2) == 0x01 && f.u8(3) == 0x00)).count();
    }

    @Test
    void readsOneRegisterWithValueUnitRawAgeAndAccess() {
        open(Scenario.NORMAL, 1_000, false);
        select(0x0102);
        click(part.controls().read);
        waitUntil("firmware read", 20, () -> cell(0x0102, RegistersControls.COL_LAST).equals("read ok"));
        assertEquals("1.24", cell(0x0102, RegistersControls.COL_VALUE));
        assertEquals("00002401", cell(0x0102, RegistersControls.COL_RAW), "un8 identifier 0 : un24 0x012400, little endian");
        assertEquals("R", cell(0x0102, RegistersControls.COL_ACCESS));
        waitUntil("an age", 5, () -> cell(0x0102, RegistersControls.COL_AGE).endsWith(" s"));
        assertEquals(1, requestsSent());
        assertEquals("RW", cell(0x0374, RegistersControls.COL_ACCESS));
    }

    @Test
    void readAllShowsProgressAndEveryAnswerIncludingAckWords() {
        open(Scenario.NORMAL, 12_000, false);
        click(part.controls().readAll);
        assertTrue(part.busy());
        assertFalse(part.controls().readAll.getEnabled(), "one run at a time");
        assertTrue(part.controls().cancel.getEnabled());
        waitUntil("read all done", 60, () -> !part.busy());
        int total = part.controls().table.getItemCount();
        assertEquals(total, part.controls().progress.getSelection());
        assertEquals(total, requestsSent());
        assertTrue(part.controls().status.getText().startsWith("Reading done: " + total + " registers"),
                part.controls().status.getText());
        assertEquals("read: ACK 0x8000, unknown register or invalid request", cell(0x010A, RegistersControls.COL_LAST),
                "the simulator does not serve the serial number register");
        assertEquals("9 (Running)", cell(0x0371, RegistersControls.COL_VALUE));
        assertEquals("0 (Disabled)", cell(0x0374, RegistersControls.COL_VALUE));
        assertTrue(cell(0x0385, RegistersControls.COL_VALUE).matches("min 3\\.\\d\\d · max 3\\.\\d\\d"),
                cell(0x0385, RegistersControls.COL_VALUE));
        assertEquals("V", cell(0x0385, RegistersControls.COL_UNIT));
        assertTrue(part.controls().readAll.getEnabled());
    }

    @Test
    void readAllCanBeCancelled() {
        open(Scenario.NORMAL, 1_000, false);
        click(part.controls().readAll);
        waitUntil("three registers read", 20, () -> part.controls().progress.getSelection() >= 3);
        click(part.controls().cancel);
        assertFalse(part.busy());
        long sentAtCancel = requestsSent();
        pumpFor(500);
        assertEquals(sentAtCancel, requestsSent(), "no request after the cancel");
        assertTrue(sentAtCancel < part.controls().table.getItemCount());
        assertTrue(part.controls().status.getText().startsWith("Stopped after"), part.controls().status.getText());
        assertTrue(part.controls().readAll.getEnabled());
    }

    @Test
    void broadcastsUpdateValuesWithoutAnyRequest() {
        open(Scenario.NORMAL, 0, false);
        assertEquals("", cell(0x0FFF, RegistersControls.COL_VALUE));
        bus.advanceTo(12_000);
        waitUntil("the periodic SOC broadcast", 10, () -> !cell(0x0FFF, RegistersControls.COL_VALUE).isEmpty());
        assertTrue(cell(0x0FFF, RegistersControls.COL_VALUE).matches("\\d\\d\\.\\d\\d"), cell(0x0FFF, 2));
        assertEquals("%", cell(0x0FFF, RegistersControls.COL_UNIT));
        assertEquals(4, cell(0x0FFF, RegistersControls.COL_RAW).length());
        assertEquals("", cell(0x0FFF, RegistersControls.COL_LAST));
        assertEquals(0, requestsSent());
    }

    @Test
    void aViewOpenedLaterTakesTheValuesTheModelAlreadyHas() {
        open(Scenario.NORMAL, 12_000, false);
        // the charge voltage limit comes by VREG only (SOC also by NMEA 2000, whose value is not the register's)
        waitUntil("the limit broadcast", 10, () -> !cell(0x0390, RegistersControls.COL_VALUE).isEmpty());
        String limit = cell(0x0390, RegistersControls.COL_VALUE);
        part.dispose();
        part.controls().root.dispose();
        part = window.show(new RegistersPart(window.tab(), window, access));
        assertEquals(limit, cell(0x0390, RegistersControls.COL_VALUE));
        assertEquals("", cell(0x0390, RegistersControls.COL_RAW), "the model has no bytes");
    }

    @Test
    void writesAreOffUntilEnabledForTheSession() {
        open(Scenario.NORMAL, 1_000, false);
        select(0x0374);
        part.controls().table.notifyListeners(SWT.MouseDoubleClick, new org.eclipse.swt.widgets.Event());
        assertFalse(part.editor().isOpen());
        assertEquals("Writes are off: tick \"Enable writes for this session\" first.", part.controls().status.getText());
        assertFalse(part.controls().writesBanner.getVisible());

        part.controls().writes.setSelection(true);
        click(part.controls().writes);
        assertTrue(part.controls().writesBanner.getVisible());
        part.controls().table.notifyListeners(SWT.MouseDoubleClick, new org.eclipse.swt.widgets.Event());
        assertTrue(part.editor().isOpen());
        assertTrue(part.editor().control() instanceof CCombo, "every value of 0x0374 has a name: a choice list");

        window.session(new DecodingSession(bus, false));
        assertFalse(part.controls().writes.getSelection(), "a new session starts with writes off");
        assertFalse(part.editor().isOpen());
        assertEquals(0, writesSent());
    }

    @Test
    void aConfirmedWriteIsSentAndConfirmedByTheDevice() {
        open(Scenario.NORMAL, 1_000, false);
        enableWrites();
        select(0x0374);
        part.controls().table.notifyListeners(SWT.MouseDoubleClick, new org.eclipse.swt.widgets.Event());
        CCombo combo = (CCombo) part.editor().control();
        assertEquals("2 (Group 2)", combo.getItem(2));
        combo.select(2);
        combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

        WriteConfirmation c = part.confirmation();
        assertNotNull(c, "a write asks first");
        String dialog = labels(c);
        assertTrue(dialog.contains("0x0374  Synchronize group number"), dialog);
        assertTrue(dialog.contains("New value:|2 (Group 2)"), dialog);
        assertTrue(dialog.contains("Current value:|unknown (not read yet)"), dialog);
        assertTrue(dialog.contains("Allowed:|0..3"), dialog);
        assertEquals(0, writesSent(), "nothing before the user confirms");
        assertEquals(c.cancelButton(), c.shell().getDefaultButton(), "Enter does not write by accident");

        click(c.writeButton());
        assertTrue(c.shell().isDisposed());
        waitUntil("the write confirmed", 20, () -> !part.busy());
        assertEquals(1, writesSent());
        assertEquals("write 2 (Group 2) ok", cell(0x0374, RegistersControls.COL_LAST));
        assertEquals("2 (Group 2)", cell(0x0374, RegistersControls.COL_VALUE), "the device's confirming broadcast");
        assertTrue(part.controls().status.getText().contains("confirmed"), part.controls().status.getText());
        assertEquals(2, (int) bus.onBus(() -> bus.bms.device().setting(Setting.SYNC_GROUP)));
    }

    @Test
    void aCancelledConfirmationSendsNothing() {
        open(Scenario.NORMAL, 1_000, false);
        enableWrites();
        part.commitEdit(part.index(0x0090), "0");
        WriteConfirmation c = part.confirmation();
        click(c.cancelButton());
        pumpFor(200);
        assertEquals(0, writesSent());
        assertEquals("Nothing was written.", part.controls().status.getText());
        assertEquals(1, (int) bus.onBus(() -> bus.bms.device().setting(Setting.BLUETOOTH)));
    }

    @Test
    void aValueOutOfRangeIsRefusedBeforeAskingOrSending() {
        open(Scenario.NORMAL, 1_000, false);
        enableWrites();
        part.commitEdit(part.index(0x0374), "4");
        assertNull(part.confirmation());
        assertEquals("4 is outside 0..3 for 0x0374 Synchronize group number; nothing was sent",
                part.controls().status.getText());
        part.commitEdit(part.index(0x0387), "lots");
        assertEquals("'lots' is not a number (0x0387 Number of batteries in parallel)", part.controls().status.getText());
        assertEquals(0, writesSent());
    }

    @Test
    void aWriteTheDeviceRefusesShowsTheAckInWords() {
        open(Scenario.SAFETY_LOCK, 400_000, false);
        enableWrites();
        part.commitEdit(part.index(0x0374), "1");
        click(part.confirmation().writeButton());
        waitUntil("the write answered", 20, () -> !part.busy());
        assertEquals("write 1 (Group 1): ACK 0x8100, write rejected: value out of range or register not writable",
                cell(0x0374, RegistersControls.COL_LAST));
        assertTrue(part.controls().status.getText().contains("0x8100"), part.controls().status.getText());
        assertEquals(part.controls().errorColor(), part.controls().status.getForeground());
    }

    @Test
    void anOfflineSessionNeverSends() {
        open(Scenario.NORMAL, 12_000, true);
        assertFalse(part.controls().read.getEnabled());
        assertFalse(part.controls().readAll.getEnabled());
        assertFalse(part.controls().writes.getEnabled());
        assertTrue(part.controls().state.getVisible());
        assertTrue(part.controls().state.getText().contains("Recorded session: nothing is sent to it"));
        click(part.controls().readAll);
        select(0x0374);
        part.controls().writes.setSelection(true);
        part.controls().table.notifyListeners(SWT.MouseDoubleClick, new org.eclipse.swt.widgets.Event());
        assertFalse(part.editor().isOpen());
        part.controls().periodic.select(1);
        pumpFor(300);
        assertTrue(bus.sent.isEmpty(), "sent " + bus.sent);
        waitUntil("the recorded SOC broadcast", 10, () -> !cell(0x0FFF, RegistersControls.COL_VALUE).isEmpty());
    }

    @Test
    void withoutASessionNothingCanBeSent() {
        window = new TestWindow(900, 500);
        part = window.show(new RegistersPart(window.tab(), window, access));
        assertFalse(part.controls().readAll.getEnabled());
        assertTrue(part.controls().state.getText().contains("Not connected"));
    }

    @Test
    void periodicRefreshReadsEverythingAgain() {
        open(Scenario.NORMAL, 1_000, false);
        assertEquals("off", part.controls().periodic.getText(), "off by default");
        pumpFor(300);
        assertEquals(0, requestsSent());
        part.controls().periodic.select(1); // every 2 s
        int total = part.controls().table.getItemCount();
        waitUntil("a periodic read all", 30, () -> requestsSent() >= total);
        waitUntil("a second one", 30, () -> requestsSent() >= 2L * total);
    }

    @Test
    void screenshot() {
        open(Scenario.NORMAL, 600_000, false);
        click(part.controls().readAll);
        waitUntil("read all done", 60, () -> !part.busy());
        enableWrites();
        part.commitEdit(part.index(0x0387), "200");
        select(0x0374);
        window.screenshot("registers");
    }

    private void enableWrites() {
        part.controls().writes.setSelection(true);
        click(part.controls().writes);
    }

    private static String labels(WriteConfirmation c) {
        StringBuilder b = new StringBuilder();
        for (var child : c.shell().getChildren()) {
            if (child instanceof Label l) {
                b.append(l.getText()).append('|');
            }
        }
        return b.toString();
    }
}
