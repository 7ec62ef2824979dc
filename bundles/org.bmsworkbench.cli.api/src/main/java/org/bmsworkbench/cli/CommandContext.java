package org.bmsworkbench.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command runs with; its arguments are parsed by picocli into the command's fields.
 *
 * @param in               standard input
 * @param out              standard output (data)
 * @param err              standard error (messages)
 * @param workingDirectory the directory relative paths are resolved against
 */
public record CommandContext(InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {

    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
