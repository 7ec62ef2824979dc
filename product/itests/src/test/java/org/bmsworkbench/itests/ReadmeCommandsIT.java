package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The root README's command table against the real {@code bin/bmswb}: every command of the table
 * is listed by {@code bmswb --help} and every listed command is in the table; every option the
 * table shows for a command (or subcommand, {@code vreg read}) is declared by it, as its
 * {@code --help} shows.
 */
class ReadmeCommandsIT {
    private static final Path README = Paths.get(System.getProperty("user.dir"), "..", "..", "README.md").normalize();
    /** A long option, or a one-letter one, as the table writes them: {@code --connect}, {@code -o}. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\\w-])");
    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    /** The synopses of the table under "## The `bmswb` command": each {@code bmswb …} in backticks, split at " · ". */
    static List<String> synopses(List<String> readme) {
        List<String> synopses = new ArrayList<>();
        int start = readme.indexOf("## The `bmswb` command");
        assertTrue(start >= 0, "no section '## The `bmswb` command' in " + README);
        boolean inTable = false;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("| command |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (!inTable || line.startsWith("| ---")) {
                continue;
            }
            // the first cell; escaped pipes (\|) belong to the synopsis
            String cell = line.substring(1).split("(?<!\\\\)\\|")[0].replace("\\|", "|");
            String previous = null;
            for (String part : cell.split(" · ")) {
                String synopsis = part.strip().replaceAll("^`|`$", "").replaceAll("`,? *$", "").strip();
                int comma = synopsis.indexOf("`, `");
                if (comma >= 0) {
                    synopsis = synopsis.substring(0, comma);
                }
                if (!synopsis.startsWith("bmswb") && previous != null) {
                    synopsis = "bmswb " + synopsis; // "vreg list · vreg read …" and "adapters · protocols"
                }
                previous = synopsis;
                synopses.add(synopsis);
            }
        }
        assertFalse(synopses.isEmpty(), "no command table in " + README);
        return synopses;
    }

    /** Command (and subcommand) → the options its synopses show; "bmswb" alone and "bmswb --help" are left out. */
    static Map<List<String>, Set<String>> commands(List<String> synopses) {
        Map<List<String>, Set<String>> commands = new LinkedHashMap<>();
        for (String synopsis : synopses) {
            String[] words = synopsis.split("\\s+");
            if (words.length < 2 || !words[1].matches("[a-z][a-z0-9-]*")) {
                continue; // bmswb, bmswb --help, bmswb COMMAND --help
            }
            List<String> command = new ArrayList<>(List.of(words[1]));
            if (words.length > 2 && words[2].matches("[a-z][a-z0-9-]*") && !words[2].equals("bash")) {
                command.add(words[2]); // a subcommand: vreg read, dbc export, simulate unlock-code
            }
            Set<String> options = commands.computeIfAbsent(command, c -> new TreeSet<>());
            Matcher m = OPTION.matcher(synopsis);
            while (m.find()) {
                options.add(m.group(1));
            }
        }
        return commands;
    }

    /** The commands {@code bmswb --help} lists under "Commands:". */
    static Set<String> listed(String help) {
        Set<String> listed = new TreeSet<>();
        boolean in = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in && line.matches("  [a-z][a-z0-9-]* .*")) {
                listed.add(line.strip().split("\\s+")[0]);
            }
        }
        return listed;
    }

    @Test
    void theTableParsesAsExpected() throws IOException {
        Map<List<String>, Set<String>> commands = commands(synopses(Files.readAllLines(README)));
        assertEquals(Set.of("--protocol", "--format", "--all", "--strict", "--device"), commands.get(List.of("decode")));
        assertTrue(commands.get(List.of("vreg", "write")).contains("--yes"), commands::toString);
        assertTrue(commands.get(List.of("record")).contains("-o"), commands::toString);
        assertTrue(commands.containsKey(List.of("devices")), commands::toString);
    }

    @Test
    void everyCommandOfTheTableIsListedByHelpAndViceVersa() throws IOException {
        Bmswb.Result help = bmswb.run("--help");
        assertEquals(0, help.status(), help::toString);
        Set<String> inTable = new TreeSet<>();
        commands(synopses(Files.readAllLines(README))).keySet().forEach(c -> inTable.add(c.get(0)));
        assertEquals(listed(help.out()), inTable, "README.md's command table vs bmswb --help:\n" + help.out());
    }

    @Test
    void everyOptionOfTheTableIsDeclaredByItsCommand() throws IOException {
        List<String> problems = new ArrayList<>();
        commands(synopses(Files.readAllLines(README))).forEach((command, options) -> {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Bmswb.Result help = bmswb.run(args.toArray(new String[0]));
            if (help.status() != 0) {
                problems.add("bmswb " + String.join(" ", args) + ": status " + help.status() + " " + help.err());
                return;
            }
            for (String option : options) {
                if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])").matcher(help.out()).find()) {
                    problems.add("bmswb " + String.join(" ", command) + " does not declare " + option);
                }
            }
        });
        assertEquals(List.of(), problems);
    }
}
