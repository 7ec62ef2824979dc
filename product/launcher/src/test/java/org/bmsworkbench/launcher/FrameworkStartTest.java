package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.launcher.slow.SlowActivator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;

/**
 * A plugin whose activator does not return sits at the beginning start level of a headless
 * command, which {@code Framework.start()} waits for: the launcher's wait ends, and the product's
 * command line, a level below, is there. Nothing here depends on timing: the activator waits until the test releases it.
 */
class FrameworkStartTest {
    private static final Map<String, String> ACTIVATOR = Map.of("Import-Package", "org.osgi.framework",
            "Bundle-Activator", SlowActivator.class.getName());

    @TempDir
    Path dir;
    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void initFramework() throws Exception {
        System.clearProperty(SlowActivator.RELEASE);
        framework = TestBundles.framework(dir, StartLevels.PLUGINS);
        context = framework.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        System.setProperty(SlowActivator.RELEASE, "true");
        framework.stop();
        framework.waitForStop(60_000);
        System.clearProperty(SlowActivator.RELEASE);
    }

    @Test
    void aStartedPluginThatDoesNotReturnEndsTheWaitAndLeavesTheCommandLine() throws Exception {
        // Installed first, so that only their level keeps them after the command line (within a level,
        // Felix starts by bundle id; FileInstall, at the product's level, may start a plugin itself).
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Bundle slow = TestBundles.install(context, plugins, "example.slow", ACTIVATOR, SlowActivator.class);
        Bundle after = TestBundles.install(context, plugins, "example.after", Map.of("Service-Component", "OSGI-INF/after.xml"));
        Bundle cli = TestBundles.install(context, dir, "example.cli", Map.of("Service-Component", "OSGI-INF/cli.xml"));
        StartLevels.assign(context, plugins);
        for (Bundle b : List.of(after, slow, cli)) {
            b.start(); // persistently started, as by an earlier run: the framework's start starts them
        }

        FrameworkStart start = FrameworkStart.begin(framework, List.of());
        assertFalse(start.await(200), "the activator has not returned");
        assertEquals(Bundle.ACTIVE, cli.getState(), "the product's level comes first: the command line is there");
        assertEquals(List.of("example.slow"), StartLevels.stillStarting(context));
        assertNotEquals(Bundle.ACTIVE, after.getState(), "after it in its level: not started yet");

        System.setProperty(SlowActivator.RELEASE, "true");
        assertTrue(start.await(60_000), "released, the start ends");
        assertNull(start.error());
        assertEquals(Bundle.ACTIVE, after.getState());
        assertEquals(List.of(), start.problems());
    }

    @Test
    void aNewPluginThatDoesNotReturnEndsTheWaitToo() throws Exception {
        Bundle cli = TestBundles.install(context, dir, "example.cli", Map.of());
        cli.start();
        Bundle slow = TestBundles.install(context, dir, "example.slow", ACTIVATOR, SlowActivator.class);

        FrameworkStart start = FrameworkStart.begin(framework, List.of(slow));
        assertFalse(start.await(200), "the plugin's activator has not returned");
        assertEquals(Bundle.ACTIVE, framework.getState(), "the framework itself has started");
        assertEquals(Bundle.ACTIVE, cli.getState());
        assertEquals(List.of("example.slow"), StartLevels.stillStarting(context));

        System.setProperty(SlowActivator.RELEASE, "true");
        assertTrue(start.await(60_000));
        assertEquals(Bundle.ACTIVE, slow.getState());
    }

    @Test
    void aNewPluginThatCannotStartIsNamedWithItsReason() throws Exception {
        Bundle broken = TestBundles.install(context, dir, "example.broken", Map.of("Import-Package", "com.sun.jna"));
        Bundle fine = TestBundles.install(context, dir, "example.fine", Map.of());

        FrameworkStart start = FrameworkStart.begin(framework, List.of(broken, fine));
        assertTrue(start.await(60_000));
        assertNull(start.error());
        assertEquals(1, start.problems().size(), start.problems()::toString);
        assertTrue(start.problems().get(0).startsWith("example.broken did not start: "), start.problems()::toString);
        assertTrue(start.problems().get(0).contains("com.sun.jna"), start.problems()::toString);
        assertEquals(Bundle.ACTIVE, fine.getState());
    }
}
