package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.ui.internal.FakeServices.FakeSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;

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

    @Test
    void asksTheBmsForItsIdentityRegistersOnceAndAgainAfterAReconnectAndSaysWhyTheRestIsMissing() throws Exception {
        FakeSession[] session = new FakeSession[1];
        FakeRegisterAccess access = new FakeRegisterAccess(Map.of(
                0x0100, Map.of("bms.product_id", 0xA390L),
                0x0102, Map.of("bms.firmware", "1.24"),
                0x1000, Map.of("capacity.installed", 200.0),
                0x0380, Map.of("config.batteries", 4L, "config.cells_per_battery", 4L, "config.parallel", 1L, "config.series", 4L)),
                v -> {
                    session[0].put("vreg", v);
                    return null;
                });
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults(), access));
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.shell().setSize(1300, 760);
        window.connect("fake:sim", "auto");
        session[0] = fakes.sessions.get(0);
        session[0].put("nmea2000", Map.of("soc", 100.0, "pack.voltage", 55.68, "pack.current", 0.0, "pack.temperature", 20.9));
        Swt.waitUntil("the readings", () -> label("overview.soc").getText().equals("100 %"));
        assertEquals(0, access.asked.size(), "not before VREG decodes: the registers would not be understood");

        session[0].active = List.of("nmea2000", "vreg");
        Swt.waitUntil("the answers", () -> label("overview.serial").getText().equals("not answered by the BMS"));
        assertEquals(List.of(List.of(0x0100, 0x0102, 0x010A, 0x1000, 0x0380)), access.asked);
        assertEquals(MgMasterLvProfile.defaults().productName(0xA390), label("overview.product").getText());
        assertTrue(label("overview.product").getToolTipText().startsWith("read from VREG 0x0100 of node 0x50 at "),
                label("overview.product").getToolTipText());
        assertEquals("1.24", label("overview.firmware").getText());
        assertEquals("4 batteries × 4 cells (1 parallel, 4 series)", label("overview.configuration").getText());
        assertEquals("not answered by the BMS", label("overview.serial").getText());
        assertTrue(label("overview.serial").getToolTipText().contains("ACK 0x8000"), label("overview.serial").getToolTipText());
        assertEquals("not reported by nmea2000, vreg", label("overview.manufacturer").getText());
        assertTrue(label("overview.manufacturer").getToolTipText().contains("0x35E"));
        Swt.drain();
        Screenshots.save(window.shell(), Swt.screenshots().resolve("overview-vreg-identity.png"));

        for (int i = 0; i < 5; i++) {
            window.shell().getDisplay().readAndDispatch();
        }
        Swt.waitUntil("a few refreshes", () -> true);
        assertEquals(1, access.asked.size(), "asked once per connection");
        FakeConnection c = fakes.opened.get("fake:sim");
        c.changeState(ConnectionState.RECONNECTING);
        c.changeState(ConnectionState.CONNECTED);
        Swt.waitUntil("the identity to be asked again", () -> access.asked.size() == 2);
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
