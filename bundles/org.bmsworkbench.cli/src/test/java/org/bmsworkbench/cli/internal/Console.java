package org.bmsworkbench.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;

/** Captured standard streams for one command line. */
final class Console {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, false, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    final Path cwd;

    Console(Path cwd) {
        this.cwd = cwd;
    }

    CommandContext context() {
        return new CommandContext(new ByteArrayInputStream(new byte[0]), out, err, cwd);
    }

    /** Runs {@code command} on these streams as bmswb does (picocli parsing, the house's messages); the exit status. */
    int run(String name, Command command, String... args) {
        CommandContext context = context();
        return CommandRunner.run(name, command.commandLine(context), List.of(args), context, false);
    }

    String out() {
        out.flush();
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
