package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class BmswbMainTest {
    private final BmswbMain main = new BmswbMain("1.2.3");
    private final Console console = new Console(Path.of("/tmp/work"));
    private long nextServiceId = 1;

    /**
     * A command that records how it was run and then does what it is told; declared programmatically: a
     * {@code -p/--protocol ID} option, a {@code --format table|jsonl} choice and any number of arguments.
     */
    static final class FakeCommand implements Command {
        interface Behaviour {
            int run(CommandContext c) throws UsageException, CommandFailure;
        }

        private final String summary;
        private final Behaviour behaviour;
        CommandContext ran;
        List<String> ranArgs;
        List<String> positionals;

        FakeCommand(String summary, Behaviour behaviour) {
            this.summary = summary;
            this.behaviour = behaviour;
        }

        @Override
        public CommandLine commandLine(CommandContext context) {
            CommandSpec[] self = new CommandSpec[1];
            CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
                ran = context;
                ranArgs = self[0].commandLine().getParseResult().originalArgs();
                List<String> given = self[0].positionalParameters().get(0).getValue();
                positionals = given == null ? List.of() : given;
                return behaviour.run(context);
            });
            self[0] = spec;
            spec.usageMessage().description(summary, "A second line of description.");
            spec.addOption(OptionSpec.builder("-p", "--protocol").paramLabel("ID").type(String.class)
                    .description("a protocol").build());
            spec.addOption(OptionSpec.builder("--format").paramLabel("table|jsonl").type(Format.class)
                    .description("a format").build());
            spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("ARG").type(List.class)
                    .auxiliaryTypes(String.class).build());
            return new CommandLine(spec);
        }
    }

    enum Format {
        table, jsonl
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
            List<String> commands = out.lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                    .takeWhile(l -> !l.isBlank()).toList();
            assertEquals(4, commands.size(), out);
            assertTrue(commands.get(0).matches("  completion +print a shell completion script \\(bash, zsh\\)"), out);
            assertTrue(commands.get(1).matches("  decode +decode summary"), out);
            assertTrue(commands.get(2).matches("  protocols +protocols summary"), out);
            assertTrue(commands.get(3).matches("  signals +signals summary"), out);
            assertTrue(out.contains("'bmswb COMMAND --help' shows a command's help"), out);
            assertEquals("", c.err());
        }
    }

    @Test
    void versionIsPrintedWithJavaAndTheSystem() {
        assertEquals(0, run("--version"));
        List<String> lines = console.out().lines().toList();
        assertEquals(2, lines.size(), console.out());
        assertEquals("bmswb 1.2.3", lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(1));
        assertTrue(lines.get(1).contains(System.getProperty("os.name")), lines.get(1));
    }

    @Test
    void commandHelpIsMadeFromTheDeclaredOptionsWithoutRunning() {
        FakeCommand decode = install("decode", c -> 0);
        assertEquals(0, run("decode", "--format", "jsonl", "--help"));
        String help = console.out();
        assertTrue(help.startsWith("Usage: bmswb decode [-h] [--format=table|jsonl] [-p=ID] [ARG...]\n"), help);
        assertTrue(help.contains("decode summary\nA second line of description."), help);
        assertTrue(help.contains("-p, --protocol=ID"), help);
        assertNull(decode.ran);
        assertEquals(0, run("help", "decode"));
        assertEquals(0, run("decode", "-h"));
        assertNull(decode.ran);
    }

    @Test
    void helpAfterDoubleDashIsAnArgument() {
        FakeCommand decode = install("decode", c -> 0);
        assertEquals(0, run("decode", "--", "--help"));
        assertEquals(List.of("--help"), decode.positionals);
    }

    @Test
    void commandRunsWithItsArgumentsStreamsAndWorkingDirectory() {
        FakeCommand decode = install("decode", c -> {
            c.out().print("decoded");
            return 0;
        });
        assertEquals(0, run("decode", "--protocol", "sma", "x.log"));
        assertEquals(List.of("--protocol", "sma", "x.log"), decode.ranArgs);
        assertEquals(List.of("x.log"), decode.positionals);
        assertEquals(Path.of("/tmp/work/x.log"), decode.ran.resolve("x.log"));
        assertEquals("decoded", console.out(), "output flushed when the command returns");
    }

    @Test
    void eachRunHasFreshOptionState() {
        FakeCommand decode = install("decode", c -> 0);
        assertEquals(0, run("decode", "a.log", "b.log"));
        assertEquals(List.of("a.log", "b.log"), decode.positionals);
        assertEquals(0, run("decode"));
        assertEquals(List.of(), decode.positionals);
    }

    @Test
    void exitStatusOfTheCommandIsPassedOn() {
        install("check", c -> 3);
        assertEquals(3, run("check"));
    }

    /** picocli's parse errors in the house wording: one line naming the option, then the hint. */
    @Test
    void parseErrorsAreOneLineNamingTheOptionAndAHint() {
        install("decode", c -> 0);
        String hint = "Try 'bmswb decode --help'.\n";
        assertEquals(2, run("decode", "--foo"));
        assertEquals("bmswb decode: unknown option --foo\n" + hint, console.err());
        console.errBytes.reset();
        assertEquals(2, run("decode", "--protocol"));
        assertEquals("bmswb decode: --protocol needs a value\n" + hint, console.err());
        console.errBytes.reset();
        assertEquals(2, run("decode", "--format", "xml"));
        assertEquals("bmswb decode: --format: expected one of table, jsonl, got 'xml'\n" + hint, console.err());
        console.errBytes.reset();
        assertEquals(2, run("decode", "--format=csv", "x.log"));
        assertEquals("bmswb decode: --format: expected one of table, jsonl, got 'csv'\n" + hint, console.err());
        assertEquals("", console.out());
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
            throw new UsageException("--duration needs --watch");
        });
        assertEquals(2, run("decode"));
        assertEquals("bmswb decode: --duration needs --watch\nTry 'bmswb decode --help'.\n", console.err());
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
        assertEquals(List.of(), gui.ranArgs);
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
