package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.itests.hang.HangingActivator;
import org.bmsworkbench.itests.hang.LateActivator;
import org.junit.jupiter.api.Test;

/**
 * A bundle jar dropped into plugins/ of a running bmswb is installed and used; deleting it
 * removes it again. The latency is printed, not asserted (shared machines are noisy). A plugin
 * whose activator never returns, or returns late, holds neither the command line nor the window,
 * and the window says what it holds.
 */
class PluginsFolderIT {

    @Test
    void aProtocolDroppedIntoPluginsIsUsedAndRemovedWhileBmswbRuns() throws Exception {
        // every protocol bundle is left out, so that the dropped one is the only protocol; so are
        // the unlock service and wizard, which need the VREG protocol to resolve, and the bus
        // network, which needs the NMEA 2000 codec
        try (Bmswb bmswb = Bmswb.copy("org.bmsworkbench.protocol.", "org.bmsworkbench.service.unlock",
                "org.bmsworkbench.ui.unlock", "org.bmsworkbench.network")) {
            Process watch = bmswb.builder("protocols", "--watch", "--duration", "30").redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(lines::add);
                } catch (Exception e) {
                    lines.add("reader failed: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                assertEquals("bmswb protocols: no protocol is installed", lines.poll(30, TimeUnit.SECONDS));

                Path plugin = bmswb.home.resolve("plugins/sma.jar");
                long copied = System.nanoTime();
                Files.copy(ProductBundles.jar("org.bmsworkbench.protocol.sma"), plugin);
                String added = lines.poll(15, TimeUnit.SECONDS);
                long addMillis = (System.nanoTime() - copied) / 1_000_000;
                assertTrue(added != null && added.endsWith("+ sma (SMA (Sunny Island))"), "got " + added);

                long deleted = System.nanoTime();
                Files.delete(plugin);
                String removed = lines.poll(15, TimeUnit.SECONDS);
                long removeMillis = (System.nanoTime() - deleted) / 1_000_000;
                assertTrue(removed != null && removed.endsWith("- sma"), "got " + removed);
                System.out.printf("plugins/: protocol in use %d ms after the copy, gone %d ms after the delete%n",
                        addMillis, removeMillis);
            } finally {
                watch.destroy();
                watch.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A command comes with its bundle: the simulator's {@code simulate} is absent without it, and
     * listed by {@code --help}, runnable and in the completion script once its jar is in plugins/.
     */
    @Test
    void aCommandBundleDroppedIntoPluginsAddsItsCommand() throws Exception {
        try (Bmswb bmswb = Bmswb.copy("org.bmsworkbench.simulator")) {
            Bmswb.Result before = bmswb.run("--help");
            assertEquals(0, before.status(), before::toString);
            assertFalse(before.out().contains("  simulate "), before::toString);
            assertEquals(2, bmswb.run("simulate", "--help").status());

            Files.copy(ProductBundles.jar("org.bmsworkbench.simulator"), bmswb.home.resolve("plugins/simulator.jar"));
            Bmswb.Result after = bmswb.run("--help");
            assertEquals(0, after.status(), after::toString);
            assertTrue(after.out().contains("  simulate "), after::toString);
            Bmswb.Result code = bmswb.run("simulate", "unlock-code", "--serial", "MG0000SIM0000001");
            assertEquals(0, code.status(), code::toString);
            assertTrue(code.out().matches("[0-9A-F]{8}\n"), code::toString);
            Bmswb.Result completion = bmswb.run("completion", "bash");
            assertEquals(0, completion.status(), completion::toString);
            assertTrue(completion.out().contains("simulate"), "the plugin's command is completed");
        }
    }

    /**
     * A plugin whose activator never returns holds only itself: the command line waits 15 s for it,
     * names it and runs; on the run that installs it, and on the next, when the framework's own
     * start starts it (FileInstall, at the product's start level, adopts it first).
     */
    @Test
    void aPluginWhoseActivatorNeverReturnsIsNamedAndTheCommandRuns() throws Exception {
        try (Bmswb bmswb = Bmswb.copy()) {
            dropHangingPlugin(bmswb);
            for (String run : new String[] {"the run that installs it", "the next run"}) {
                Bmswb.Result r = bmswb.run("protocols");
                assertEquals(0, r.status(), run + ": " + r);
                assertTrue(r.out().contains("nmea2000  "), run + ": " + r);
                assertTrue(r.err().contains("the bundles have not all started after 15 s (still starting: example.hang)"),
                        run + ": " + r);
            }
        }
    }

    /**
     * Started from a desktop icon, no one reads standard error: the window names the plugin whose
     * activator never returns across its top (and in {@code --report}). The worst case: the plugin
     * arrives in a product already in use, and from its second run on the framework's own start
     * starts it, so every level above it (transports, views) waits behind it.
     */
    @Test
    void theWindowNamesAPluginWhoseActivatorNeverReturnsAndWhatWaitsBehindIt() throws Exception {
        Bmswb.assumeDisplay();
        try (Bmswb bmswb = Bmswb.copy()) {
            Bmswb.Result before = bmswb.run("protocols");
            assertEquals(0, before.status(), before::toString);
            dropHangingPlugin(bmswb);
            Bmswb.Result installing = bmswb.run("protocols");
            assertEquals(0, installing.status(), installing::toString);
            Path shot = bmswb.workDir.resolve("hung-plugin.png");
            Bmswb.Result gui = Bmswb.finish(bmswb.builder("gui", "--connect", "sim:", "--duration", "3", "--report",
                    "--screenshot", shot.toString()), 120);
            assertEquals(0, gui.status(), gui::toString);
            assertTrue(gui.out().matches("(?s).*\nbmswb gui: notice: Start-up: example\\.hang has not finished starting \\(its"
                    + " activator has not returned\\); [1-9][0-9]* bundles after it have not started yet\\. .*"), gui::toString);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(shot, Path.of("target", "screenshots", "window-hung-plugin.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A plugin that waits for its device longer than the launcher does, and gets it: the window
     * opens with the notice, and when the activator returns the notice goes by itself.
     */
    @Test
    void theNoticeGoesWhenTheLatePluginHasStarted() throws Exception {
        Bmswb.assumeDisplay();
        try (Bmswb bmswb = Bmswb.copy()) {
            BundleJar.write(bmswb.home.resolve("plugins/late.jar"), "example.late", Map.of("Import-Package", "org.osgi.framework",
                    "Bundle-Activator", LateActivator.class.getName(), "Example-Wait-Seconds", "25"), List.of(LateActivator.class));
            // The activator begins after the launcher's 15 s wait began and waits 25 s: still starting when the
            // window opens (unless opening takes over 10 s), and returned before the window, open 25 s, closes.
            Bmswb.Result gui = Bmswb.finish(bmswb.builder("gui", "--connect", "sim:", "--duration", "25", "--report"), 120);
            assertEquals(0, gui.status(), gui::toString);
            assertTrue(gui.err().contains("(still starting: example.late)"), "the window opened before it had started: " + gui);
            assertTrue(gui.out().contains("bmswb gui: connection: CONNECTED"), gui::toString);
            assertFalse(gui.out().contains("notice:"), "it started while the window was open, and the notice went: " + gui);
        }
    }

    /** Drops {@code example.hang}, whose activator never returns, into the product's plugins/. */
    private static void dropHangingPlugin(Bmswb bmswb) throws java.io.IOException {
        BundleJar.write(bmswb.home.resolve("plugins/hang.jar"), "example.hang", Map.of("Import-Package", "org.osgi.framework",
                "Bundle-Activator", HangingActivator.class.getName()), List.of(HangingActivator.class));
    }
}
