package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.BlfWriter;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bin/bmswb} on recorded sources: {@code monitor} replaying the shipped sample log
 * and a snapshot ZIP, the replay summary line, unusable replay URIs, and recorders killed with
 * SIGKILL whose logs must read strictly and reach to within about a second of the kill; a BLF
 * log written by {@code BlfWriter} replayed as its candump original decodes.
 */
class ReplayCommandsIT {
    private static final String SAMPLE = "mg-master-lv-sma.log";
    private static final Pattern REPLAYED = Pattern.compile(
            "bmswb monitor: replayed (\\d+) frames in \\d+\\.\\d\\d s \\([\\d,]+ frames/s\\)\n");

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() throws IOException {
        bmswb = Bmswb.copy();
        Files.copy(bmswb.home.resolve("samples").resolve(SAMPLE), bmswb.workDir.resolve(SAMPLE));
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    @Test
    void monitorOnAReplayAtMaxDecodesWhatDecodeDecodes() {
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", SAMPLE);
        assertEquals(0, decoded.status(), decoded::toString);
        // a relative path: resolved against the directory bmswb was started in
        Bmswb.Result r = bmswb.run("monitor", "--connect", "replay:" + SAMPLE + "?speed=max", "--format", "jsonl");
        assertEquals(0, r.status(), r::toString);
        assertEquals(decoded.outLines(), r.outLines(), "the same messages, with the log's times");
        assertTrue(r.out().contains("\"pack.voltage\":"), r::toString);
        long frames = readLines(bmswb.workDir.resolve(SAMPLE)).stream().filter(l -> l.startsWith("(")).count();
        assertTrue(r.err().contains("bmswb monitor: connection: CLOSED (end of log, " + frames + " frames)\n"),
                r::toString);
        Matcher m = REPLAYED.matcher(r.err());
        assertTrue(m.find(), r::toString);
        assertEquals(frames, Long.parseLong(m.group(1)));
    }

    @Test
    void aBlfReplayDecodesWhatDecodeDecodesOfTheSameFrames() throws Exception {
        Path blf = bmswb.workDir.resolve("sample.blf");
        long frames = 0;
        try (CanLogReader reader = CanLogs.open(bmswb.workDir.resolve(SAMPLE), null, null);
                BlfWriter writer = new BlfWriter(blf)) {
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                writer.write(f);
                frames++;
            }
        }
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", SAMPLE);
        assertEquals(0, decoded.status(), decoded::toString);
        Bmswb.Result r = bmswb.run("monitor", "--connect", "replay:sample.blf?speed=max", "--format", "jsonl");
        assertEquals(0, r.status(), r::toString);
        assertEquals(decoded.outLines(), r.outLines(), "the same messages, with the log's times");
        assertTrue(r.err().contains("bmswb monitor: connection: CLOSED (end of log, " + frames + " frames)\n"),
                r::toString);
        Matcher m = REPLAYED.matcher(r.err());
        assertTrue(m.find(), r::toString);
        assertEquals(frames, Long.parseLong(m.group(1)));
    }

    @Test
    void aReplayAtSpeedTenTakesAboutATenthOfTheLog() {
        // the sample spans 3.5 s: at speed 10 at least 0.35 s of replay
        Bmswb.Result r = bmswb.run("monitor", "--connect", "replay:" + SAMPLE + "?speed=10", "--format", "jsonl");
        assertEquals(0, r.status(), r::toString);
        Matcher m = Pattern.compile("replayed \\d+ frames in (\\d+\\.\\d\\d) s").matcher(r.err());
        assertTrue(m.find(), r::toString);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.34, r::toString);
    }

    @Test
    void aSnapshotReplaysItsFramesAsFastAsPossible() throws IOException {
        Path zip = bmswb.workDir.resolve("snap.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : Map.of("snapshot.json", "{}".getBytes(), "frames.log",
                    Files.readAllBytes(bmswb.workDir.resolve(SAMPLE))).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Bmswb.Result r = bmswb.run("monitor", "--connect", "snapshot:snap.zip", "--format", "jsonl");
        assertEquals(0, r.status(), r::toString);
        assertEquals(bmswb.run("decode", "--format", "jsonl", SAMPLE).outLines(), r.outLines());
        assertTrue(REPLAYED.matcher(r.err()).find(), r::toString);
    }

    @Test
    void unusableReplaysSayWhyInOneLine() {
        Bmswb.Result bad = bmswb.run("monitor", "--connect", "replay:" + SAMPLE + "?speed=fast");
        assertEquals(2, bad.status(), bad::toString);
        assertEquals(1, bad.err().strip().lines().count(), bad::toString);
        assertTrue(bad.err().contains("option speed=fast is not a positive factor"), bad::toString);
        Bmswb.Result missing = bmswb.run("monitor", "--connect", "replay:nope.log");
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().startsWith("bmswb monitor: cannot connect to replay:nope.log: cannot replay nope.log:"
                + " no such file (/") && missing.err().endsWith("/nope.log)\n"), missing::toString);
        Bmswb.Result notZip = bmswb.run("monitor", "--connect", "snapshot:" + SAMPLE);
        assertEquals(1, notZip.status(), notZip::toString);
        assertTrue(notZip.err().contains("not a ZIP file"), notZip::toString);
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Records {@code sim:} in real time to FILE, kills the recorder with SIGKILL a few seconds in,
     * and checks the log: whole lines only (BLF: whole containers), read by {@code decode --strict}, its last frame within
     * the flush interval (0.5 s) plus the simulator's cycle (0.5 s) plus a margin of the kill.
     */
    private void killedRecorderLogReachesTheKill(String file) throws Exception {
        boolean blf = file.endsWith(".blf");
        Path err = Files.createTempFile(bmswb.workDir, "err", ".txt");
        Process p = bmswb.builder("record", "--connect", "sim:?speed=1", "-o", file)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        Path log = bmswb.workDir.resolve(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || Files.size(log) < (blf ? 1000 : 2000)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("the recorder wrote too little: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
        Thread.sleep(2300); // a few seconds of recording; the kill falls anywhere in a flush interval
        long killMillis = System.currentTimeMillis();
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, nothing flushed on the way out
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        if (!blf) {
            String text = Files.readString(log);
            assertTrue(text.endsWith("\n"), "whole lines only: " + text.substring(Math.max(0, text.length() - 80)));
        }
        // a BLF file is written a whole container at a time: nothing to skip either
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", file);
        assertEquals(0, decoded.status(), decoded::toString);
        List<String> lines = decoded.outLines();
        double last = ((Number) Json.object(lines.get(lines.size() - 1)).get("time")).doubleValue();
        double lag = killMillis / 1000.0 - last;
        assertTrue(lag < 1.0 + 0.6, "the last frame is " + lag + " s before the kill");
        assertTrue(lag > -0.5, "the last frame is " + (-lag) + " s after the kill");
    }

    @Test
    void aCandumpRecorderKilledWithSigkillLosesAtMostItsLastSecond() throws Exception {
        killedRecorderLogReachesTheKill("killed.log");
    }

    @Test
    void anAscRecorderKilledWithSigkillLosesAtMostItsLastSecond() throws Exception {
        killedRecorderLogReachesTheKill("killed.asc");
    }

    @Test
    void aBlfRecorderKilledWithSigkillLosesAtMostItsLastSecond() throws Exception {
        killedRecorderLogReachesTheKill("killed.blf");
    }
}
