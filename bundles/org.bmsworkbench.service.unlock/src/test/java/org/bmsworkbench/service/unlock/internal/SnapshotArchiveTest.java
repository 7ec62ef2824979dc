package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile snapshot ZIPs, each built here byte by byte or with {@link ZipOutputStream}: every one is
 * refused with one line naming the file and the fault, in bounded memory and time. Entry-name
 * rules follow the ZIP Slip advisories (a name must not lead out of the folder it is unzipped into);
 * the ZIP layout is PKWARE's APPNOTE 6.3.10.
 */
class SnapshotArchiveTest {
    private static final String JSON = "{\"format\":\"bmsworkbench-snapshot\",\"created\":\"2026-12-06T23:00:00Z\"}";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String refusal(Path zip) {
        return refusal(zip, SnapshotArchive.Limits.DEFAULT);
    }

    private static String refusal(Path zip, SnapshotArchive.Limits limits) {
        String message = assertThrows(SnapshotException.class, () -> SnapshotArchive.read(zip, limits)).getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.contains(zip.toString()), "names the file: " + message);
        return message;
    }

    @Test
    void aSnapshotOfFourOrFiveEntriesIsRead() throws Exception {
        Path old = file("old.zip", RawZip.withManifest(RawZip.minimal(JSON)).bytes());
        SnapshotArchive.Contents c = SnapshotArchive.read(old);
        assertEquals(List.of("snapshot.json", "frames.log", "audit.log", "manifest.sha256"),
                List.copyOf(c.entries().keySet()));
        assertEquals("2026-12-06T23:00:00Z", c.document().get("created"));
        assertEquals(Sha256.of(old), c.sha256());

        Map<String, byte[]> withReport = RawZip.minimal(JSON);
        withReport.put("report.html", "<!DOCTYPE html>".getBytes(StandardCharsets.UTF_8));
        Path now = file("now.zip", RawZip.withManifest(withReport).bytes());
        assertEquals("<!DOCTYPE html>", SnapshotArchive.read(now).text("report.html"));
    }

    @Test
    void aTamperedEntryOrAManifestThatDoesNotMatchTheEntriesIsRefused() throws Exception {
        Map<String, byte[]> entries = RawZip.minimal(JSON);
        entries.put("report.html", "<p>the real page</p>".getBytes(StandardCharsets.UTF_8));
        RawZip tampered = new RawZip();
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            manifest.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
            tampered.stored(e.getKey(), e.getKey().equals("report.html")
                    ? "<p>a page someone changed</p>".getBytes(StandardCharsets.UTF_8) : e.getValue());
        }
        tampered.stored("manifest.sha256", manifest.toString().getBytes(StandardCharsets.UTF_8));
        Path zip = file("tampered.zip", tampered.bytes());
        assertTrue(refusal(zip).endsWith(": the SHA-256 of report.html does not match the manifest (the file was changed)"));

        // an entry the manifest does not list, and a listed entry that is not there
        RawZip unlisted = RawZip.withManifest(RawZip.minimal(JSON)).stored("report.html", new byte[] {'x'});
        assertTrue(refusal(file("unlisted.zip", unlisted.bytes())).endsWith("manifest.sha256 does not list report.html"));
        Map<String, byte[]> three = RawZip.minimal(JSON);
        StringBuilder m = new StringBuilder();
        for (Map.Entry<String, byte[]> e : three.entrySet()) {
            m.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        m.append(Sha256.of("x")).append("  report.html\n");
        RawZip extra = new RawZip();
        three.forEach(extra::stored);
        extra.stored("manifest.sha256", m.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(file("listed.zip", extra.bytes())).endsWith("lists 'report.html', which the ZIP does not hold"));
    }

    @Test
    void entryNamesThatLeadOutOfAFolderAreRefused() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../x", "a path leading out of the folder");
        names.put("logs/../../x", "a path leading out of the folder");
        names.put("/etc/x", "an absolute path");
        names.put("C:\\x", "a drive letter");
        names.put("..\\x", "a backslash");
        names.put("snapshot.json\u0000.txt", "a control character");
        int i = 0;
        for (Map.Entry<String, String> n : names.entrySet()) {
            Path zip = file("name" + i++ + ".zip", new RawZip().stored(n.getKey(), new byte[] {'x'}).bytes());
            String message = refusal(zip);
            assertTrue(message.endsWith("(" + n.getValue() + "); refused"), message);
            assertFalse(message.contains("\u0000"), message);
        }
        assertTrue(refusal(file("nul.zip", new RawZip().stored("a\u0000b", new byte[0]).bytes()))
                .contains("holds an entry named 'a\\x00b' (a control character)"));
    }

    @Test
    void anEntryTwiceTooManyEntriesOrAnUnexpectedOneIsRefused() throws Exception {
        RawZip twice = new RawZip().stored("snapshot.json", JSON.getBytes(StandardCharsets.UTF_8))
                .stored("snapshot.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(file("twice.zip", twice.bytes())).endsWith("holds snapshot.json twice"));

        Map<String, byte[]> five = RawZip.minimal(JSON);
        five.put("report.html", new byte[0]);
        RawZip many = RawZip.withManifest(five);
        for (int i = 0; i < 10_000; i++) {
            many.stored("extra" + i, new byte[0]);
        }
        assertTrue(refusal(file("many.zip", many.bytes())).endsWith("holds more than 5 entries; a snapshot has 4 or 5"));

        RawZip unexpected = new RawZip().stored("install.sh", "rm -rf ~".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(file("unexpected.zip", unexpected.bytes())).contains("holds an unexpected entry 'install.sh'"));
    }

    @Test
    void aZipBombIsRefusedAfterReadingItsBoundInBoundedMemoryAndTime() throws Exception {
        long gib = 1L << 30;
        // 1 GiB of zeros deflated to ~1 MB, its header claiming 100 bytes (never trusted)
        Path bomb = file("bomb.zip", new RawZip().stored("snapshot.json", JSON.getBytes(StandardCharsets.UTF_8))
                .deflatedZeros("frames.log", gib, 100).bytes());
        assertTrue(Files.size(bomb) < 2 << 20, "the bomb is small: " + Files.size(bomb));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        String message = refusal(bomb);
        long millis = (System.nanoTime() - start) / 1_000_000;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        long bound = SnapshotArchive.Limits.DEFAULT.of("frames.log");
        assertTrue(message.endsWith(": frames.log inflates past 64.0 MiB (a ZIP bomb or not a snapshot); refused after"
                + " reading 64.0 MiB"), message);
        // the buffer grows by doubling to the bound: at most about twice the bound, far below the 1 GiB inside
        assertTrue(allocated < 3 * bound, "allocated " + allocated / 1048576 + " MiB for a bound of " + bound / 1048576);
        assertTrue(millis < 10_000, "refused in " + millis + " ms");
        System.out.println("SnapshotArchiveTest: a 1 GiB bomb (" + Files.size(bomb) + " bytes) refused in " + millis
                + " ms, " + allocated / 1048576 + " MiB allocated");
    }

    @Test
    void aHugeSnapshotJsonOrAZipTooLargeIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("snapshot.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            z.write('{');
            for (int i = 0; i < 40; i++) {
                z.write(spaces);
            }
            z.write('}');
            z.closeEntry();
        }
        Path huge = file("huge.zip", out.toByteArray());
        assertTrue(refusal(huge).endsWith(": snapshot.json inflates past 32.0 MiB (a ZIP bomb or not a snapshot);"
                + " refused after reading 32.0 MiB"));

        Path small = file("small.zip", RawZip.withManifest(RawZip.minimal(JSON)).bytes());
        SnapshotArchive.Limits tiny = new SnapshotArchive.Limits(100, SnapshotArchive.Limits.DEFAULT.entryBytes());
        assertTrue(refusal(small, tiny).matches(".* is 0\\.0 MiB, more than a snapshot can be \\(0\\.0 MiB\\)"));
    }

    @Test
    void deeplyNestedOrMalformedJsonIsRefusedByTheParser() throws Exception {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String message = refusal(file("deep.zip", RawZip.withManifest(RawZip.minimal(deep)).bytes()));
        assertTrue(message.contains("snapshot.json line 1 column "), message);
        assertTrue(message.contains("nesting depth (101) exceeds the maximum allowed (100"), message);

        String dup = refusal(file("dup.zip", RawZip.withManifest(RawZip.minimal("{\"a\":1,\"a\":2}")).bytes()));
        assertTrue(dup.endsWith("dup.zip!snapshot.json line 1 column 11: Duplicate field 'a'"), dup);
        String after = refusal(file("after.zip", RawZip.withManifest(RawZip.minimal("{} {}")).bytes()));
        assertTrue(after.endsWith("after.zip!snapshot.json: unexpected '{' after the value at line 1, column 5"), after);
        assertTrue(refusal(file("array.zip", RawZip.withManifest(RawZip.minimal("[1]")).bytes()))
                .endsWith("snapshot.json: not a JSON object"));
        assertTrue(refusal(file("cut.zip", RawZip.withManifest(RawZip.minimal("{\"a\":[1,")).bytes()))
                .contains("snapshot.json line 1 column "));
    }

    @Test
    void notAZipOrNoFileIsRefused() throws Exception {
        assertTrue(refusal(file("text.zip", "hello".getBytes(StandardCharsets.UTF_8))).endsWith("is not a ZIP file (no entries)"));
        assertTrue(refusal(dir.resolve("none.zip")).endsWith("none.zip does not exist"));
        assertTrue(refusal(dir).endsWith("is not a file"));
        byte[] cut = RawZip.withManifest(RawZip.minimal(JSON)).bytes();
        assertTrue(refusal(file("cut.zip", java.util.Arrays.copyOf(cut, 60))).contains("is not a readable ZIP file"));
    }
}
