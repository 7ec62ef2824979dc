package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.bmsworkbench.cli.CommandContext;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bmswb completion bash|zsh}: picocli's completion script for every command installed at
 * the time, plugin commands included. zsh runs the bash script through {@code bashcompinit},
 * which the script loads itself when it finds it is sourced by zsh.
 */
final class CompletionCommand {
    static final String NAME = "completion";
    /** Its line in {@code bmswb --help}. */
    static final String SUMMARY = "print a shell completion script (bash, zsh)";

    enum Shell {
        bash, zsh
    }

    private final Supplier<CommandLine> root;

    /** @param root bmswb with every command under it, built when the script is asked for */
    CompletionCommand(Supplier<CommandLine> root) {
        this.root = root;
    }

    CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context.out()));
    }

    @Command(name = NAME, description = {
        SUMMARY,
        "The script completes bmswb's commands as installed now, and their options.",
        "bash: source <(bmswb completion bash), or save it in ~/.local/share/bash-completion/completions/bmswb.",
        "zsh: source <(bmswb completion zsh) in ~/.zshrc (it loads bashcompinit).",
        "A plugin command installed later is completed once the script is made again."})
    final class Run implements Callable<Integer> {
        private final PrintStream out;

        @Parameters(paramLabel = "bash|zsh", description = "the shell")
        private Shell shell;

        Run(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            out.print(AutoComplete.bash("bmswb", root.get()));
            return 0;
        }
    }
}
