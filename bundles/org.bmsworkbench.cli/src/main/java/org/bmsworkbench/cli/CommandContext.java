package org.bmsworkbench.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command runs with.
 *
 * @param args             the arguments after the command name
 * @param in               standard input
 * @param out              standard output (data)
 * @param err              standard error (messages)
 * @param workingDirectory the directory relative paths are resolved against
 */
public record CommandContext(List<String> args, InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {
    public CommandContext {
        args = List.copyOf(args);
    }

    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
