package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.UsageException;
import org.junit.jupiter.api.Test;

class BmswbMainTest {
    private final BmswbMain main = new BmswbMain("1.2.3");
    private final Console console = new Console(Path.of("/tmp/work"));
    private long nextServiceId = 1;

    /** A command that records how it was run and then does what it is told. */
    static final class FakeCommand implements Command {
        interface Behaviour {
            int run(CommandContext c) throws UsageException, CommandFailure;
        }

        private final String summary;
        private final Behaviour behaviour;
        CommandContext ran;

        FakeCommand(String summary, Behaviour behaviour) {
            this.summary = summary;
            this.behaviour = behaviour;
        }

        @Override
        public String summary() {
            return summary;
        }

        @Override
        public String help() {
            return "Usage: bmswb " + summary + " [--x]";
        }

        @Override
        public int run(CommandContext context) throws UsageException, CommandFailure {
            ran = context;
            return behaviour.run(context);
        }
    }

    private FakeCommand install(String name, FakeCommand.Behaviour behaviour) {
        return install(name, 0, behaviour);
    }

    private FakeCommand install(String name, int ranking, FakeCommand.Behaviour behaviour) {
        FakeCommand c = new FakeCommand(name + " summary", behaviour);
        main.addCommand(c, Map.of("command.name", name, "service.id", nextServiceId++, "service.ranking", ranking));
        return c;
    }

    private int run(String... args) {
        return main.run(List.of(args), new ByteArrayInputStream(new byte[0]), console.out, console.err, console.cwd, false);
    }

    @Test
    void helpListsEveryCommandSortedWithItsSummary() {
        install("signals", c -> 0);
        install("decode", c -> 0);
        install("protocols", c -> 0);
        for (String help : List.of("--help", "-h", "help")) {
            Console c = new Console(Path.of("/"));
            assertEquals(0, main.run(List.of(help), null, c.out, c.err, c.cwd, false));
            String out = c.out();
            assertTrue(out.startsWith("Usage: bmswb"), out);
            assertTrue(out.contains("  decode      decode summary\n  protocols   protocols summary\n  signals     signals summary\n"), out);
            assertTrue(out.contains("-h, --help     show this help; 'bmswb COMMAND --help' shows a command's help\n"),
                    "every sentence ends: " + out);
            assertEquals("", c.err());
        }
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, run("--version"));
        assertEquals("bmswb 1.2.3\n", console.out());
    }

    @Test
    void commandHelpShowsTheHelpWithoutRunning() {
        FakeCommand decode = install("decode", c -> 0);
        assertEquals(0, run("decode", "--format", "jsonl", "--help"));
        assertEquals("Usage: bmswb decode summary [--x]\n", console.out());
        assertNull(decode.ran);
        assertEquals(0, run("help", "decode"));
        assertEquals(0, run("decode", "-h"));
        assertNull(decode.ran);
    }

    @Test
    void helpAfterDoubleDashIsAnArgument() {
        FakeCommand decode = install("decode", c -> 0);
        assertEquals(0, run("decode", "--", "--help"));
        assertEquals(List.of("--", "--help"), decode.ran.args());
    }

    @Test
    void commandRunsWithItsArgumentsStreamsAndWorkingDirectory() {
        FakeCommand decode = install("decode", c -> {
            c.out().print("decoded");
            return 0;
        });
        assertEquals(0, run("decode", "--protocol", "sma", "x.log"));
        assertEquals(List.of("--protocol", "sma", "x.log"), decode.ran.args());
        assertEquals(Path.of("/tmp/work/x.log"), decode.ran.resolve("x.log"));
        assertEquals("decoded", console.out(), "output flushed when the command returns");
    }

    @Test
    void exitStatusOfTheCommandIsPassedOn() {
        install("check", c -> 3);
        assertEquals(3, run("check"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        install("decode", c -> 0);
        assertEquals(2, run("x"));
        assertEquals("bmswb: unknown command 'x' (see bmswb --help)\n", console.err());
        assertEquals("", console.out());
    }

    @Test
    void unknownCommandInHelpIsAUsageError() {
        assertEquals(2, run("help", "x"));
        assertEquals("bmswb: unknown command 'x' (see bmswb --help)\n", console.err());
    }

    @Test
    void unknownOptionBeforeACommandIsAUsageError() {
        assertEquals(2, run("--frobnicate"));
        assertEquals("bmswb: unknown option --frobnicate (see bmswb --help)\n", console.err());
    }

    @Test
    void usageErrorIsExitTwoWithAHint() {
        install("decode", c -> {
            throw new UsageException("unknown option --foo");
        });
        assertEquals(2, run("decode", "--foo"));
        assertEquals("bmswb decode: unknown option --foo\nTry 'bmswb decode --help'.\n", console.err());
    }

    @Test
    void failureIsExitOneWithOneLine() {
        install("decode", c -> {
            c.out().print("partial ");
            throw new CommandFailure("cannot read x.log: no such file", new java.io.IOException("x"));
        });
        assertEquals(1, run("decode", "x.log"));
        assertEquals("bmswb decode: cannot read x.log: no such file\n", console.err());
        assertEquals("partial ", console.out());
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorOnOneLineWithoutStackTrace() {
        install("decode", c -> {
            throw new IllegalStateException("bad state");
        });
        assertEquals(1, run("decode"));
        assertEquals("bmswb decode: internal error: java.lang.IllegalStateException: bad state\n", console.err());
    }

    @Test
    void debugShowsTheStackTrace() {
        install("decode", c -> {
            throw new IllegalStateException("bad state");
        });
        assertEquals(1, main.run(List.of("decode"), null, console.out, console.err, console.cwd, true));
        String err = console.err();
        assertTrue(err.startsWith("bmswb decode: internal error: java.lang.IllegalStateException: bad state\n"), err);
        assertTrue(err.contains("\tat "), err);
    }

    @Test
    void noArgumentsRunsTheWindowWhenInstalled() {
        FakeCommand gui = install("gui", c -> 0);
        assertEquals(0, run());
        assertEquals(List.of(), gui.ran.args());
    }

    @Test
    void noArgumentsWithoutTheWindowPrintsUsageAndSaysSo() {
        install("decode", c -> 0);
        assertEquals(0, run());
        assertTrue(console.out().startsWith("Usage: bmswb"));
        assertTrue(console.err().contains("workbench window is not installed"), console.err());
    }

    @Test
    void commandsComeAndGo() {
        FakeCommand decode = install("decode", c -> 0);
        main.removeCommand(decode, Map.of("command.name", "decode"));
        assertEquals(2, run("decode"));
        assertFalse(run("--help") != 0 || console.out().contains("decode summary"));
    }

    @Test
    void higherRankingWinsAndTheOtherTakesOverWhenItLeaves() {
        FakeCommand low = install("decode", 0, c -> 10);
        FakeCommand high = install("decode", 5, c -> 11);
        assertEquals(11, run("decode"));
        main.removeCommand(high, Map.of());
        assertEquals(10, run("decode"));
        assertTrue(low.ran != null);
    }
}
