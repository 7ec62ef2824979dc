package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.internal.decode.FakeProtocol;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bmswb --help} lists the commands from their service properties ({@code command.name},
 * {@code command.summary}) and activates only the command that runs; a command registered without
 * a summary (a plugin written against the command API 2.0) is activated to be listed, as before.
 */
class CommandListingTest {
    private final BmswbMain main = new BmswbMain("1.2.3");
    private final Map<String, AtomicInteger> activations = new HashMap<>();
    private long nextServiceId = 1;

    /** Registers a command as DS does: properties now, the component made on the first getService. */
    private void register(String name, String summary, Supplier<Command> component) {
        AtomicInteger count = activations.computeIfAbsent(name, n -> new AtomicInteger());
        Map<String, Object> properties = new HashMap<>(Map.of("command.name", name, "service.id", nextServiceId++));
        if (summary != null) {
            properties.put("command.summary", summary);
        }
        main.addCommand(properties, () -> {
            count.incrementAndGet();
            return component.get();
        });
    }

    private void fake(String name, boolean withSummary) {
        register(name, withSummary ? name + " summary" : null,
                () -> new BmswbMainTest.FakeCommand(name + " summary", c -> 0));
    }

    private int activated(String name) {
        return activations.get(name).get();
    }

    private Console run(int expectedStatus, String... args) {
        Console c = new Console(Path.of("/tmp/work"));
        assertEquals(expectedStatus, main.run(List.of(args), null, c.out, c.err, c.cwd, false), c.err());
        return c;
    }

    @Test
    void helpListsCommandsFromTheirPropertiesWithoutActivatingAny() {
        fake("decode", true);
        fake("protocols", true);
        fake("simulate", true);
        for (String help : List.of("--help", "-h", "help")) {
            String out = run(0, help).out();
            List<String> commands = out.lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                    .takeWhile(l -> !l.isBlank()).toList();
            assertEquals(List.of("  completion  print a shell completion script (bash, zsh)",
                    "  decode      decode summary", "  protocols   protocols summary", "  simulate    simulate summary"),
                    commands, out);
        }
        assertEquals(0, activated("decode") + activated("protocols") + activated("simulate"));
    }

    @Test
    void runningACommandActivatesThatOneAlone() {
        fake("decode", true);
        fake("protocols", true);
        fake("legacy", false);
        run(0, "protocols");
        assertEquals(1, activated("protocols"));
        assertEquals(0, activated("decode"));
        assertEquals(0, activated("legacy"));
        run(0, "decode", "--help");
        run(0, "help", "decode");
        assertEquals(2, activated("decode"));
        assertEquals(1, activated("protocols"));
        assertEquals(0, activated("legacy"));
    }

    @Test
    void anUnknownCommandActivatesNone() {
        fake("decode", true);
        fake("legacy", false);
        Console c = run(2, "x");
        assertEquals("bmswb: unknown command 'x' (see bmswb --help)\n", c.err());
        run(2, "help", "x");
        run(2, "--frobnicate");
        assertEquals(0, activated("decode") + activated("legacy"));
    }

    @Test
    void aCommandWithoutASummaryIsActivatedToBeListedAsBefore() {
        fake("decode", true);
        fake("legacy", false);
        String out = run(0, "--help").out();
        assertTrue(out.contains("\n  legacy      legacy summary\n"), out);
        assertTrue(out.contains("\n  decode      decode summary\n"), out);
        assertEquals(1, activated("legacy"));
        assertEquals(0, activated("decode"));
    }

    @Test
    void theHigherRankedCommandsSummaryIsListed() {
        main.addCommand(Map.of("command.name", "decode", "command.summary", "the lower", "service.id", 1L,
                "service.ranking", 0), () -> new BmswbMainTest.FakeCommand("the lower", c -> 0));
        main.addCommand(Map.of("command.name", "decode", "command.summary", "the higher", "service.id", 2L,
                "service.ranking", 5), () -> new BmswbMainTest.FakeCommand("the higher", c -> 0));
        String out = run(0, "--help").out();
        assertTrue(out.contains("\n  decode      the higher\n"), out);
        assertTrue(!out.contains("the lower"), out);
    }

    @Test
    void completionStillHasEveryCommandsOptions() {
        fake("decode", true);
        fake("protocols", true);
        String script = run(0, "completion", "bash").out();
        assertTrue(script.contains("--protocol"), "the options come from the command lines");
        assertEquals(1, activated("decode"));
        assertEquals(1, activated("protocols"));
    }

    /**
     * The built-in commands as DS registers them (their component descriptions, generated by bnd from
     * {@code @CommandName}/{@code @CommandSummary}): the usage made from those properties is byte for
     * byte the usage made from every command's own command line, as {@code bmswb --help} made it before.
     */
    @Test
    void usageFromTheDescriptionsIsTheUsageFromTheCommandLines() throws Exception {
        FakeRegistry registry = new FakeRegistry(new FakeProtocol("sma"));
        FakeConnections connections = new FakeConnections();
        FakeNetwork network = new FakeNetwork();
        Duration wait = Duration.ofMillis(300);
        Map<String, Command> builtIn = Map.of(
                "org.bmsworkbench.cli.decode", new DecodeCommand(registry),
                "org.bmsworkbench.cli.protocols", new ProtocolsCommand(registry),
                "org.bmsworkbench.cli.signals", new SignalsCommand(registry),
                "org.bmsworkbench.cli.dbc", new DbcCommand(registry),
                "org.bmsworkbench.cli.adapters", new AdaptersCommand(connections),
                "org.bmsworkbench.cli.monitor", new MonitorCommand(connections, new FakeSessions(), registry, () -> false,
                        wait),
                "org.bmsworkbench.cli.record", new RecordCommand(connections, wait),
                "org.bmsworkbench.cli.vreg", new VregCommand(connections, new FakeRegisterAccess(), network, network, wait,
                        wait),
                "org.bmsworkbench.cli.devices", new DevicesCommand(connections, network, network, wait));
        BmswbMain listed = new BmswbMain("0");
        BmswbMain activated = new BmswbMain("0");
        long id = 1;
        for (Map.Entry<String, Command> e : builtIn.entrySet()) {
            Map<String, Object> properties = properties(e.getKey());
            assertNotNull(properties.get("command.summary"), e.getKey() + " has no command.summary");
            properties.put("service.id", id++);
            listed.addCommand(properties, () -> {
                throw new AssertionError(e.getKey() + " activated for --help");
            });
            Map<String, Object> legacy = new HashMap<>(properties);
            legacy.remove("command.summary");
            activated.addCommand(e.getValue(), legacy);
        }
        Console fromProperties = new Console(Path.of("/"));
        Console fromCommandLines = new Console(Path.of("/"));
        assertEquals(0, listed.run(List.of("--help"), null, fromProperties.out, fromProperties.err, Path.of("/"), false));
        assertEquals(0, activated.run(List.of("--help"), null, fromCommandLines.out, fromCommandLines.err, Path.of("/"),
                false));
        assertEquals(10, fromCommandLines.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> !l.isBlank()).filter(l -> l.matches("  \\S.*")).count(),
                "the nine built-in commands and completion (a long summary wraps)");
        assertEquals(fromCommandLines.out(), fromProperties.out());
    }

    /** The service properties of a component, from the description bnd wrote into OSGI-INF. */
    private static Map<String, Object> properties(String component) throws Exception {
        try (InputStream in = CommandListingTest.class.getResourceAsStream("/OSGI-INF/" + component + ".xml")) {
            assertNotNull(in, "OSGI-INF/" + component + ".xml");
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getDocumentElement().getElementsByTagName("property");
            Map<String, Object> properties = new HashMap<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element p = (Element) nodes.item(i);
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            return properties;
        }
    }
}
