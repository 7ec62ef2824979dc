package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.bmsworkbench.launcher.slow.SlowActivator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

/** The levels are decided from the manifests bnd writes (headers as in the product's bundles). */
class StartLevelsTest {
    private static final String COMMAND = "osgi.service;objectClass:List<String>=\"org.bmsworkbench.cli.Command\"";
    private static final String DS = "OSGI-INF/example.xml";
    private static final String TRANSPORT = "osgi.service;objectClass:List<String>=\"org.bmsworkbench.can.CanTransportProvider\"";

    @TempDir
    Path dir;
    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        framework = TestBundles.framework(dir, StartLevels.COMMAND_LINE);
        context = framework.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(5_000);
    }

    @Test
    void aHeadlessCommandStartsNeitherTheWindowNorTheTransports() throws Exception {
        Bundle swt = install("org.eclipse.swt", Map.of("Export-Package", "org.eclipse.swt,org.eclipse.swt.widgets"));
        Bundle view = install("example.view", Map.of("Import-Package", "org.eclipse.swt.widgets", "Service-Component", DS));
        Bundle window = install("example.window", Map.of("Import-Package", "org.eclipse.swt", "Provide-Capability", COMMAND,
                "Service-Component", DS));
        Bundle transport = install("example.transport", Map.of("Provide-Capability", TRANSPORT, "Service-Component", DS));
        Bundle simulator = install("example.simulator", Map.of("Provide-Capability", TRANSPORT + "," + COMMAND,
                "Service-Component", DS));
        Bundle notSwt = install("example.swtx", Map.of("Import-Package", "org.eclipse.swtx", "Bundle-Activator", "x.Activator"));
        Bundle library = install("example.library", Map.of("Export-Package", "example.library"));
        Bundle protocol = install("example.protocol", Map.of("Import-Package", "example.library", "Service-Component", DS));
        Bundle chart = install("example.chart", Map.of("Require-Bundle", "org.eclipse.swt", "Bundle-Activator", "x.Activator"));
        // As org.apache.felix.metatype declares itself (OSGi Compendium, Metatype Service: the osgi.metatype extender).
        Bundle metatype = install("example.metatype", Map.of("Bundle-Activator", "x.Activator",
                "Provide-Capability", "osgi.extender;osgi.extender=\"osgi.metatype\";version:Version=\"1.4\""));
        Bundle oemProtocol = plugin("oem.protocol", Map.of("Service-Component", DS));
        Bundle oemCommand = plugin("oem.command", Map.of("Provide-Capability", COMMAND, "Service-Component", DS));
        Bundle oemTransport = plugin("oem.transport", Map.of("Provide-Capability", TRANSPORT, "Service-Component", DS));
        Bundle oemView = plugin("oem.view", Map.of("Import-Package", "org.eclipse.swt.widgets", "Service-Component", DS));

        StartLevels.assign(context, plugins());
        assertEquals(StartLevels.WINDOW, level(swt));
        assertEquals(StartLevels.WINDOW, level(view));
        assertEquals(StartLevels.WINDOW, level(chart));
        assertEquals(StartLevels.WINDOW, level(metatype), "no command reads configuration descriptions");
        assertEquals(StartLevels.COMMAND_LINE, level(window), "registers the gui command: --help lists it");
        assertEquals(StartLevels.CONNECTIONS, level(transport));
        assertEquals(StartLevels.COMMAND_LINE, level(simulator), "registers a command besides its transport");
        assertEquals(StartLevels.COMMAND_LINE, level(notSwt), "org.eclipse.swtx is not SWT");
        assertEquals(StartLevels.COMMAND_LINE, level(protocol));
        assertEquals(StartLevels.WINDOW, level(library), "nothing to start: resolved when a bundle that imports it is");
        assertEquals(StartLevels.PLUGINS, level(oemProtocol), "after the product's command line");
        assertEquals(StartLevels.PLUGINS, level(oemCommand));
        assertEquals(StartLevels.CONNECTIONS, level(oemTransport));
        assertEquals(StartLevels.WINDOW, level(oemView));

        framework.start();
        for (Bundle b : new Bundle[] {swt, view, window, transport, simulator, library, protocol}) {
            b.start();
        }
        assertEquals(Bundle.ACTIVE, window.getState());
        assertEquals(Bundle.ACTIVE, simulator.getState());
        assertEquals(Bundle.ACTIVE, protocol.getState());
        assertEquals(Bundle.RESOLVED, library.getState(), "its importer is active, so it is resolved");
        assertEquals(Bundle.INSTALLED, view.getState(), "not even resolved");
        assertEquals(Bundle.INSTALLED, transport.getState());

        StartLevels.raise(context, StartLevels.CONNECTIONS);
        assertEquals(Bundle.ACTIVE, transport.getState());
        assertEquals(Bundle.INSTALLED, view.getState());

        StartLevels.raise(context, StartLevels.WINDOW);
        assertEquals(Bundle.ACTIVE, view.getState(), "persistently started: the window level starts it");
        assertEquals(Bundle.ACTIVE, library.getState());
    }

    @Test
    void aTransportThatCannotResolveIsNamedOnceWhenItsLevelIsReached() throws Exception {
        Bundle broken = install("example.broken", Map.of("Provide-Capability", TRANSPORT, "Service-Component", DS,
                "Import-Package", "com.sun.jna"));
        Bundle transport = install("example.transport", Map.of("Provide-Capability", TRANSPORT, "Service-Component", DS));
        Bundle protocol = install("example.protocol", Map.of("Service-Component", DS));
        StartLevels.assign(context, plugins());
        framework.start();
        for (Bundle b : new Bundle[] {broken, transport, protocol}) {
            b.start();
        }
        assertEquals(List.of(), StartLevels.notStarted(context, 0, StartLevels.COMMAND_LINE),
                "nothing above the running level is asked for");

        StartLevels.Raised raised = StartLevels.raise(context, StartLevels.CONNECTIONS);
        assertTrue(raised.finished());
        int from = raised.before();
        assertEquals(StartLevels.COMMAND_LINE, from);
        assertEquals(Bundle.ACTIVE, transport.getState());
        List<String> problems = StartLevels.notStarted(context, from, StartLevels.CONNECTIONS);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("example.broken did not start: "), problems::toString);
        assertTrue(problems.get(0).contains("com.sun.jna"), "the resolver's reason: " + problems);
        assertEquals(List.of(), StartLevels.notStarted(context, StartLevels.COMMAND_LINE - 1, StartLevels.COMMAND_LINE));
    }

    @Test
    void aTransportWhoseActivatorDoesNotReturnEndsTheWaitAndIsNamed() throws Exception {
        Bundle slow = install("example.slow", Map.of("Provide-Capability", TRANSPORT, "Import-Package", "org.osgi.framework",
                "Bundle-Activator", SlowActivator.class.getName()), SlowActivator.class);
        StartLevels.assign(context, plugins());
        framework.start();
        slow.start();
        assertEquals(Bundle.INSTALLED, slow.getState());

        CountDownLatch started = new CountDownLatch(1);
        context.addBundleListener(e -> {
            if (e.getBundle().equals(slow) && e.getType() == BundleEvent.STARTED) {
                started.countDown();
            }
        });
        try {
            StartLevels.Raised raised = StartLevels.raise(context, StartLevels.CONNECTIONS, 200);
            assertFalse(raised.finished(), "the activator has not returned");
            assertEquals(StartLevels.COMMAND_LINE, raised.before());
            assertEquals(List.of("example.slow"), StartLevels.stillStarting(context));
        } finally {
            System.setProperty(SlowActivator.RELEASE, "true");
        }
        assertTrue(started.await(60, TimeUnit.SECONDS), "released, the bundle starts");
        assertEquals(List.of(), StartLevels.stillStarting(context));
    }

    @Test
    void onlyAnOfflineCommandOrTheEntrysOwnWordsRunWithoutTransports() throws Exception {
        framework.start();
        ServiceReference<?> entry = entry("--help", "-h", "help", "--version", "-V", "completion").getReference();
        command("protocols", true, 0);
        command("monitor", false, 0);
        command("decode", true, 0);
        command("decode", false, 10); // a plugin's decode, ranked higher, that may open a bus
        assertFalse(StartLevels.needsConnections(context, entry, new String[] {"protocols", "--watch"}));
        assertTrue(StartLevels.needsConnections(context, entry, new String[] {"monitor"}));
        assertTrue(StartLevels.needsConnections(context, entry, new String[] {"decode", "x.log"}));
        assertFalse(StartLevels.needsConnections(context, entry, new String[] {"--help"}));
        assertFalse(StartLevels.needsConnections(context, entry, new String[] {"help", "monitor"}));
        assertFalse(StartLevels.needsConnections(context, entry, new String[] {"completion", "bash"}));
        assertTrue(StartLevels.needsConnections(context, entry, new String[] {"nosuch"}),
                "an unknown word may be a command whose service only a transport provides");
        assertEquals(StartLevels.WINDOW, StartLevels.forCommandLine(new String[0]));
        assertEquals(StartLevels.WINDOW, StartLevels.forCommandLine(new String[] {"gui", "--connect", "sim:"}));
        assertEquals(StartLevels.PLUGINS, StartLevels.forCommandLine(new String[] {"help", "gui"}));
    }

    private int level(Bundle b) {
        return b.adapt(BundleStartLevel.class).getStartLevel();
    }

    private Bundle install(String name, Map<String, String> headers, Class<?>... classes)
            throws IOException, org.osgi.framework.BundleException {
        return TestBundles.install(context, dir, name, headers, classes);
    }

    /** A bundle whose jar lies in plugins/, as the launcher and FileInstall install them. */
    private Bundle plugin(String name, Map<String, String> headers) throws IOException, org.osgi.framework.BundleException {
        return TestBundles.install(context, Files.createDirectories(plugins()), name, headers);
    }

    private Path plugins() {
        return dir.resolve("plugins");
    }

    /** The entry as the cli bundle registers it: {@code bmswb.offline} lists the words it answers itself. */
    private ServiceRegistration<?> entry(String... offline) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("bmswb.entry", "main");
        props.put("bmswb.offline", offline);
        ToIntFunction<String[]> entry = args -> 0;
        return context.registerService(ToIntFunction.class.getName(), entry, props);
    }

    /** A {@code Command} service by name; a factory, as DS registers it, so no command class is needed here. */
    private void command(String name, boolean offline, int ranking) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("command.name", name);
        props.put(Constants.SERVICE_RANKING, ranking);
        if (offline) {
            props.put("command.offline", Boolean.TRUE);
        }
        context.registerService(StartLevels.COMMAND, new ServiceFactory<Object>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return null;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            }
        }, props);
    }
}
