package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PEAK TRC 2.1 checked by an independent implementation, python-can's TRCReader and TRCWriter
 * (Debian's python3-can 4.1, run by /usr/bin/python3 through trc_python_can.py), frame for frame
 * both ways: a trace python-can writes is read by {@code bmswb decode}, and a trace
 * {@code bmswb record -o x.trc} writes is read by python-can. python-can 4.1 writes and reads
 * the data frames (DT) of 2.1 only, and takes the time offsets without {@code $STARTTIME} (it
 * writes that one wrongly): times are compared as offsets from the first frame.
 */
class TrcCrossCheckIT {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get(System.getProperty("user.dir"), "src", "test", "resources",
            "trc_python_can.py");
    private static final long T0 = 1_600_000_000_000_000L;

    private static Bmswb bmswb;

    /** One frame as both sides describe it; {@code channel} is python-can's (0 = bus can0, TRC bus 1). */
    record Frame(long micros, int id, boolean extended, String data, boolean rx, int channel) {
    }

    @BeforeAll
    static void requirePythonCanAndCopyProduct() throws Exception {
        String hint = "the TRC cross-check needs Debian's python3-can for /usr/bin/python3 (not a pyenv python):"
                + " run .ci/run, which installs it, or apt-get install python3-can";
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing; " + hint);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import can.io.trc").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(hint + ". Python said: " + output.strip());
        }
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    /**
     * Frames no installed protocol claims (11-bit 0x600..0x6FF, 29-bit proprietary PGNs 0xFF00..),
     * 0 to 8 bytes, received and sent, on two buses, every 0.5 to 20 ms.
     */
    private static List<Frame> frames(long seed, int n) {
        Random random = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        long t = T0;
        for (int i = 0; i < n; i++) {
            t += 500 * (1 + random.nextInt(40));
            boolean extended = random.nextBoolean();
            int id = extended ? 0x18FF0000 | random.nextInt(0x10000) : 0x600 | random.nextInt(0x100);
            byte[] data = new byte[random.nextInt(9)];
            random.nextBytes(data);
            frames.add(new Frame(t, id, extended, HexFormat.of().withUpperCase().formatHex(data), random.nextInt(4) != 0,
                    random.nextInt(2)));
        }
        return frames;
    }

    @Test
    void aTraceWrittenByPythonCanDecodesFrameForFrame() throws Exception {
        List<Frame> sent = frames(2_1, 500);
        StringBuilder jsonl = new StringBuilder();
        for (Frame f : sent) {
            jsonl.append(String.format("{\"t\": %d.%06d, \"id\": %d, \"ext\": %b, \"data\": \"%s\", \"rx\": %b, \"channel\": %d}%n",
                    f.micros() / 1_000_000, f.micros() % 1_000_000, f.id(), f.extended(), f.data(), f.rx(), f.channel()));
        }
        Path trc = bmswb.workDir.resolve("python-can.trc");
        python(jsonl.toString(), "write", trc.toString());
        String text = Files.readString(trc);
        assertTrue(text.startsWith(";$FILEVERSION=2.1"), text.substring(0, Math.min(200, text.length())));

        Bmswb.Result decode = bmswb.run("decode", "--strict", "--all", "--format", "jsonl", trc.toString());
        assertEquals(0, decode.status(), decode::toString);
        List<Map<String, Object>> lines = decode.outLines().stream().map(Json::object).toList();
        assertEquals(sent.size(), lines.size(), decode::toString);
        BigDecimal first = (BigDecimal) lines.get(0).get("time");
        for (int i = 0; i < sent.size(); i++) {
            Frame f = sent.get(i);
            Map<String, Object> line = lines.get(i);
            String where = "frame " + (i + 1) + " " + line;
            assertEquals(f.extended() ? String.format("0x%08X", f.id()) : String.format("0x%03X", f.id()),
                    line.get("can_id"), where);
            assertEquals(f.data(), line.get("data"), where);
            assertEquals("can" + f.channel(), line.get("bus"), where);
            long offset = ((BigDecimal) line.get("time")).subtract(first).movePointRight(6).longValueExact();
            assertEquals(f.micros() - sent.get(0).micros(), offset, where);
        }
    }

    @Test
    void aTraceRecordedByTheWorkbenchIsReadByPythonCanFrameForFrame() throws Exception {
        List<Frame> frames = frames(2_2, 500);
        StringBuilder log = new StringBuilder();
        for (Frame f : frames) {
            log.append(String.format("(%d.%06d) can%d %s#%s%s%n", f.micros() / 1_000_000, f.micros() % 1_000_000,
                    f.channel(), f.extended() ? String.format("%08X", f.id()) : String.format("%03X", f.id()), f.data(),
                    f.rx() ? "" : " T"));
        }
        bmswb.write("frames.log", log.toString());
        Bmswb.Result record = bmswb.run("record", "--connect", "replay:frames.log?speed=max", "-o", "recorded.trc");
        assertEquals(0, record.status(), record::toString);

        List<Map<String, Object>> read = python(null, "read", bmswb.workDir.resolve("recorded.trc").toString()).stream()
                .map(Json::object).toList();
        assertEquals(frames.size(), read.size());
        BigDecimal first = (BigDecimal) read.get(0).get("t");
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Map<String, Object> m = read.get(i);
            String where = "frame " + (i + 1) + " " + m;
            assertEquals(BigDecimal.valueOf(f.id()), m.get("id"), where);
            assertEquals(f.extended(), m.get("ext"), where);
            assertEquals(f.data(), m.get("data"), where);
            assertEquals(f.rx(), m.get("rx"), where);
            assertEquals(BigDecimal.valueOf(f.channel() + 1), m.get("channel"), where + ": python-can's channel is the TRC bus number");
            long offset = ((BigDecimal) m.get("t")).subtract(first).movePointRight(6)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            assertEquals(f.micros() - frames.get(0).micros(), offset, where);
        }
    }

    private static List<String> python(String input, String... args) throws Exception {
        Path out = Files.createTempFile(bmswb.workDir, "python-can", ".jsonl");
        Path err = Files.createTempFile(bmswb.workDir, "python-can", ".err");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("trc_python_can.py did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "trc_python_can.py failed: " + readQuietly(err));
        return Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
