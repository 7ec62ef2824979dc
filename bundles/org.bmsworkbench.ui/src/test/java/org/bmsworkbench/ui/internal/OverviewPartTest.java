package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.ui.internal.FakeServices.FakeSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

class OverviewPartTest {
    @TempDir
    Path userDir;
    private final FakeServices fakes = new FakeServices();
    private WorkbenchWindow window;

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
            Swt.drain();
        }
    }

    private org.eclipse.swt.widgets.Label label(String name) {
        return Swt.find(window.shell(), name);
    }

    @Test
    void showsIdentityStateAndReadingsInWordsAndLargeNumbers() throws Exception {
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults()));
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.shell().setSize(1200, 760);
        assertTrue(label("overview.soc").getText().equals("—"));
        window.connect("fake:sim", "auto");
        FakeSession s = fakes.sessions.get(0);
        s.put(Map.of("soc", 87.0, "pack.voltage", 53.12, "pack.current", -12.3, "pack.temperature", 21.5,
                "bms.manufacturer", "MG Energy Systems", "bms.product_id", 0xA391L, "bms.serial", "HQ2104ABCDE",
                "bms.firmware", "1.24", "capacity.installed", 200.0));
        s.put(Map.of("bms.state", 9L, "bms.error", 0L, "config.batteries", 4L, "config.cells_per_battery", 4L,
                "config.parallel", 1L, "config.series", 4L));
        Swt.waitUntil("the readings", () -> label("overview.soc").getText().equals("87 %"));
        assertEquals("53.12 V", label("overview.pack.voltage").getText());
        assertEquals("-12.3 A", label("overview.pack.current").getText());
        assertEquals("21.5 °C", label("overview.pack.temperature").getText());
        assertEquals("Running  (9)", label("overview.state").getText());
        assertEquals("MG Master LV 150", label("overview.product").getText().replaceAll(" \\(.*", ""));
        assertEquals("HQ2104ABCDE", label("overview.serial").getText());
        assertEquals("200 Ah", label("overview.capacity").getText());
        assertEquals("4 batteries × 4 cells (1 parallel, 4 series)", label("overview.configuration").getText());
        Swt.screenshots().toFile().mkdirs();
        Swt.waitUntil("a paint", () -> true);
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-running.png"));

        s.put(Map.of("bms.state", 10L, "bms.error", 13L));
        Swt.waitUntil("the error state", () -> label("overview.state").getText().startsWith("Error"));
        String error = label("overview.error").getText();
        assertTrue(error.startsWith("Error: Over voltage detected  (13)"), error);
        assertTrue(label("overview.error.detail").getText().contains("Check first:"));
        Swt.drain();
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-error.png"));
    }

    /** The fake BMS's identity registers (guide 1.5.4.2); 0x010A (serial, "not implemented yet") is answered with ACK 0x8000. */
    private FakeRegisterAccess identityRegisters(FakeSession[] session) {
        return new FakeRegisterAccess(Map.of(
                0x0100, Map.of("bms.product_id", 0xA390L),
                0x0102, Map.of("bms.firmware", "1.24"),
                0x1000, Map.of("capacity.installed", 200.0),
                0x0380, Map.of("config.batteries", 4L, "config.cells_per_battery", 4L, "config.parallel", 1L, "config.series", 4L)),
                v -> {
                    session[0].put("vreg", v);
                    return null;
                });
    }

    /** Opens the window with the overview on {@code uri}, decoding NMEA 2000 and VREG with readings in the model. */
    private FakeSession openOnVreg(FakeRegisterAccess access, FakeSession[] session, String uri) {
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults(), access));
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.shell().setSize(1300, 760);
        window.connect(uri, "auto");
        session[0] = fakes.sessions.get(0);
        session[0].put("nmea2000", Map.of("soc", 100.0, "pack.voltage", 55.68, "pack.current", 0.0, "pack.temperature", 20.9));
        Swt.waitUntil("the readings", () -> label("overview.soc").getText().equals("100 %"));
        return session[0];
    }

    /** Lets the window's 10 Hz refresh run for {@code ms}: anything sent by itself would be sent by then. */
    private static void refreshFor(long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        Swt.waitUntil(ms + " ms of refreshes", ms + 5_000, () -> System.nanoTime() > end);
    }

    private Button readButton() {
        return Swt.find(window.shell(), "overview.identity.read");
    }

    private void press(Button b) {
        assertTrue(b.isVisible() && b.isEnabled(), "the button can be pressed");
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** Issue 11: the workbench transmits nothing on a bus until a user action needs it. */
    @Test
    void openingALiveSessionSendsNothingNotEvenAfterAReconnect() {
        FakeSession[] session = new FakeSession[1];
        FakeRegisterAccess access = identityRegisters(session);
        FakeSession s = openOnVreg(access, session, "fake:sim");
        s.active = List.of("nmea2000", "vreg");
        s.put("vreg", Map.of("bms.state", 9L, "bms.error", 0L));
        Swt.waitUntil("the action offered", () -> readButton().isVisible());
        refreshFor(1_000);
        FakeConnection c = fakes.opened.get("fake:sim");
        assertEquals(List.of(), access.asked, "no register read without the user");
        assertEquals(List.of(), c.sent, "no frame sent without the user");
        assertEquals("not read yet", label("overview.product").getText());
        assertTrue(label("overview.product").getToolTipText().contains("\"Read identity from the BMS\" below asks for it"),
                label("overview.product").getToolTipText());

        c.changeState(ConnectionState.RECONNECTING);
        c.changeState(ConnectionState.CONNECTED);
        refreshFor(500);
        assertEquals(List.of(), access.asked, "nothing asked after a reconnect either");
        assertEquals(List.of(), c.sent);
    }

    @Test
    void readsTheIdentityFromTheFollowedBmsWhenTheUserAsksAndOffersItAgainAfterAReconnect() throws Exception {
        FakeSession[] session = new FakeSession[1];
        FakeRegisterAccess access = identityRegisters(session);
        FakeSession s = openOnVreg(access, session, "fake:sim");
        assertFalse(readButton().isVisible(), "not before VREG decodes: the registers would not be understood");

        // the BMS the session follows on a bus of many: its address, not the configured 0x50
        s.choice = new DeviceChoice(0x23, null, false, false, "MG Master LV at 35", List.of());
        s.active = List.of("nmea2000", "vreg");
        s.put("vreg", Map.of("bms.state", 9L, "bms.error", 0L));
        Swt.waitUntil("the action offered", () -> readButton().isVisible() && readButton().isEnabled());
        assertTrue(label("overview.identity.note").getText().startsWith("The BMS sends these registers only when asked."),
                label("overview.identity.note").getText());
        Swt.drain();
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-identity-offered.png"));
        assertEquals(List.of(), access.asked);

        press(readButton());
        Swt.waitUntil("the answers", () -> label("overview.serial").getText().equals("not answered by the BMS"));
        assertEquals(List.of(List.of(0x0100, 0x0102, 0x010A, 0x1000, 0x0380)), access.asked);
        assertEquals(0x23, access.options.get(0).node(), "to the followed BMS");
        assertEquals(MgMasterLvProfile.defaults().productName(0xA390), label("overview.product").getText());
        assertTrue(label("overview.product").getToolTipText().startsWith("read from VREG 0x0100 of node 0x23 at "),
                label("overview.product").getToolTipText());
        assertEquals("1.24", label("overview.firmware").getText());
        assertEquals("4 batteries × 4 cells (1 parallel, 4 series)", label("overview.configuration").getText());
        assertTrue(label("overview.serial").getToolTipText().contains("ACK 0x8000"), label("overview.serial").getToolTipText());
        assertEquals("not reported by nmea2000, vreg", label("overview.manufacturer").getText());
        assertTrue(label("overview.manufacturer").getToolTipText().contains("0x35E"));
        Swt.waitUntil("the note", () -> label("overview.identity.note").getText().matches(
                "Read from node 0x23 at \\d\\d:\\d\\d:\\d\\d: 4 of 5 registers answered\\. Offered again after a reconnect\\."));
        assertFalse(readButton().isVisible(), "once per connection");
        Swt.drain();
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-vreg-identity.png"));

        refreshFor(500);
        assertEquals(1, access.asked.size(), "asked once");
        FakeConnection c = fakes.opened.get("fake:sim");
        c.changeState(ConnectionState.RECONNECTING);
        c.changeState(ConnectionState.CONNECTED);
        Swt.waitUntil("the action offered again", () -> readButton().isVisible() && readButton().isEnabled());
        assertTrue(label("overview.identity.note").getText().startsWith("Reconnected since the last read"),
                label("overview.identity.note").getText());
        refreshFor(300);
        assertEquals(1, access.asked.size(), "offered, not sent, after a reconnect");
        press(readButton());
        Swt.waitUntil("the identity asked again", () -> access.asked.size() == 2);
    }

    @Test
    void aListenOnlyConnectionDoesNotOfferToAskAndSaysSo() throws Exception {
        FakeSession[] session = new FakeSession[1];
        FakeRegisterAccess access = identityRegisters(session);
        FakeSession s = openOnVreg(access, session, "fake:sim?mode=listen-only");
        s.active = List.of("nmea2000", "vreg");
        s.put("vreg", Map.of("bms.state", 9L, "bms.error", 0L, "capacity.installed", 200.0));
        Swt.waitUntil("the note", () -> label("overview.identity.note").getText().startsWith("Listen-only connection:"));
        assertFalse(readButton().isVisible());
        assertEquals("not asked (listen-only)", label("overview.product").getText());
        assertEquals("200 Ah", label("overview.capacity").getText(), "a value the BMS sent by itself still shows");
        Swt.drain();
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-listen-only.png"));
        refreshFor(300);
        assertEquals(List.of(), access.asked);
        assertEquals(List.of(), fakes.opened.get("fake:sim?mode=listen-only").sent);
    }

    @Test
    void aRecordingDoesNotOfferToAsk() {
        FakeSession[] session = new FakeSession[1];
        FakeRegisterAccess access = identityRegisters(session);
        FakeSession s = openOnVreg(access, session, "replay:boat.log");
        s.active = List.of("nmea2000", "vreg");
        s.put("vreg", Map.of("bms.state", 9L, "bms.error", 0L));
        Swt.waitUntil("the note", () -> label("overview.identity.note").getText().startsWith("A recording: nothing is sent"));
        assertFalse(readButton().isVisible());
        assertEquals("not in this recording", label("overview.product").getText());
        refreshFor(300);
        assertEquals(List.of(), access.asked);
    }

    @Test
    void withoutRegistersTheIdentitySaysWhichProtocolDoesNotCarryIt() {
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults()));
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.connect("fake:sim", "auto");
        FakeSession s = fakes.sessions.get(0);
        s.active = List.of("sma");
        s.put(Map.of("soc", 50.0, "bms.manufacturer", "MG-BMS", "bms.type_id", 1L, "bms.firmware", "1.24"));
        Swt.waitUntil("the identity", () -> label("overview.manufacturer").getText().equals("MG-BMS"));
        assertEquals("reported in the sma frames", label("overview.manufacturer").getToolTipText());
        assertEquals("not reported by sma", label("overview.serial").getText());
        assertTrue(label("overview.serial").getToolTipText().endsWith("; sma does not."), label("overview.serial").getToolTipText());
    }

    @Test
    void aNarrowOverviewPutsTheReadingsTwoByTwoAndWrapsTheErrorText() throws Exception {
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults()));
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.shell().setSize(640, 760);
        window.connect("fake:sim", "auto");
        FakeSession s = fakes.sessions.get(0);
        s.put(Map.of("soc", 100.0, "pack.voltage", 55.68, "pack.current", -120.5, "pack.temperature", 20.9,
                "bms.state", 10L, "bms.error", 13L));
        Swt.waitUntil("the error", () -> label("overview.error").getText().startsWith("Error: Over voltage"));
        Swt.drain();
        Control temperature = label("overview.pack.temperature");
        assertTrue(temperature.getParent().getBounds().y > label("overview.soc").getParent().getBounds().y,
                "temperature on the second row");
        for (String name : new String[] {"overview.pack.temperature", "overview.pack.voltage", "overview.error.detail"}) {
            assertInside(name);
        }
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-narrow.png"));

        window.shell().setSize(1300, 760);
        Swt.waitUntil("one row when wide", () -> label("overview.pack.temperature").getParent().getBounds().y
                == label("overview.soc").getParent().getBounds().y);
    }

    /** The whole label is inside the overview's visible area: nothing cut at the right edge. */
    private void assertInside(String name) {
        Control c = label(name);
        Control overview = Swt.find(window.shell(), "overview");
        Rectangle visible = overview.getParent().getClientArea();
        org.eclipse.swt.graphics.Point right = overview.getDisplay().map(c.getParent(), overview.getParent(),
                c.getBounds().x + c.getBounds().width, 0);
        assertTrue(right.x <= visible.width, name + " ends at " + right.x + " of " + visible.width);
        assertTrue(c.getSize().x >= c.computeSize(name.endsWith("detail") ? c.getSize().x : -1, -1).x - 1,
                name + " is narrower than its text");
    }
}
