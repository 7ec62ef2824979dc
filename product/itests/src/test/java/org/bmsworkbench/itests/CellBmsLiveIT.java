package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cell-level BMSes live through the real {@code bin/bmswb}: {@code monitor --format jsonl} on the
 * simulated JBD and Daly ({@code sim:?device=jbd|daly}) shows every cell; a JBD served by
 * {@code bmswb simulate --serve serial:PTY} on a socat pty pair is monitored over {@code serial:} and
 * recorded to a serial trace (our requests as {@code tx} lines, its answers as {@code rx}) that
 * {@code decode} reads back. Needs socat ({@code .ci/run} installs it).
 */
class CellBmsLiveIT {
    private static final Pattern TRACE_LINE = Pattern.compile("\\((\\d+\\.\\d{6})\\) host (rx|tx) ([0-9A-F]+)");
    private static final Pattern RECORDED = Pattern.compile("bmswb record: recorded (\\d+) (frames|chunks) to (\\S+)\n");

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        ServedBms.socat();
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    /** The records of {@code monitor}/{@code decode} JSONL, each checked for the shape of a serial BMS's record. */
    private static List<Map<String, Object>> records(Bmswb.Result r, String protocol, String bus) {
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.outLines().isEmpty(), r::toString);
        String idKey = protocol.equals("jbd") ? "register" : "data_id";
        List<Map<String, Object>> records = r.outLines().stream().map(Json::object).toList();
        for (Map<String, Object> o : records) {
            assertEquals(List.of("time", "bus", "protocol", idKey, "message", "signals"), List.copyOf(o.keySet()),
                    o::toString);
            assertEquals(protocol, o.get("protocol"), o::toString);
            assertEquals(bus, o.get("bus"), o::toString);
        }
        return records;
    }

    /** Every key of the records with its last value. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> latest(List<Map<String, Object>> records) {
        Map<String, Object> signals = new LinkedHashMap<>();
        records.forEach(o -> signals.putAll((Map<String, Object>) o.get("signals")));
        return signals;
    }

    /** Cells 1..N with a voltage of a LiFePO4 cell and a balancing flag, no cell N+1; sensors 1..S. */
    private static void assertEveryCell(Map<String, Object> signals, int cells, int sensors) {
        for (int n = 1; n <= cells; n++) {
            Object v = signals.get("cell." + n + ".voltage");
            assertTrue(v instanceof BigDecimal d && d.doubleValue() > 2.5 && d.doubleValue() < 3.7,
                    "cell." + n + ".voltage is " + v + " in " + signals);
            assertTrue(signals.get("cell." + n + ".balancing") instanceof Boolean, "cell." + n + ".balancing in " + signals);
        }
        assertFalse(signals.containsKey("cell." + (cells + 1) + ".voltage"), signals::toString);
        assertFalse(signals.containsKey("cell." + (cells + 1) + ".balancing"), signals::toString);
        for (int s = 1; s <= sensors; s++) {
            Object t = signals.get("temperature." + s);
            assertTrue(t instanceof BigDecimal d && d.doubleValue() > 0 && d.doubleValue() < 50,
                    "temperature." + s + " is " + t + " in " + signals);
        }
        assertEquals(0, new BigDecimal(cells).compareTo((BigDecimal) signals.get("cell.count")), signals::toString);
        assertTrue(signals.get("fet.charge") instanceof Boolean && signals.get("fet.discharge") instanceof Boolean,
                signals::toString);
        assertTrue(signals.get("pack.voltage") instanceof BigDecimal && signals.get("soc") instanceof BigDecimal,
                signals::toString);
    }

    private static Set<String> messages(List<Map<String, Object>> records) {
        Set<String> names = new TreeSet<>();
        records.forEach(o -> names.add((String) o.get("message")));
        return names;
    }

    @Test
    void monitorShowsEveryCellOfTheSimulatedJbd() {
        Bmswb.Result r = bmswb.run("monitor", "--connect", "sim:?device=jbd&poll=250", "--duration", "4", "--format",
                "jsonl");
        List<Map<String, Object>> records = records(r, "jbd", "jbd0");
        assertEquals(Set.of("basic_info", "cell_voltages", "hardware"), messages(records), r::toString);
        Map<String, Object> signals = latest(records);
        assertEveryCell(signals, 16, 2);
        assertEquals("JBD-SP16S-SIM01", signals.get("bms.model"), signals::toString);
        assertTrue(records.stream().filter(o -> "basic_info".equals(o.get("message")))
                .allMatch(o -> "0x03".equals(o.get("register"))), r::toString);
    }

    @Test
    void monitorShowsEveryCellOfTheSimulatedDaly() {
        Bmswb.Result r = bmswb.run("monitor", "--connect", "sim:?device=daly&cells=16&poll=250", "--duration", "4",
                "--format", "jsonl");
        List<Map<String, Object>> records = records(r, "daly", "daly0");
        assertTrue(messages(records).containsAll(Set.of("soc", "mosfet_status", "status_info", "cell_voltages",
                "cell_temperatures", "cell_balance", "failure_codes")), r::toString);
        Map<String, Object> signals = latest(records);
        assertEveryCell(signals, 16, 2);
        assertTrue(records.stream().filter(o -> "soc".equals(o.get("message")))
                .allMatch(o -> "0x90".equals(o.get("data_id"))), r::toString);
    }

    @Test
    void aJbdServedOnAPtyIsMonitoredAndRecordedOverSerial() throws Exception {
        try (ServedBms jbd = ServedBms.start(bmswb, 60, "--device", "jbd")) {
            String uri = jbd.uri("protocol=jbd&poll=250");
            Bmswb.Result r = bmswb.run("monitor", "--connect", uri, "--duration", "4", "--format", "jsonl");
            List<Map<String, Object>> records = records(r, "jbd", "host");
            assertEquals(Set.of("basic_info", "cell_voltages", "hardware"), messages(records), () -> r + "\n" + jbd);
            assertEveryCell(latest(records), 16, 2);

            Bmswb.Result record = bmswb.run("record", "--connect", uri, "--duration", "3", "-o", "jbd.log");
            assertEquals(0, record.status(), () -> record + "\n" + jbd);
            Matcher m = RECORDED.matcher(record.err());
            assertTrue(m.find(), record::toString);
            List<String> lines = Files.readAllLines(bmswb.workDir.resolve("jbd.log"));
            assertEquals(Long.parseLong(m.group(1)), lines.size(), record::toString);
            Set<String> directions = new TreeSet<>();
            BigDecimal previous = BigDecimal.ZERO;
            for (String line : lines) {
                Matcher l = TRACE_LINE.matcher(line);
                assertTrue(l.matches(), line);
                directions.add(l.group(2));
                // the poller stamps a request as it sends it and the port reader a chunk as it reads it, each
                // with its own clock: in order to within the millisecond between those clocks
                BigDecimal time = new BigDecimal(l.group(1));
                assertTrue(time.compareTo(previous.subtract(new BigDecimal("0.001"))) >= 0,
                        "each chunk at the time it was written or read: " + line + " after " + previous + " in " + lines);
                previous = previous.max(time);
            }
            assertEquals(Set.of("rx", "tx"), directions, "our requests and the BMS's answers: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(" tx DDA50300FFFD77")), "the read of 0x03: " + lines);

            Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "jbd.log");
            List<Map<String, Object>> back = records(decoded, "jbd", "host");
            assertTrue(messages(back).containsAll(Set.of("basic_info", "cell_voltages")), decoded::toString);
            assertEveryCell(latest(back), 16, 2);
        }
    }
}
