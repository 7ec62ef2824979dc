package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.log.BlfReader;
import org.bmsworkbench.can.log.BlfWriter;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BLF reader and writer checked by an independent implementation: python-can's BLFReader and
 * BLFWriter (Debian's python3-can 4.1, run by /usr/bin/python3 through blf_python_can.py). python-can
 * writes classic, extended, remote, CAN FD and error frames (zlib containers of 128 KiB with objects
 * running on from one into the next, and uncompressed ones) that {@link BlfReader} reads frame for
 * frame as python-can reads them back itself; python-can reads what {@link BlfWriter} writes, to a
 * file (header completed) and to a stream (header placeholders), frame for frame. python-can 4.1
 * takes the header's SYSTEMTIME as local time, this workbench as UTC: python runs with TZ=UTC.
 *
 * <p>End to end with the real {@code bin/bmswb}: a {@code bmswb record -o x.blf} of {@code sim:} is
 * read by python-can frame for frame as {@code bmswb decode --all} prints it, its header complete;
 * a BLF python-can writes decodes exactly as the same frames written by python-can as candump
 * {@code -L}.
 */
class BlfCrossCheckIT {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get(System.getProperty("user.dir"), "src", "test", "resources",
            "blf_python_can.py");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** 2020-09-14 12:26:40.500 UTC: python-can 4.1 keeps the first time's fraction of a millisecond out of the header. */
    private static final long START = 1_600_086_400_500_000L;
    private static final int[] FD_LENGTHS = {0, 1, 5, 8, 12, 16, 20, 24, 32, 48, 64};

    private static final Pattern RECORDED = Pattern.compile("bmswb record: recorded (\\d+) frames to x\\.blf\n");
    private static final String SAMPLE = "mg-master-lv-sma.log";

    @TempDir
    Path dir;

    private static Bmswb bmswb;

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    @BeforeAll
    static void requirePythonCan() throws Exception {
        String hint = "the BLF cross-check needs Debian's python3-can for /usr/bin/python3 (not a pyenv python):"
                + " apt-get install python3-can";
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing; " + hint);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import can; can.BLFReader").redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(hint + ". Python said: " + output.strip());
        }
        bmswb = Bmswb.copy();
    }

    /** Frames of every kind python-can and BLF carry, on channels 0..2, 50..800 µs apart. */
    private static List<CanFrame> frames(int count, long seed, boolean errorFramesSent) {
        Random random = new Random(seed);
        List<CanFrame> frames = new ArrayList<>();
        long time = START;
        for (int i = 0; i < count; i++) {
            String bus = "can" + random.nextInt(3);
            boolean extended = random.nextBoolean();
            int id = extended ? random.nextInt(CanFrame.MAX_EXTENDED_ID + 1) : random.nextInt(CanFrame.MAX_STANDARD_ID + 1);
            Direction direction = random.nextInt(4) == 0 ? Direction.TX : Direction.RX;
            int kind = random.nextInt(10);
            CanFrame frame;
            if (kind < 5) {
                byte[] data = new byte[random.nextInt(9)];
                random.nextBytes(data);
                frame = CanFrame.of(time, bus, id, extended, data).withDirection(direction);
            } else if (kind == 5) {
                frame = CanFrame.remote(time, bus, id, extended, random.nextInt(9)).withDirection(direction);
            } else if (kind < 9) {
                byte[] data = new byte[FD_LENGTHS[random.nextInt(FD_LENGTHS.length)]];
                random.nextBytes(data);
                frame = CanFrame.fd(time, bus, id, extended, random.nextBoolean(), random.nextBoolean(), data)
                        .withDirection(direction);
            } else {
                byte[] data = new byte[8];
                random.nextBytes(data);
                frame = CanFrame.error(time, bus, random.nextInt(CanFrame.MAX_EXTENDED_ID + 1), data);
                if (errorFramesSent && direction == Direction.TX) {
                    frame = frame.withDirection(Direction.TX);
                }
            }
            frames.add(frame);
            time += 50 + random.nextInt(750);
        }
        return frames;
    }

    @Test
    void readsWhatPythonCanWritesAsPythonCanReadsIt() throws Exception {
        readWhatPythonCanWrites(frames(20_000, 41, false), "-1");
    }

    @Test
    void readsWhatPythonCanWritesWithoutCompression() throws Exception {
        readWhatPythonCanWrites(frames(3_000, 44, false), "0");
    }

    private void readWhatPythonCanWrites(List<CanFrame> frames, String level) throws Exception {
        Path blf = dir.resolve("python-can.blf");
        StringBuilder json = new StringBuilder();
        for (CanFrame f : frames) {
            json.append(json(f)).append('\n');
        }
        python(json.toString(), "write", blf, level);
        List<CanFrame> theirs = python(null, "read", blf).stream().map(BlfCrossCheckIT::frame).toList();
        List<CanFrame> ours = read(blf);
        assertEquals(frames.size(), theirs.size(), "python-can reads back what it wrote");
        assertEquals(frames.size(), ours.size(), "frames read");
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(theirs.get(i), ours.get(i), "frame " + i + " as python-can reads it");
            assertEquals(frames.get(i), ours.get(i), "frame " + i + " as written");
        }
    }

    @Test
    void pythonCanReadsWhatWeWriteToAFile() throws Exception {
        List<CanFrame> frames = frames(20_000, 42, true);
        Path blf = dir.resolve("ours.blf");
        try (CanLogWriter writer = new BlfWriter(blf)) {
            write(writer, frames);
        }
        compareWithPythonCan(frames, blf);
        Map<String, Object> header = header(blf);
        assertEquals(new BigDecimal(frames.size()), header.get("object_count"));
        assertEquals(new BigDecimal(Files.size(blf)), header.get("file_size"));
        assertEquals(new BigDecimal(START).movePointLeft(6).stripTrailingZeros(),
                ((BigDecimal) header.get("start")).stripTrailingZeros());
    }

    @Test
    void pythonCanReadsWhatWeWriteToAStreamWithPlaceholdersInTheHeader() throws Exception {
        List<CanFrame> frames = frames(5_000, 43, true);
        Path blf = dir.resolve("stream.blf");
        try (CanLogWriter writer = new BlfWriter(new FilterOutputStream(new FileOutputStream(blf.toFile())))) {
            for (int i = 0; i < frames.size(); i++) {
                writer.write(frames.get(i));
                if (i % 700 == 0) {
                    writer.flush(); // as the recorder does: small containers
                }
            }
        }
        compareWithPythonCan(frames, blf);
        Map<String, Object> header = header(blf);
        assertEquals(BigDecimal.ZERO, header.get("object_count"), "placeholder");
    }

    @Test
    void pythonCanReadsWhatBmswbRecordsFrameForFrameAsDecodeAllPrintsIt() throws Exception {
        Bmswb.Result record = bmswb.run("record", "--connect", "sim:?speed=10", "--duration", "3", "-o", "x.blf");
        assertEquals(0, record.status(), record::toString);
        Matcher m = RECORDED.matcher(record.err());
        assertTrue(m.find(), record::toString);
        int recorded = Integer.parseInt(m.group(1));
        assertTrue(recorded > 50, record::toString);
        Path blf = bmswb.workDir.resolve("x.blf");

        Map<String, Object> header = header(blf);
        assertEquals(new BigDecimal(recorded), header.get("object_count"), "the header completed when record closed the file");
        assertEquals(new BigDecimal(Files.size(blf)), header.get("file_size"));

        List<Object> theirs = python(null, "read", blf);
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--all", "--format", "jsonl", "x.blf");
        assertEquals(0, decoded.status(), decoded::toString);
        List<String> lines = decoded.outLines();
        assertEquals(recorded, theirs.size(), "frames python-can read");
        assertEquals(recorded, lines.size(), "one line a frame (General BMS: one frame a message)");
        // decode prints the data of the frames no protocol decodes; the sim's General BMS frames are
        // all 11-bit, which NMEA 2000 (29-bit only) never decodes: decoded with it, every frame shows its data
        Bmswb.Result raw = bmswb.run("decode", "--strict", "--all", "--protocol", "nmea2000", "--format", "jsonl", "x.blf");
        assertEquals(0, raw.status(), raw::toString);
        List<String> rawLines = raw.outLines();
        assertEquals(recorded, rawLines.size(), raw::toString);
        int unknown = 0;
        for (int i = 0; i < recorded; i++) {
            CanFrame f = frame(theirs.get(i));
            Map<String, Object> line = Json.object(lines.get(i));
            Map<String, Object> rawLine = Json.object(rawLines.get(i));
            String where = "frame " + i + ": python-can " + theirs.get(i) + ", bmswb " + lines.get(i);
            assertEquals(new BigDecimal(f.timestampMicros()).movePointLeft(6).stripTrailingZeros(),
                    ((BigDecimal) line.get("time")).stripTrailingZeros(), where);
            assertEquals("0x" + f.idHex(), line.get("can_id"), where);
            assertEquals(f.bus(), line.get("bus"), where);
            assertFalse(f.fd() || f.error() || f.remote() || f.extended(), where);
            if (line.containsKey("data")) {
                assertEquals(f.dataHex(), line.get("data"), where);
                unknown++;
            }
            assertEquals("0x" + f.idHex(), rawLine.get("can_id"), where);
            assertEquals("unknown", rawLine.get("message"), where);
            assertEquals(f.dataHex(), rawLine.get("data"), where);
        }
        assertTrue(unknown < recorded, "the sim's frames decode");
    }

    @Test
    void aBlfPythonCanWritesDecodesAsTheSameFramesInCandump() throws Exception {
        // the shipped sample (SMA frames of an MG Master LV) and then frames no protocol decodes, CAN FD among them
        List<CanFrame> frames = new ArrayList<>();
        try (CanLogReader reader = CanLogs.open(bmswb.home.resolve("samples").resolve(SAMPLE), null, null)) {
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                frames.add(f);
            }
        }
        assertFalse(frames.isEmpty(), "frames in the sample");
        // python-can 4.1 writes the BLF start to the millisecond and the times from the exact first
        // time: start on a whole millisecond so that both logs hold the same times
        long shift = Math.floorMod(frames.get(0).timestampMicros(), 1000L);
        List<CanFrame> all = new ArrayList<>();
        for (CanFrame f : frames) {
            all.add(f.withTimestamp(f.timestampMicros() - shift));
        }
        long end = all.get(all.size() - 1).timestampMicros();
        // python-can's candump writer keeps no DLC of a remote frame nor the class of an error frame: none of those
        // the random frames keep out of 0x300..0x3FF, where SMA and General BMS frames are (one of those too short
        // would be skipped as malformed, not printed)
        for (CanFrame f : frames(2_000, 45, false)) {
            if (!f.remote() && !f.error() && (f.extended() || (f.id() & 0x700) != 0x300)) {
                all.add(f.withTimestamp(f.timestampMicros() - START + end + 1000));
            }
        }
        StringBuilder json = new StringBuilder();
        for (CanFrame f : all) {
            json.append(json(f)).append('\n');
        }
        Path blf = bmswb.workDir.resolve("python-can.blf");
        Path candump = bmswb.workDir.resolve("python-can.log");
        python(json.toString(), "write", blf, "-1");
        python(json.toString(), "candump", candump);

        Bmswb.Result fromBlf = bmswb.run("decode", "--format", "jsonl", blf.getFileName().toString());
        Bmswb.Result fromCandump = bmswb.run("decode", "--format", "jsonl", candump.getFileName().toString());
        assertEquals(0, fromBlf.status(), fromBlf::toString);
        assertEquals(0, fromCandump.status(), fromCandump::toString);
        assertTrue(fromCandump.out().contains("\"pack.voltage\":"), fromCandump::toString);
        assertEquals(fromCandump.outLines(), fromBlf.outLines());

        Bmswb.Result allFromBlf = bmswb.run("decode", "--all", "--format", "jsonl", blf.getFileName().toString());
        Bmswb.Result allFromCandump = bmswb.run("decode", "--all", "--format", "jsonl", candump.getFileName().toString());
        assertEquals(0, allFromBlf.status(), allFromBlf::toString);
        assertEquals(all.size(), allFromCandump.outLines().size(), allFromCandump::toString);
        assertTrue(allFromCandump.out().contains("\"fd\":true}"), "CAN FD frames among them");
        assertEquals(allFromCandump.outLines(), allFromBlf.outLines());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> header(Path blf) throws Exception {
        return (Map<String, Object>) python(null, "header", blf).get(0);
    }

    private static void write(CanLogWriter writer, List<CanFrame> frames) throws IOException {
        for (CanFrame f : frames) {
            writer.write(f);
        }
    }

    private void compareWithPythonCan(List<CanFrame> frames, Path blf) throws Exception {
        List<Object> theirs = python(null, "read", blf);
        assertEquals(frames.size(), theirs.size(), "frames python-can read");
        for (int i = 0; i < frames.size(); i++) {
            CanFrame expected = frames.get(i);
            CanFrame read = frame(theirs.get(i));
            if (expected.error()) {
                // python-can keeps no direction for an error frame (BLF's CAN_ERROR_EXT has none it reads)
                read = read.withDirection(expected.direction());
            }
            assertEquals(expected, read, "frame " + i + ": python-can read " + theirs.get(i));
        }
    }

    private static List<CanFrame> read(Path blf) throws IOException, LogParseException {
        List<CanFrame> frames = new ArrayList<>();
        try (InputStream in = Files.newInputStream(blf); BlfReader reader = new BlfReader(in, blf.toString(), null)) {
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                frames.add(f);
            }
            assertEquals(0, reader.skippedObjects());
        }
        return frames;
    }

    private static String json(CanFrame f) {
        return String.format("{\"us\":%d,\"channel\":%s,\"id\":%d,\"ext\":%b,\"remote\":%b,\"error\":%b,\"fd\":%b,"
                + "\"brs\":%b,\"esi\":%b,\"rx\":%b,\"dlc\":%d,\"data\":\"%s\"}", f.timestampMicros(),
                f.bus().substring(3), f.id(), f.extended(), f.remote(), f.error(), f.fd(), f.brs(), f.esi(),
                f.direction() == Direction.RX, f.dlc(), f.dataHex());
    }

    /** A message as blf_python_can.py prints it, as the frame it stands for. */
    @SuppressWarnings("unchecked")
    private static CanFrame frame(Object line) {
        Map<String, Object> m = (Map<String, Object>) line;
        long us = ((BigDecimal) m.get("us")).longValueExact();
        String bus = "can" + ((BigDecimal) m.get("channel")).intValueExact();
        int id = ((BigDecimal) m.get("id")).intValueExact();
        boolean extended = (Boolean) m.get("ext");
        int dlc = ((BigDecimal) m.get("dlc")).intValueExact();
        byte[] data = HEX.parseHex((String) m.get("data"));
        CanFrame f;
        if ((Boolean) m.get("error")) {
            f = CanFrame.error(us, bus, id, data);
        } else if ((Boolean) m.get("fd")) {
            f = CanFrame.fd(us, bus, id, extended, (Boolean) m.get("brs"), (Boolean) m.get("esi"), data);
        } else if ((Boolean) m.get("remote")) {
            f = CanFrame.remote(us, bus, id, extended, dlc);
        } else {
            f = CanFrame.of(us, bus, id, extended, data);
        }
        assertEquals(f.dlc(), dlc, "python-can's DLC of " + m);
        return (Boolean) m.get("rx") ? f : f.withDirection(Direction.TX);
    }

    /** Runs blf_python_can.py; returns the JSON lines it printed. */
    private List<Object> python(String input, String command, Path blf, String... more) throws Exception {
        Path out = Files.createTempFile(dir, "python-can", ".jsonl");
        Path err = Files.createTempFile(dir, "python-can", ".err");
        List<String> commandLine = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(), command, blf.toString()));
        commandLine.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(commandLine).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("blf_python_can.py " + command + " did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "blf_python_can.py " + command + " failed: " + readQuietly(err));
        return Files.readAllLines(out).stream().filter(l -> !l.isBlank()).map(Json::parse).toList();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
