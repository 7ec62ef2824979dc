package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.ui.internal.FakeServices.FakeSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
