package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent cross-check of PGN 127508 and 127506 (guide 1.5.3) with canboat's JavaScript
 * implementation, {@code @canboat/canboatjs} as pinned in {@code src/test/node/package.json}:
 * frames canboat encodes decode in the real {@code bmswb decode --protocol nmea2000 --format jsonl}
 * to the values canboat was given, and frames our encoder writes decode in canboat to the values
 * we gave. canboat's units: volts, amperes, kelvin, seconds for the time remaining, coulombs for
 * the remaining capacity (1 Ah = 3600 C).
 *
 * <p>Needs {@code node} and {@code npm ci} in {@code src/test/node}; {@code .ci/run} provides both.
 * Without them the test fails, saying so.
 */
class Nmea2000CanboatIT {
    private static final Path ITESTS = Paths.get(System.getProperty("user.dir"));
    private static final Path NODE_PROJECT = ITESTS.resolve("src/test/node");
    private static final Path SCRIPT = ITESTS.resolve("src/test/resources/canboat/crosscheck.js");
    private static final String CANBOAT_VERSION = "3.20.0";
    private static final BigDecimal KELVIN = new BigDecimal("273.15");
    private static final BigDecimal COULOMBS_PER_AH = BigDecimal.valueOf(3600);

    private static Bmswb bmswb;
    private static Path work;

    @BeforeAll
    static void requireNodeAndCanboat() throws Exception {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("node does not run; .ci/run installs it (Debian nodejs npm)");
            }
        } catch (IOException e) {
            fail("node is not on the PATH; .ci/run installs it (Debian nodejs npm) and runs npm ci in " + NODE_PROJECT);
        }
        Path canboat = NODE_PROJECT.resolve("node_modules/@canboat/canboatjs/package.json");
        if (!Files.isRegularFile(canboat)) {
            fail("@canboat/canboatjs is not installed in " + NODE_PROJECT + "; run .ci/run, or npm ci there");
        }
        assertTrue(Files.readString(canboat).contains("\"version\": \"" + CANBOAT_VERSION + "\""),
                "@canboat/canboatjs " + CANBOAT_VERSION + " as pinned; run npm ci in " + NODE_PROJECT);
        bmswb = Bmswb.copy();
        work = bmswb.workDir;
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    // ---- (a) canboat encodes, bmswb decodes

    /** One message for canboat to encode, with the signals bmswb must decode from it. */
    private record Case(int pgn, int source, Map<String, Object> canboatFields, Map<String, String> signals) {
    }

    private static Case battery(int source, int instance, String volts, String amps, String celsius, int sid) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("instance", instance);
        Map<String, String> signals = new LinkedHashMap<>();
        String[] keys = switch (instance % 32) {
            case 0 -> new String[] {"pack.voltage", "pack.current", "pack.temperature"};
            case 1 -> new String[] {"cell.voltage.min", null, "cell.temperature.min"};
            default -> new String[] {"cell.voltage.max", null, "cell.temperature.max"};
        };
        if (volts != null) {
            fields.put("voltage", new BigDecimal(volts));
        }
        signals.put(keys[0], volts);
        if (keys[1] != null) {
            if (amps != null) {
                fields.put("current", new BigDecimal(amps));
            }
            signals.put(keys[1], amps);
        }
        if (celsius != null) {
            fields.put("temperature", new BigDecimal(celsius).add(KELVIN));
        }
        signals.put(keys[2], celsius);
        fields.put("sid", sid);
        return new Case(127508, source, fields, signals);
    }

    private static Case dc(int source, int instance, Integer soc, Integer minutes, Integer ampHours, int sid) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sid", sid);
        fields.put("instance", instance);
        fields.put("dcType", "Battery");
        if (soc != null) {
            fields.put("stateOfCharge", soc);
        }
        if (minutes != null) {
            fields.put("timeRemaining", minutes * 60);
        }
        if (ampHours != null) {
            fields.put("remainingCapacity", BigDecimal.valueOf(ampHours).multiply(COULOMBS_PER_AH));
        }
        Map<String, String> signals = new LinkedHashMap<>();
        signals.put("soc", soc == null ? null : soc.toString());
        signals.put("time_to_go", minutes == null ? null : minutes.toString());
        signals.put("capacity.remaining", ampHours == null ? null : ampHours.toString());
        return new Case(127506, source, fields, signals);
    }

    private static final List<Case> CANBOAT_CASES = List.of(
            battery(0x50, 0, "26.54", "-12.3", "25.0", 7),
            battery(0x50, 1, "3.31", null, "22.5", 7),
            battery(0x50, 2, "3.33", null, "25.0", 7),
            dc(0x50, 0, 87, 600, 174, 7),
            battery(0x51, 32, "52.48", "123.4", "37.1", 8),
            battery(0x51, 33, "3.12", null, "-5.25", 8),
            battery(0x51, 34, "3.65", null, "41.0", 8),
            dc(0x51, 32, 64, null, 64, 8),
            battery(0x50, 224, "-0.01", "-3000.0", "0.0", 9),
            battery(0x50, 225, "0.0", null, "-40.0", 9),
            battery(0x50, 226, "327.64", null, "100.0", 9),
            battery(0x52, 64, null, null, null, 10),
            dc(0x52, 64, null, null, null, 10),
            dc(0x50, 0, 100, 65532, 65532, 11),
            dc(0x50, 0, 0, 0, 0, 12));

    @Test
    void framesCanboatEncodesDecodeInBmswbToTheValuesCanboatWasGiven() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (Case c : CANBOAT_CASES) {
            json.append(json.length() > 1 ? ",\n" : "").append("{\"pgn\":").append(c.pgn).append(",\"prio\":6,\"src\":")
                    .append(c.source).append(",\"fields\":{");
            List<String> fields = new ArrayList<>();
            c.canboatFields.forEach((k, v) -> fields.add("\"" + k + "\":" + (v instanceof String ? "\"" + v + "\"" : v)));
            json.append(String.join(",", fields)).append("}}");
        }
        Path cases = Files.writeString(work.resolve("canboat-cases.json"), json.append("]\n"));
        String log = node("encode", cases);
        Path logFile = Files.writeString(work.resolve("canboat-encoded.log"), log);

        Bmswb.Result r = bmswb.run("decode", "--strict", "--protocol", "nmea2000", "--format", "jsonl", logFile.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(CANBOAT_CASES.size(), lines.size(), "one message per case\n" + log + r);
        for (int i = 0; i < lines.size(); i++) {
            Case c = CANBOAT_CASES.get(i);
            String line = lines.get(i);
            String where = "case " + i + " " + c + "\ncanboat wrote:\n" + log + "bmswb printed: " + line;
            assertTrue(line.contains("\"pgn\":" + c.pgn + ",\"source\":" + c.source + ","), where);
            assertTrue(line.contains(c.pgn == 127508 ? "\"message\":\"battery_status\"" : "\"message\":\"dc_detailed_status\""), where);
            Map<String, String> decoded = signals(line);
            assertEquals(new ArrayList<>(c.signals.keySet()), new ArrayList<>(decoded.keySet()), where);
            c.signals.forEach((key, expected) -> assertSameNumber(expected, decoded.get(key), where + "\n" + key));
        }
    }

    private static final Pattern SIGNAL = Pattern.compile("\"([a-z_.]+)\":(null|-?[0-9.E]+)");

    private static Map<String, String> signals(String jsonl) {
        String part = jsonl.substring(jsonl.indexOf("\"signals\":{") + 11);
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = SIGNAL.matcher(part);
        while (m.find()) {
            map.put(m.group(1), m.group(2).equals("null") ? null : m.group(2));
        }
        return map;
    }

    // ---- (b) we encode, canboat decodes

    @Test
    void framesWeEncodeDecodeInCanboatToTheValuesWeGave() throws Exception {
        Nmea2000Codec codec = new Nmea2000Codec();
        FastPacketEncoder encoder = new FastPacketEncoder();
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        add(inputs, messages, "battery_status", 0x50, 0, 3, "pack.voltage", 26.54, "pack.current", -12.3, "pack.temperature", 25.0);
        add(inputs, messages, "battery_status", 0x50, 0, 3, "cell.voltage.min", 3.31, "cell.temperature.min", 22.5);
        add(inputs, messages, "battery_status", 0x50, 0, 3, "cell.voltage.max", 3.33, "cell.temperature.max", 25.0);
        add(inputs, messages, "dc_detailed_status", 0x50, 0, 3, "soc", 87L, "time_to_go", 600L, "capacity.remaining", 174L);
        add(inputs, messages, "battery_status", 0x51, 96, 200, "pack.voltage", 51.2, "pack.current", 250.5, "pack.temperature", -10.55);
        add(inputs, messages, "battery_status", 0x51, 96, 200, "cell.voltage.min", 2.95, "cell.temperature.min", -12.0);
        add(inputs, messages, "battery_status", 0x51, 96, 200, "cell.voltage.max", 3.41, "cell.temperature.max", 0.0);
        add(inputs, messages, "dc_detailed_status", 0x51, 96, 200, "soc", 252L, "time_to_go", 65532L, "capacity.remaining", 65532L);
        add(inputs, messages, "battery_status", 0x52, 224, 0, "pack.voltage", null, "pack.current", null, "pack.temperature", null);
        add(inputs, messages, "battery_status", 0x52, 224, 0, "cell.voltage.min", -327.64, "cell.temperature.min", null);
        add(inputs, messages, "dc_detailed_status", 0x52, 224, 0, "soc", null, "time_to_go", null, "capacity.remaining", null);
        Map<String, Object> nineBytes = new HashMap<>(Map.of("soc", 50L, "time_to_go", 1L));
        nineBytes.put(Nmea2000Codec.OPTION_LENGTH, 9);
        add(inputs, messages, "dc_detailed_status", 0x50, 0, 252, nineBytes);

        StringBuilder log = new StringBuilder();
        long time = 1_600_000_000_000_000L;
        for (int i = 0; i < inputs.size(); i++) {
            for (CanFrame f : codec.encode(messages.get(i), inputs.get(i), "can0", time, encoder)) {
                log.append(String.format("(%d.%06d) can0 %s#%s%n", time / 1_000_000, time % 1_000_000, f.idHex(), f.dataHex()));
                time += 1_000;
            }
        }
        String decoded = node("decode", Files.writeString(work.resolve("ours.log"), log));
        List<String> lines = decoded.lines().toList();
        assertEquals(inputs.size(), lines.size(), "one message per input\nwe wrote:\n" + log + "canboat decoded:\n" + decoded);
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> in = inputs.get(i);
            Map<String, String> out = fields(lines.get(i));
            String where = "input " + i + " " + in + "\nwe wrote:\n" + log + "canboat decoded: " + lines.get(i);
            assertEquals(in.get(Nmea2000Codec.OPTION_SOURCE).toString(), out.get("src"), where);
            assertEquals("6", out.get("prio"), where);
            int base = (Integer) in.get(Nmea2000Codec.OPTION_DATA_INSTANCE);
            assertSameNumber(in.get(Nmea2000Codec.OPTION_SID).toString(), out.get("sid"), where);
            if (messages.get(i).equals("battery_status")) {
                assertEquals("127508", out.get("pgn"), where);
                String role = in.containsKey("pack.voltage") ? "pack" : in.containsKey("cell.voltage.min") ? "min" : "max";
                int instance = base + (role.equals("pack") ? 0 : role.equals("min") ? 1 : 2);
                assertEquals(Integer.toString(instance), out.get("instance"), where);
                String v = role.equals("pack") ? "pack.voltage" : "cell.voltage." + role;
                String t = role.equals("pack") ? "pack.temperature" : "cell.temperature." + role;
                assertSameNumber(text(in.get(v)), out.get("voltage"), where + "\nvoltage");
                assertSameNumber(role.equals("pack") ? text(in.get("pack.current")) : null, out.get("current"), where + "\ncurrent");
                assertSameNumber(in.get(t) == null ? null : new BigDecimal(text(in.get(t))).add(KELVIN).toString(),
                        out.get("temperature"), where + "\ntemperature");
            } else {
                assertEquals("127506", out.get("pgn"), where);
                assertEquals(Integer.toString(base), out.get("instance"), where);
                assertEquals("Battery", out.get("dcType"), where);
                assertSameNumber(text(in.get("soc")), out.get("stateOfCharge"), where + "\nsoc");
                assertSameNumber(text(in.get("time_to_go")), out.get("timeRemainingMinutes"), where + "\ntime remaining");
                assertSameNumber(in.get("capacity.remaining") == null ? null
                        : new BigDecimal(text(in.get("capacity.remaining"))).multiply(COULOMBS_PER_AH).toString(),
                        out.get("remainingCapacity"), where + "\nremaining capacity");
                assertNull(out.get("stateOfHealth"), where);
                assertNull(out.get("rippleVoltage"), where);
            }
        }
    }

    /** Issue 4: a recording of the simulated Master LV on NMEA 2000 reads the same in canboat as in bmswb. */
    @Test
    void aRecordingOfTheSimulatedMasterLvDecodesToTheSameValuesInCanboat() throws Exception {
        Path log = work.resolve("sim-nmea2000.log");
        Bmswb.Result rec = bmswb.run("record", "--connect", "sim:?protocol=nmea2000&speed=10", "--duration", "3",
                "-o", log.toString());
        assertEquals(0, rec.status(), rec::toString);
        Bmswb.Result ours = bmswb.run("decode", "--protocol", "nmea2000", "--format", "jsonl", log.toString());
        assertEquals(0, ours.status(), ours::toString);
        List<String> ourLines = ours.outLines().stream()
                .filter(l -> l.contains("\"pgn\":127508") || l.contains("\"pgn\":127506")).toList();
        List<String> theirs = node("decode", log).lines()
                .filter(l -> l.startsWith("pgn=127508 ") || l.startsWith("pgn=127506 ")).toList();
        assertTrue(ourLines.size() >= 8, "at least two 1500 ms cycles of four messages: " + ours);
        assertEquals(ourLines.size(), theirs.size(), "the same messages\nours:\n" + ourLines + "\ncanboat:\n" + theirs);
        for (int i = 0; i < ourLines.size(); i++) {
            Map<String, String> our = signals(ourLines.get(i));
            Map<String, String> their = fields(theirs.get(i));
            String where = "message " + i + "\nours: " + ourLines.get(i) + "\ncanboat: " + theirs.get(i);
            assertEquals("80", their.get("src"), where);
            if (their.get("pgn").equals("127508")) {
                String role = our.containsKey("pack.voltage") ? "pack" : our.containsKey("cell.voltage.min") ? "min" : "max";
                String v = role.equals("pack") ? "pack.voltage" : "cell.voltage." + role;
                String t = role.equals("pack") ? "pack.temperature" : "cell.temperature." + role;
                assertSameNumber(our.get(v), their.get("voltage"), where + "\nvoltage");
                if (role.equals("pack")) {
                    assertSameNumber(our.get("pack.current"), their.get("current"), where + "\ncurrent");
                }
                assertSameNumber(our.get(t) == null ? null : new BigDecimal(our.get(t)).add(KELVIN).toString(),
                        their.get("temperature"), where + "\ntemperature");
            } else {
                assertSameNumber(our.get("soc"), their.get("stateOfCharge"), where + "\nsoc");
                assertSameNumber(our.get("time_to_go"), their.get("timeRemainingMinutes"), where + "\ntime to go");
                assertSameNumber(our.get("capacity.remaining") == null ? null
                        : new BigDecimal(our.get("capacity.remaining")).multiply(COULOMBS_PER_AH).toString(),
                        their.get("remainingCapacity"), where + "\nremaining capacity");
            }
        }
    }

    private static void add(List<Map<String, Object>> inputs, List<String> messages, String message, int source, int dataInstance,
            int sid, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        add(inputs, messages, message, source, dataInstance, sid, values);
    }

    private static void add(List<Map<String, Object>> inputs, List<String> messages, String message, int source, int dataInstance,
            int sid, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(Nmea2000Codec.OPTION_SOURCE, source);
        all.put(Nmea2000Codec.OPTION_DATA_INSTANCE, dataInstance);
        all.put(Nmea2000Codec.OPTION_SID, sid);
        inputs.add(all);
        messages.add(message);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> map = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            map.put(part.substring(0, eq), part.substring(eq + 1).equals("null") ? null : part.substring(eq + 1));
        }
        return map;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void assertSameNumber(String expected, String actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
        } else {
            assertTrue(actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0,
                    where + ": expected " + expected + ", got " + actual);
        }
    }

    /** Runs the cross-check script; its standard output. */
    private static String node(String mode, Path file) throws Exception {
        Path out = Files.createTempFile(work, "node", ".out");
        Path err = Files.createTempFile(work, "node", ".err");
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString(), mode, file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("NODE_PATH", NODE_PROJECT.resolve("node_modules").toString());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node " + SCRIPT + " " + mode + " did not finish in 60 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "node " + SCRIPT + " " + mode + " failed:\n" + stderr);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
