package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live commands of the real {@code bin/bmswb} on the embedded simulator ({@code sim:}, General
 * BMS by default): {@code monitor} as JSONL and as piped lines, {@code record} to candump {@code -L}
 * and ASC read back by {@code decode}, a recorder killed or terminated mid-run, {@code vreg list},
 * and URIs that cannot be used.
 */
class LiveCommandsIT {
    /** Every message the default simulator sends (General BMS, guide 1.4). */
    private static final Set<String> GENERAL_BMS_MESSAGES = Set.of("bms_limits", "battery_status",
            "battery_basic_info", "alarms_warnings", "events", "manufacturer_name", "system_information",
            "battery_cell_info", "energy", "serial_number_high", "serial_number_low");
    private static final Pattern RECORDED = Pattern.compile("bmswb record: recorded (\\d+) frames to (\\S+)\n");

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    /** The message names of {@code decode}- or {@code monitor}-style JSONL, checking each line's shape and bus. */
    private static Set<String> messages(List<String> jsonl, String bus) {
        Set<String> names = new TreeSet<>();
        for (String line : jsonl) {
            Map<String, Object> o = Json.object(line);
            assertEquals(List.of("time", "bus", "protocol", "can_id", "message", "signals"), List.copyOf(o.keySet()),
                    line);
            assertEquals(bus, o.get("bus"), line);
            names.add((String) o.get("message"));
        }
        return names;
    }

    @Test
    void monitorJsonlPrintsDecodableLinesWithThePackVoltage() {
        Bmswb.Result r = bmswb.run("monitor", "--connect", "sim:", "--duration", "3", "--format", "jsonl");
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.outLines().isEmpty(), r::toString);
        messages(r.outLines(), "sim");
        assertTrue(r.outLines().stream().anyMatch(l -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> signals = (Map<String, Object>) Json.object(l).get("signals");
            return signals.get("pack.voltage") instanceof Number;
        }), r::toString);
        assertTrue(r.err().contains("bmswb monitor: protocol auto-detected: general-bms"), r::toString);
    }

    @Test
    void monitorPipedPrintsTableLinesWithoutEscapeCodes() {
        Bmswb.Result r = bmswb.run("monitor", "--duration", "2");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.outLines().get(0).startsWith("TIME "), r::toString);
        assertTrue(r.out().contains("battery_basic_info") && r.out().contains("pack.voltage="), r::toString);
        assertTrue(r.out().contains(" V  "), r::toString);
        assertFalse(r.out().contains("\033"), "no ANSI escape codes when piped");
    }

    @Test
    void recordedLogDecodesToTheMessagesMonitorShows() throws IOException {
        Bmswb.Result record = bmswb.run("record", "--connect", "sim:?speed=10", "--duration", "2", "-o", "x.log");
        assertEquals(0, record.status(), record::toString);
        Matcher m = RECORDED.matcher(record.err());
        assertTrue(m.find(), record::toString);
        assertEquals("x.log", m.group(2));
        List<String> lines = Files.readAllLines(bmswb.workDir.resolve("x.log"));
        assertEquals(Long.parseLong(m.group(1)), lines.size());
        assertTrue(lines.get(0).matches("\\(\\d+\\.\\d{6}\\) sim [0-9A-F]{3}#[0-9A-F]*"), lines.get(0));

        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "x.log");
        assertEquals(0, decoded.status(), decoded::toString);
        assertEquals(GENERAL_BMS_MESSAGES, messages(decoded.outLines(), "sim"), decoded::toString);

        Bmswb.Result monitor = bmswb.run("monitor", "--connect", "sim:?speed=10", "--duration", "2", "--format", "jsonl");
        assertEquals(0, monitor.status(), monitor::toString);
        assertEquals(messages(decoded.outLines(), "sim"), messages(monitor.outLines(), "sim"), monitor::toString);
    }

    @Test
    void recordsAscByExtension() throws IOException {
        Bmswb.Result record = bmswb.run("record", "--connect", "sim:?speed=10", "--duration", "1", "-o", "x.asc");
        assertEquals(0, record.status(), record::toString);
        assertTrue(RECORDED.matcher(record.err()).find(), record::toString);
        String asc = Files.readString(bmswb.workDir.resolve("x.asc"));
        assertTrue(asc.startsWith("date "), asc);
        assertTrue(asc.endsWith("End TriggerBlock\n"), asc);
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "x.asc");
        assertEquals(0, decoded.status(), decoded::toString);
        // ASC numbers channels: the simulator's bus "sim" becomes channel 1, read back as can0
        assertEquals(GENERAL_BMS_MESSAGES, messages(decoded.outLines(), "can0"), decoded::toString);
    }

    /** Starts {@code record} on {@code sim:?speed=10} and waits until FILE has {@code lines} lines. */
    private Process recordUntil(String file, int lines, Path err) throws Exception {
        Process p = bmswb.builder("record", "--connect", "sim:?speed=10", "-o", file)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        Path log = bmswb.workDir.resolve(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || Files.readAllLines(log).size() < lines) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("the recorder wrote fewer than " + lines + " lines: " + Files.readString(err));
            }
            Thread.sleep(100);
        }
        return p;
    }

    @Test
    void aRecorderKilledMidRunLeavesAValidLog() throws Exception {
        Path err = Files.createTempFile(bmswb.workDir, "err", ".txt");
        Process p = recordUntil("killed.log", 300, err);
        Thread.sleep(700); // a flush or two more, so that the kill may fall anywhere
        p.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String text = Files.readString(bmswb.workDir.resolve("killed.log"));
        assertTrue(text.endsWith("\n"), "whole lines only: " + text.substring(Math.max(0, text.length() - 80)));
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "killed.log");
        assertEquals(0, decoded.status(), decoded::toString);
        assertTrue(decoded.outLines().size() >= 300, decoded::toString);
        assertEquals("", Files.readString(err), "nothing on stderr before the kill");
    }

    @Test
    void aTerminatedRecorderClosesItsLogAndSaysHowManyFrames() throws Exception {
        Path err = Files.createTempFile(bmswb.workDir, "err", ".txt");
        Process p = recordUntil("stopped.asc", 50, err);
        p.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String asc = Files.readString(bmswb.workDir.resolve("stopped.asc"));
        assertTrue(asc.endsWith("End TriggerBlock\n"), asc.substring(Math.max(0, asc.length() - 80)));
        Matcher m = RECORDED.matcher(Files.readString(err));
        assertTrue(m.find(), Files.readString(err));
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "stopped.asc");
        assertEquals(0, decoded.status(), decoded::toString);
        assertTrue(decoded.outLines().size() >= 50, decoded::toString);
    }

    @Test
    void unusableUrisExitWithTwoAndOneLine() {
        for (List<String> args : List.of(List.of("monitor", "--connect", "no uri"),
                List.of("monitor", "--connect", "nosuchscheme:x", "--duration", "1"),
                List.of("record", "--connect", "sim:?speed=0", "-o", "x.log"),
                List.of("vreg", "read", "--connect", "nosuchscheme:x", "0x0FFF"))) {
            Bmswb.Result r = bmswb.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), r::toString);
            assertEquals(1, r.err().strip().lines().count(), "one line on stderr: " + r);
            assertTrue(r.err().startsWith("bmswb " + args.get(0) + ": "), r::toString);
        }
        Bmswb.Result missing = bmswb.run("record", "-o", "x.log");
        assertEquals(2, missing.status(), missing::toString);
        assertTrue(missing.err().contains("missing --connect URI"), missing::toString);
    }

    @Test
    void vregListShowsTheCatalogue() {
        Bmswb.Result r = bmswb.run("vreg", "list");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.outLines().get(0).startsWith("ID      NAME"), r::toString);
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("0x0FFF  State-of-Charge") && l.contains("soc")
                && l.contains(" %") && l.contains("periodic, on change")), r::toString);
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("0x0374") && l.contains("setting.sync_group")
                && l.contains(" RW ") && l.endsWith("0..3")), r::toString);
    }

    @Test
    void helpListsTheLiveCommands() {
        Bmswb.Result r = bmswb.run("--help");
        for (String command : List.of("monitor", "record", "vreg")) {
            assertTrue(r.out().contains("\n  " + command + " "), r::toString);
            Bmswb.Result help = bmswb.run(command, "--help");
            assertEquals(0, help.status(), help::toString);
            assertTrue(help.out().startsWith("Usage: bmswb " + command), help::toString);
        }
    }

    @Test
    void vregReadsAndWritesTheSimulatedMasterLv() {
        Bmswb.Result r = bmswb.run("vreg", "read", "--connect", "sim:?protocol=nmea2000", "0x0102", "0x0FFF", "0x0371");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.outLines().get(1).matches("0x0102 +Firmware version +bms\\.firmware=\"\\d+\\.\\d\\d\" +[0-9A-F]+"), r::toString);
        assertTrue(r.outLines().get(2).matches("0x0FFF +State-of-Charge +soc=[\\d.]+ % +[0-9A-F]+"), r::toString);
        assertTrue(r.outLines().get(3).matches("0x0371 +BMS state +bms\\.state=\\d+ \\(.+\\) +[0-9A-F]+"), r::toString);
        Bmswb.Result w = bmswb.run("vreg", "write", "--yes", "--connect", "sim:?protocol=nmea2000", "0x0374", "2");
        assertEquals(0, w.status(), w::toString);
        assertTrue(w.out().startsWith("0x0374 sync_group = 2 (Group 2): "), w::toString);
        assertTrue(w.out().contains("confirmed"), w::toString);
        Bmswb.Result refused = bmswb.run("vreg", "write", "--yes", "--connect", "sim:?protocol=nmea2000", "0x0374", "9");
        assertEquals(1, refused.status(), refused::toString);
        assertTrue(refused.err().contains("outside 0..3") && refused.err().contains("nothing was sent"), refused::toString);
    }
}
