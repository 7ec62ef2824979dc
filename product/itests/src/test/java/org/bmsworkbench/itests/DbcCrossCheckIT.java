package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bmswb dbc export} checked by an independent decoder: the exported DBC file, loaded by
 * canmatrix (Debian's python3-canmatrix, run by /usr/bin/python3 through dbc_decode.py), decodes
 * the same frames to the same values as {@code bmswb decode --format jsonl}, signal by signal:
 * numbers exactly, alarms by their raw state, markers as the raw marker, texts and the firmware
 * from their bytes. Every DBC signal of every frame is compared.
 */
class DbcCrossCheckIT {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get(System.getProperty("user.dir"), "src", "test", "resources",
            "dbc_decode.py");
    private static final Set<Long> MARKERS = Set.of(0xFFFFL, -0x8000L, 0xFFFF_FFFFL);
    private static final Map<Integer, Integer> SMA_LENGTHS = Map.of(0x351, 8, 0x355, 6, 0x356, 6, 0x35A, 8, 0x35B, 1,
            0x35E, 8, 0x35F, 8);
    private static final Map<Integer, Integer> GENERAL_BMS_OWN_LENGTHS = Map.of(0x373, 8, 0x378, 8, 0x380, 8, 0x381, 8);

    private static Bmswb bmswb;

    @BeforeAll
    static void requireCanmatrixAndCopyProduct() throws Exception {
        String hint = "the DBC cross-check needs Debian's python3-canmatrix for /usr/bin/python3 (not a pyenv python):"
                + " run .ci/run, which installs it, or apt-get install python3-canmatrix";
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing; " + hint);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import canmatrix.formats").redirectErrorStream(true)
                .start();
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

    private static Path fixture(String bundle, String name) {
        return Paths.get(System.getProperty("user.dir"), "..", "..", "bundles", bundle, "src", "test", "resources", name)
                .normalize();
    }

    @Test
    void smaGuideLogDecodesAlikeThroughTheDbc() throws Exception {
        int compared = crossCheck("sma", fixture("org.bmsworkbench.protocol.sma", "sma-guide.log"));
        assertEquals(57, compared, "signals compared: 9 frames of guide 1.3.2, every DBC signal");
    }

    @Test
    void generalBmsGuideLogDecodesAlikeThroughTheDbc() throws Exception {
        int compared = crossCheck("general-bms", fixture("org.bmsworkbench.protocol.generalbms", "general-bms-guide.log"));
        assertEquals(92, compared, "signals compared: 16 frames of guide 1.4.2, every DBC signal");
    }

    @Test
    void randomSmaFramesDecodeAlikeThroughTheDbc() throws Exception {
        Path log = bmswb.write("random-sma.log", randomLog(new Random(1_3_2), SMA_LENGTHS, 40));
        assertTrue(crossCheck("sma", log) > 40 * 7);
    }

    @Test
    void randomGeneralBmsFramesDecodeAlikeThroughTheDbc() throws Exception {
        Map<Integer, Integer> lengths = new java.util.HashMap<>(SMA_LENGTHS);
        lengths.putAll(GENERAL_BMS_OWN_LENGTHS);
        Path log = bmswb.write("random-general-bms.log", randomLog(new Random(1_4_2), lengths, 40));
        assertTrue(crossCheck("general-bms", log) > 40 * 11);
    }

    /** Frames of the given ids and lengths with random bytes, markers sprinkled in, in candump -L. */
    private static String randomLog(Random random, Map<Integer, Integer> lengths, int perId) {
        List<Integer> ids = new ArrayList<>(new java.util.TreeSet<>(lengths.keySet()));
        StringBuilder sb = new StringBuilder();
        long micros = 1_600_000_000_000_000L;
        for (int n = 0; n < perId; n++) {
            for (int id : ids) {
                byte[] data = new byte[lengths.get(id)];
                random.nextBytes(data);
                for (int i = 0; i + 1 < data.length; i += 2) {
                    int dice = random.nextInt(8);
                    if (dice == 0) {
                        data[i] = (byte) 0xFF;
                        data[i + 1] = (byte) 0xFF;
                    } else if (dice == 1) {
                        data[i] = 0;
                        data[i + 1] = (byte) 0x80;
                    }
                }
                if (id == 0x378 && random.nextInt(4) == 0) {
                    java.util.Arrays.fill(data, random.nextBoolean() ? 0 : 4, random.nextBoolean() ? 4 : 8, (byte) 0xFF);
                }
                micros += 10_000;
                sb.append(String.format("(%d.%06d) can0 %03X#%s%n", micros / 1_000_000, micros % 1_000_000, id,
                        HexFormat.of().withUpperCase().formatHex(data)));
            }
        }
        return sb.toString();
    }

    /** Exports the protocol's DBC, decodes the log both ways, compares; returns the number of signals compared. */
    private static int crossCheck(String protocol, Path log) throws Exception {
        Path dbc = bmswb.workDir.resolve(protocol + ".dbc");
        Bmswb.Result export = bmswb.run("dbc", "export", "--protocol", protocol, "-o", dbc.toString());
        assertEquals(0, export.status(), export::toString);
        Bmswb.Result decode = bmswb.run("decode", "--strict", "--protocol", protocol, "--format", "jsonl", log.toString());
        assertEquals(0, decode.status(), decode::toString);
        List<Map<String, Object>> ours = decode.outLines().stream().map(Json::object).toList();
        List<Map<String, Object>> theirs = canmatrix(dbc, log).stream().filter(m -> m.get("signals") != null).toList();
        assertEquals(ours.size(), theirs.size(), "messages: bmswb decoded " + ours.size() + ", the DBC " + theirs.size());
        SerialHalves serial = new SerialHalves();
        int compared = 0;
        for (int i = 0; i < ours.size(); i++) {
            compared += compare(ours.get(i), theirs.get(i), serial, log.getFileName() + " message " + (i + 1));
        }
        return compared;
    }

    private static List<Map<String, Object>> canmatrix(Path dbc, Path log) throws Exception {
        Path out = Files.createTempFile(bmswb.workDir, "canmatrix", ".jsonl");
        Path err = Files.createTempFile(bmswb.workDir, "canmatrix", ".err");
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), dbc.toString(), log.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("dbc_decode.py did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "dbc_decode.py failed: " + readQuietly(err));
        return Files.readAllLines(out).stream().filter(l -> !l.isBlank()).map(Json::object).toList();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The raw bytes of both serial halves as canmatrix decoded them. */
    private static final class SerialHalves {
        final long[] chars = new long[16];
        boolean high;
        boolean low;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Map<String, Object> ours, Map<String, Object> theirs, SerialHalves serial, String where) {
        assertEquals(ours.get("can_id"), theirs.get("can_id"), where);
        where += " (" + ours.get("can_id") + " " + ours.get("message") + ")";
        Map<String, Object> values = (Map<String, Object>) ours.get("signals");
        Map<String, Map<String, Object>> dbc = (Map<String, Map<String, Object>>) theirs.get("signals");
        Set<String> used = new HashSet<>();
        String canId = (String) ours.get("can_id");
        if (canId.equals("0x380") || canId.equals("0x381")) {
            int first = canId.equals("0x380") ? 1 : 9;
            for (int i = 0; i < 8; i++) {
                serial.chars[first - 1 + i] = raw(dbc, "bms_serial_char" + (first + i), used, where);
            }
            serial.high |= first == 1;
            serial.low |= first == 9;
            assertEquals(serial.high && serial.low, values.containsKey("bms.serial"), where + ": serial emitted once both halves are known");
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            String at = where + " " + key;
            if (key.equals("bms.serial")) {
                assertEquals(value, text(serial.chars), at);
            } else if (key.equals("bms.manufacturer")) {
                long[] chars = new long[8];
                for (int i = 0; i < 8; i++) {
                    chars[i] = raw(dbc, "bms_manufacturer_char" + (i + 1), used, at);
                }
                assertEquals(value, text(chars), at);
            } else if (key.equals("bms.firmware")) {
                long major = raw(dbc, "bms_firmware_major", used, at);
                long minor = raw(dbc, "bms_firmware_minor", used, at);
                assertEquals(value, major == 0xFF && minor == 0xFF ? null : major + (minor < 10 ? ".0" : ".") + minor, at);
            } else if (key.startsWith("alarm.") || key.startsWith("warning.")) {
                String name = key.replace('.', '_');
                long raw = raw(dbc, name, used, at);
                assertEquals(value, raw == 1 ? "raised" : raw == 2 ? "cleared" : null, at);
                assertEquals(List.of("none", "raised", "cleared", "invalid").get((int) raw), dbc.get(name).get("named"), at);
            } else if (key.startsWith("event.")) {
                assertEquals(value, raw(dbc, key.replace('.', '_'), used, at) == 1, at);
            } else {
                String name = key.replace('.', '_');
                long raw = raw(dbc, name, used, at);
                if (value == null) {
                    assertTrue(MARKERS.contains(raw), at + ": null, but the DBC's raw value is " + raw);
                } else {
                    BigDecimal physical = new BigDecimal((String) dbc.get(name).get("phys"));
                    assertEquals(0, physical.compareTo((BigDecimal) value), at + ": bmswb " + value + ", DBC " + physical);
                }
            }
        }
        assertEquals(dbc.keySet(), used, where + ": every DBC signal compared");
        return used.size();
    }

    private static long raw(Map<String, Map<String, Object>> dbc, String name, Set<String> used, String where) {
        Map<String, Object> signal = dbc.get(name);
        assertNotNull(signal, where + ": the DBC has no signal " + name + " (it has " + dbc.keySet() + ")");
        used.add(name);
        return ((BigDecimal) signal.get("raw")).longValueExact();
    }

    /** ASCII from bytes: trailing NUL, 0xFF and space are padding, others outside printable ASCII show as '?'. */
    private static String text(long[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == 0xFF || bytes[end - 1] == ' ')) {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            sb.append(bytes[i] >= 0x20 && bytes[i] < 0x7F ? (char) bytes[i] : '?');
        }
        return end == 0 ? null : sb.toString();
    }
}
