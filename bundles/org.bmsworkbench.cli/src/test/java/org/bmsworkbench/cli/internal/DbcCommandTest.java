package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.cli.internal.dbc.DbcWriter;
import org.bmsworkbench.cli.internal.decode.FakeProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb dbc export}: the file, and every usage error and failure with its status. */
class DbcCommandTest {
    @TempDir
    Path dir;

    /** A protocol with one frame layout. */
    private static final class LayoutProtocol implements BmsProtocol {
        @Override
        public String id() {
            return "sma";
        }

        @Override
        public String label() {
            return "SMA-like";
        }

        @Override
        public ProtocolSession newSession() {
            throw new UnsupportedOperationException("not decoded in this test");
        }

        @Override
        public int detectionScore(CanFrame frame) {
            return 0;
        }

        @Override
        public List<MessageInfo> messages() {
            return List.of(new MessageInfo("battery_basic_info", 0x356, false, "Battery basic info"));
        }

        @Override
        public List<SignalDescriptor> signals() {
            return List.of();
        }

        @Override
        public List<FrameLayout> frameLayouts() {
            return List.of(new FrameLayout(0x356, false, "battery_basic_info", 6, "Battery basic info", List.of(
                    SignalLayout.of("pack_temperature", "pack.temperature", 32, 16, true, 0.1, 0, -3276.7, 3276.7, "°C",
                            "pack.temperature: Battery temperature."))));
        }
    }

    private Console run(int expectedStatus, String... args) {
        BmswbMain main = new BmswbMain("0");
        FakeRegistry registry = new FakeRegistry(new LayoutProtocol(), new FakeProtocol("nolayout"));
        main.addCommand(new DbcCommand(registry), Map.of("command.name", "dbc", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), null, c.out, c.err, dir, false);
        assertEquals(expectedStatus, status, c.err());
        return c;
    }

    @Test
    void exportsTheLayoutsAsADbcFileInIso88591() throws Exception {
        Console c = run(0, "dbc", "export", "--protocol", "sma", "-o", "sma.dbc");
        assertEquals("", c.out());
        assertEquals("", c.err());
        String dbc = Files.readString(dir.resolve("sma.dbc"), DbcWriter.CHARSET);
        assertTrue(dbc.contains("BO_ 854 battery_basic_info: 6 BMS\n"), dbc);
        assertTrue(dbc.contains(" SG_ pack_temperature : 32|16@1- (0.1,0) [-3276.7|3276.7] \"°C\" Vector__XXX\n"), dbc);
        assertTrue(dbc.contains("CM_ SG_ 854 pack_temperature \"pack.temperature: Battery temperature.\";"), dbc);
        assertTrue(dbc.contains("CM_ \"SMA-like (protocol sma)"), dbc);
        assertTrue(Files.readAllBytes(dir.resolve("sma.dbc")).length == dbc.length(), "one byte per character");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals("bmswb dbc: missing subcommand (export)\nTry 'bmswb dbc --help'.\n", run(2, "dbc").err());
        assertEquals("bmswb dbc: unknown subcommand 'import' (expected export)\nTry 'bmswb dbc --help'.\n",
                run(2, "dbc", "import", "--protocol", "sma", "-o", "x.dbc").err());
        assertEquals("bmswb dbc: missing --protocol ID\nTry 'bmswb dbc --help'.\n",
                run(2, "dbc", "export", "-o", "x.dbc").err());
        assertEquals("bmswb dbc: missing --output FILE.dbc\nTry 'bmswb dbc --help'.\n",
                run(2, "dbc", "export", "--protocol", "sma").err());
        assertEquals("bmswb dbc: unknown protocol 'nmea' (installed: nolayout, sma)\nTry 'bmswb dbc --help'.\n",
                run(2, "dbc", "export", "--protocol", "nmea", "-o", "x.dbc").err());
        assertEquals("bmswb dbc: unexpected argument 'more'\nTry 'bmswb dbc --help'.\n",
                run(2, "dbc", "export", "more", "--protocol", "sma", "-o", "x.dbc").err());
        assertTrue(Files.notExists(dir.resolve("x.dbc")));
    }

    @Test
    void aProtocolWithoutLayoutsIsAFailure() {
        assertEquals("bmswb dbc: protocol nolayout does not describe its frames as layouts; no DBC can be written for it\n",
                run(1, "dbc", "export", "--protocol", "nolayout", "-o", "x.dbc").err());
        assertTrue(Files.notExists(dir.resolve("x.dbc")));
    }

    @Test
    void anUnwritableFileIsAFailureNamingIt() {
        assertEquals("bmswb dbc: cannot write missing/x.dbc: no such directory\n",
                run(1, "dbc", "export", "--protocol", "sma", "-o", "missing/x.dbc").err());
    }

    @Test
    void helpDescribesTheExport() {
        assertTrue(run(0, "dbc", "--help").out().contains("bmswb dbc export --protocol ID -o FILE.dbc"));
        String help = run(0, "dbc", "export", "--help").out();
        for (String word : List.of("Usage: bmswb dbc export", "--protocol=ID", "-o, --output=FILE.dbc", "raised", "-273.15", "ISO-8859-1", "Exit status")) {
            assertTrue(help.contains(word), word);
        }
    }
}
