package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link in the repository's Markdown resolves inside the repository (issue 12: the README
 * linked ../shared/SIGNALS.md, dead once published): a relative link names a file or folder that
 * exists under the repository root, and a {@code #anchor} names a heading of the file it points
 * to (GitHub's heading ids). Web addresses are not followed.
 */
class MarkdownLinksTest {
    private static final Path REPO = Paths.get("../..").toAbsolutePath().normalize();
    /** [text](target) and ![alt](target); the target ends at the first space or ')'. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyLinkInTheRepositorysMarkdownResolvesInsideIt() throws IOException {
        List<Path> documents = markdownFiles();
        assertTrue(documents.size() >= 25, "the READMEs and docs/ are found: " + documents.size());
        assertTrue(documents.contains(REPO.resolve("docs/SIGNALS.md")), "docs/SIGNALS.md is in the repository");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents) {
            for (String target : links(Files.readString(doc))) {
                checked++;
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(REPO.relativize(doc) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 30, "links checked: " + checked);
        assertEquals(List.of(), broken, "links that do not resolve inside the repository");
    }

    @Test
    void aLinkOutsideTheRepositoryOrToAMissingHeadingIsCaught() throws IOException {
        Path readme = REPO.resolve("README.md");
        assertEquals("points outside the repository", problem(readme, "../shared/SIGNALS.md"));
        assertEquals("no such file", problem(readme, "docs/SIGNAL.md"));
        assertEquals("no heading #no-such-section in docs/SIGNALS.md", problem(readme, "docs/SIGNALS.md#no-such-section"));
        assertEquals(null, problem(readme, "docs/SIGNALS.md#bmswb-decode---format-jsonl"));
        assertEquals(null, problem(readme, "#getting-a-jdk"));
        assertEquals(List.of("a.md", "b/c.md#x"), links("[a](a.md) `[not](code.md)` ![b](b/c.md#x)\n```\n[no](fenced.md)\n```\n"));
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> all = Files.walk(REPO)) {
            return all.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String rel = REPO.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".git/") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.contains("node_modules/");
                    })
                    .sorted().toList();
        }
    }

    /** The link targets of a Markdown text, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** Why {@code target}, linked from {@code doc}, does not resolve inside the repository; null when it does. */
    static String problem(Path doc, String target) throws IOException {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return null; // https:, mailto:: not followed
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!resolved.startsWith(REPO)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(Files.readString(resolved)).contains(anchor)) {
            return "no heading #" + anchor + " in " + REPO.relativize(resolved).toString().replace('\\', '/');
        }
        return null;
    }

    /** GitHub's ids for the headings of a Markdown text: lower case, punctuation dropped, spaces to hyphens, -1 -2 for repeats. */
    static Set<String> anchors(String markdown) {
        Set<String> ids = new HashSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String id = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            String unique = id;
            for (int n = 1; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
        }
        return ids;
    }
}
