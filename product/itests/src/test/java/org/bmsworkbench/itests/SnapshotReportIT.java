package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's report.html in a real browser, and {@code bmswb snapshot show} on good and hostile
 * files. A snapshot of the simulator's {@code safety-lock} scenario (×200, three seconds of
 * watching: ten minutes of bus time) is taken with the real {@code bin/bmswb}; Debian's headless
 * Chromium renders its report.html with every host name unresolvable and a NetLog of every request
 * it makes. Chromium's DOM must hold every section and the five plots, and the page must have asked
 * for nothing: a probe page with one remote image proves that such a request shows in the NetLog.
 * The screenshot goes to {@code target/screenshots/report.png}.
 */
class SnapshotReportIT {
    private static final String URI = "sim:?protocol=nmea2000&scenario=safety-lock&speed=200";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Bmswb bmswb;
    private static Bmswb.Result snapshot;

    @BeforeAll
    static void takeSnapshot() {
        bmswb = Bmswb.copy();
        snapshot = bmswb.run("snapshot", "--connect", URI, "--observe", "3", "-o", "lock.zip");
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    static String chromium() {
        return List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseGet(() -> fail("Chromium is not installed; the report is checked in a real browser:"
                        + " run .ci/run, which installs it, or apt-get install chromium"));
    }

    /** Runs headless Chromium on {@code page} with no name resolving and a NetLog; returns stdout. */
    private static String chromium(Path page, Path netLog, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(chromium(), "--headless", "--disable-gpu", "--no-sandbox",
                "--user-data-dir=" + bmswb.workDir.resolve("chromium-profile"), "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=" + netLog, "--net-log-capture-mode=Everything"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Bmswb.Result r = Bmswb.finish(new ProcessBuilder(command).directory(bmswb.workDir.toFile()), 120);
        assertEquals(0, r.status(), r::toString);
        return r.out();
    }

    /** The URLs a page itself asked for: NetLog requests isolated under its file:// origin (Chromium's own update and account requests are not). */
    static List<String> pageRequests(Path netLog) throws IOException {
        String log = Files.readString(netLog);
        Matcher m = Pattern.compile("\"network_isolation_key\":\"file://[^\"]*\"(?:,\"[a-z_]+\":\"[^\"]*\")*?,\"url\":\"([^\"]+)\"").matcher(log);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    private static Path report() throws IOException {
        Path html = bmswb.workDir.resolve("report.html");
        try (ZipFile zip = new ZipFile(bmswb.workDir.resolve("lock.zip").toFile())) {
            Files.write(html, zip.getInputStream(zip.getEntry("report.html")).readAllBytes());
        }
        return html;
    }

    @Test
    void chromiumRendersTheReportWithEverySectionAndPlotAndLoadsNothing() throws IOException {
        assertEquals(0, snapshot.status(), snapshot::toString);
        Path html = report();
        Path netLog = bmswb.workDir.resolve("report-netlog.json");
        String dom = chromium(html, netLog, "--dump-dom");
        for (String id : List.of("device", "diagnosis", "timeline", "plots", "registers")) {
            assertTrue(dom.contains("<section id=\"" + id + "\""), "section " + id);
        }
        assertTrue(dom.contains("<p class=\"verdict\">Safety lock active</p>"), "the diagnosis in words");
        assertTrue(dom.contains("<dd>MG0000SIM0000001 (from sim: URI)</dd>"), "the serial");
        assertEquals(5, count(dom, "<svg "), "five plots");
        assertEquals(47, count(dom, "<tr(?: class=\"unanswered\")?><td class=\"id\">0x[0-9A-F]{4}</td>"), "every register");
        for (String plot : List.of("Pack voltage", "Pack current", "State of charge", "Temperatures", "Cell voltage")) {
            int at = dom.indexOf("<figcaption>" + plot);
            assertTrue(at > 0, plot);
            String svg = dom.substring(at, dom.indexOf("</svg>", at));
            assertTrue(svg.contains("<polyline"), plot + " has a line: ten minutes of bus time were watched");
            assertFalse(svg.contains("no data in the last ten minutes"), plot);
        }
        assertTrue(count(dom, "<li class=\"error\"><time>") >= 4, "the last errors 1-4 on the timeline");
        assertEquals(List.of(), pageRequests(netLog), "the report asked for nothing outside itself");

        // the check can fail: a page with one remote image shows its request
        Path probe = bmswb.write("probe.html", "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\">"
                + "</body></html>");
        Path probeLog = bmswb.workDir.resolve("probe-netlog.json");
        chromium(probe, probeLog, "--dump-dom");
        assertEquals(List.of("http://example.invalid/x.png"), pageRequests(probeLog).stream().distinct().toList());

        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve("report.png").toAbsolutePath();
        chromium(html, bmswb.workDir.resolve("shot-netlog.json"), "--screenshot=" + png, "--window-size=1280,2000",
                "--hide-scrollbars");
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG screenshot");
        System.out.println("SnapshotReportIT: report.html " + Files.size(html) + " bytes, screenshot " + png);
    }

    @Test
    void snapshotShowVerifiesTheSnapshotAndRefusesHostileOnesInOneLine() throws Exception {
        assertEquals(0, snapshot.status(), snapshot::toString);
        Bmswb.Result show = bmswb.run("snapshot", "show", "lock.zip");
        assertEquals(0, show.status(), show::toString);
        List<String> lines = show.outLines();
        assertEquals("snapshot lock.zip: verified, 5 entries (snapshot.json, frames.log, audit.log, report.html,"
                + " manifest.sha256), each matching manifest.sha256", lines.get(0));
        assertTrue(show.out().contains("\n  diagnosis: safety lock - The BMS is in state 10 Error"), show::toString);
        assertTrue(show.out().contains("\n  registers: 47 ("), show::toString);
        assertTrue(Pattern.compile("\n  frames: \\d+, \\S+ to \\S+ \\((\\d+\\.\\d) s\\)").matcher(show.out()).find(),
                show::toString);
        assertTrue(show.out().contains("\n  report: report.html (open it in a browser)"), show::toString);

        // report.html changed after the snapshot was taken
        Path tampered = rezip("tampered.zip", "report.html", "<p>all fine</p>".getBytes(StandardCharsets.UTF_8));
        refused(bmswb.run("snapshot", "show", "tampered.zip"), tampered,
                ": the SHA-256 of report.html does not match the manifest (the file was changed)");
        // an entry that would be written outside the folder it is unzipped into
        Path traversal = rezip("traversal.zip", "../../.bashrc", new byte[] {'x'});
        refused(bmswb.run("snapshot", "show", "traversal.zip"), traversal,
                " holds an entry named '../../.bashrc' (a path leading out of the folder); refused");
        // the same refusal where unlock reads its snapshot
        Bmswb.Result unlock = bmswb.run("unlock", "--connect", URI, "--snapshot", "tampered.zip", "--code", "12345678",
                "--confirm-checklist");
        assertEquals(1, unlock.status(), unlock::toString);
        String[] err = unlock.err().strip().split("\n");
        assertTrue(err[err.length - 1].endsWith("does not match the manifest (the file was changed)"), unlock::toString);
    }

    private static void refused(Bmswb.Result r, Path zip, String ending) {
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().strip().endsWith(ending), r::toString);
        assertTrue(r.err().contains(zip.getFileName().toString()), r::toString);
    }

    /** lock.zip with {@code name} replaced by (or, when new, added with) {@code content}; the manifest left as it was. */
    private static Path rezip(String target, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipFile in = new ZipFile(bmswb.workDir.resolve("lock.zip").toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
            if (!name.startsWith("report")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(content);
                z.closeEntry();
                replaced = true;
            }
            for (ZipEntry e : in.stream().toList()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(name) ? content : in.getInputStream(e).readAllBytes());
                replaced |= e.getName().equals(name);
                z.closeEntry();
            }
        }
        assertTrue(replaced);
        return Files.write(bmswb.workDir.resolve(target), out.toByteArray());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
