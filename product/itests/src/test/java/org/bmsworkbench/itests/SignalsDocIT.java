package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/SIGNALS.md kept true: the JSONL example lines of its "bmswb decode --format jsonl" section,
 * read from the document itself, are what the real {@code bin/bmswb decode} prints for the frames
 * that carry those values. The document gives no frames; they are written here, one per line,
 * from the vendor's guide: 0x356 (guide 1.3.2, used by General BMS 1.4: 0.01 V, 0.1 A, 0.1 °C),
 * PGN 127508 battery status (1.5.3.1.1: instance 0, 26.54 V, -12.3 A, 298.15 K, SID 0) and the
 * VREG broadcast of register 0x0FFF, SOC in 0.01 % (1.5.4).
 */
class SignalsDocIT {
    private static final Path SIGNALS = Paths.get(System.getProperty("user.dir"), "..", "..", "docs", "SIGNALS.md").normalize();
    private static final String FRAMES = """
            (1600000000.500000) can0 356#C01485FFD700
            (1600000001.200000) can0 19F21450#005E0A85FF777400
            (1600000002.000000) can0 1CEFFF50#6699FF0F2E22FFFF
            """;
    private static final Pattern PROTOCOL = Pattern.compile("\"protocol\":\"([^\"]+)\"");
    private static final Pattern CAN_ID = Pattern.compile("\"can_id\":\"([^\"]+)\"");

    private static Bmswb bmswb;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    @Test
    void theDocumentsJsonlExamplesAreWhatDecodePrints() throws IOException {
        List<String> examples = examples(Files.readString(SIGNALS));
        assertEquals(3, examples.size(), "the example lines of docs/SIGNALS.md: " + examples);
        Path log = Files.writeString(dir.resolve("signals-doc.log"), FRAMES);
        for (String example : examples) {
            String protocol = group(PROTOCOL, example);
            String canId = group(CAN_ID, example);
            Bmswb.Result r = bmswb.run("decode", "--protocol", protocol, "--format", "jsonl", log.toString());
            assertEquals(0, r.status(), r::toString);
            String line = r.outLines().stream().filter(l -> canId.equals(group(CAN_ID, l))).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + canId + " from --protocol " + protocol + ": " + r));
            if (example.contains("\"pgn\":127508") && !example.contains("\"instance\"")) {
                // "Other devices on the bus": a PGN 127508 record carries "instance" beside "source"
                assertTrue(line.contains("\"source\":80,\"instance\":0,"), line);
                line = line.replace("\"instance\":0,", "");
            }
            assertEquals(example, line, "docs/SIGNALS.md's example for " + canId + " (--protocol " + protocol + ")");
        }
    }

    /** The lines of the JSON block in the section "bmswb decode --format jsonl". */
    static List<String> examples(String markdown) {
        int section = markdown.indexOf("## `bmswb decode --format jsonl`");
        assertTrue(section >= 0, "docs/SIGNALS.md has its JSONL section");
        int open = markdown.indexOf("```", section);
        int close = markdown.indexOf("```", open + 3);
        List<String> lines = new ArrayList<>();
        for (String line : markdown.substring(markdown.indexOf('\n', open) + 1, close).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
