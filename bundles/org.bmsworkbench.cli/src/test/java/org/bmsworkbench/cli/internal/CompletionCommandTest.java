package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmswb completion bash|zsh}: the script picocli generates is valid bash and completes the
 * commands installed at the time (plugin commands included) and their options.
 */
class CompletionCommandTest {
    private final BmswbMain main = new BmswbMain("1.2.3");
    @TempDir
    Path dir;

    private String script(String shell) {
        Console c = new Console(dir);
        assertEquals(0, main.run(List.of("completion", shell), null, c.out, c.err, c.cwd, false), c.err());
        assertEquals("", c.err());
        return c.out();
    }

    @Test
    void theBashScriptIsValidAndCompletesCommandsAndOptions() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        main.addCommand(new BmswbMainTest.FakeCommand("decode a log", c -> 0), Map.of("command.name", "decode", "service.id", 1L));
        main.addCommand(new BmswbMainTest.FakeCommand("a plugin's command", c -> 0), Map.of("command.name", "hello", "service.id", 2L));
        Path script = dir.resolve("bmswb.bash");
        Files.writeString(script, script("bash"));
        assertEquals("", bash("bash -n " + script));
        assertEquals("decode", complete(script, "bmswb", "dec"));
        assertEquals("hello", complete(script, "bmswb", "hel"));
        assertEquals("--protocol", complete(script, "bmswb", "decode", "--pro"));
        assertEquals("--format", complete(script, "bmswb", "hello", "--for"));
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() {
        String zsh = script("zsh");
        assertTrue(zsh.contains("bashcompinit"), zsh);
        assertTrue(zsh.contains("complete -F _complete_bmswb"), zsh);
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Console c = new Console(dir);
        assertEquals(2, main.run(List.of("completion", "fish"), null, c.out, c.err, c.cwd, false));
        assertEquals("bmswb completion: bash|zsh: expected one of bash, zsh, got 'fish'\n"
                + "Try 'bmswb completion --help'.\n", c.err());
    }

    /** What the script's completion function offers for the words typed so far (the last one being completed). */
    private String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        return bash("source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_bmswb bmswb '"
                + words[words.length - 1] + "' '" + words[words.length - 2] + "' 2>/dev/null; echo \"${COMPREPLY[*]}\"").strip();
    }

    private String bash(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
