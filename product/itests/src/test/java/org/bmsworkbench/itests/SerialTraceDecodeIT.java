package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Serial traces (docs/SIGNALS.md, "Cell-level BMS makes over serial") written here by hand from
 * replies that public sources quote byte for byte — the same frames, with the same sources, as
 * {@code JbdPublicFramesTest} and {@code DalyPublicFramesTest} of the protocol bundles — read by the
 * real {@code bin/bmswb}: {@code decode --format jsonl} (auto-detected, {@code --protocol auto}, named,
 * {@code --all}) and {@code monitor} on a {@code replay:} of the trace carry the values the sources
 * state. Each trace has our requests as {@code tx} lines, replies split over two lines, two replies on
 * one line, bytes no frame starts with, and a line that is no trace line at all.
 */
class SerialTraceDecodeIT {
    /**
     * Two JBD boards. ttyUSB0: JBD "Software Board General Protocol V4" 0x03 example (as transcribed at
     * jblance.github.io/powermon/protocol_docs/jkv4/ and in Overkill Solar's "JBD Protocol English
     * version.pdf": 58.88 V, 0 A, 7.2 of 10 Ah, made 2016-03-24, version 1.0, 72 %, both MOSFETs on,
     * 15 cells, 20.3 and 21.5 °C), then the V13 document's 0x04 and 0x05 replies (github
     * mahmoudamr1205/Electra_Bike, JBD_BMS/Software_Board_Universal_Protocol_V13.md, 3.2 and 3.3: 15
     * cells 3.942 … 3.901 V, name "0123456789"); the requests are the ones JBDTools sends (github
     * simat/BatteryMonitor wiki). ttyUSB1: the JBD-SP04S034 of syssi/esphome-jbd-bms
     * (components/jbd_bms/jbd_bms.cpp, the example response and the fake traffic of update()):
     * 15.59 V, 4.99 of 5 Ah, version 8.0, 100 %, 4 cells 3.909/3.901/3.895/3.901 V, 22.6/22.5/22.1 °C.
     */
    private static final String JBD_TRACE = """
            # JBD "Software Board General Protocol V4" / V13 examples on ttyUSB0
            (1600000000.000000) ttyUSB0 tx DDA50300FFFD77
            (1600000000.052311) ttyUSB0 rx DD03001B1700000002D003E8
            (1600000000.061002) ttyUSB0 rx 000020780000000000001048030F020B760B82FBFF77
            (1600000000.100000) ttyUSB0 tx DD A5 04 00 FF FC 77
            (1600000000.151000) ttyUSB0 rx DD04001E0F660F630F630F640F3E0F630F370F5B0F650F3B0F630F630F3C0F660F3DF9F977
            (1600000000.200000) ttyUSB0 tx DDA50500FFFB77
            (1600000000.243000) ttyUSB0 rx 00FF13DD05000A30313233343536373839FDE977
            the logger lost its place here
            # syssi/esphome-jbd-bms JBD-SP04S034 on ttyUSB1: 0x03 and 0x04 on one line, 0x05 over two
            (1600000001.000000) ttyUSB1 tx DDA50300FFFD77
            (1600000001.050000) ttyUSB1 tx DDA50400FFFC77
            (1600000001.090000) ttyUSB1 rx DD03001D0617000001F301F400002C7C00000000000080640304030B8D0B8C0B88FA8577DD0400080F450F3D0F370F3DFEC677
            (1600000001.100000) ttyUSB1 tx DDA50500FFFB77
            (1600000001.131000) ttyUSB1 rx DD0500194A42442D5350303453303334
            (1600000001.140000) ttyUSB1 rx 2D4C34532D323030412D422D55FA0877
            """;

    /**
     * Daly replies. ttyS0: the mock BMS of dreadnought/python-daly-bms tests/test_bluetooth.py (commit
     * 1ee4498) with the values that test asserts: 0x93 discharging, both MOSFETs on, 256.76 Ah; 0x90
     * 53.0 V, −5.9 A, 92.2 %; 0x91 3.315 V (cell 10) / 3.308 V (cell 1); 0x92 21 °C; 0x94 16 cells,
     * 11 cycles, 1 sensor; 0x95 the 16 cells 3.383 … 3.383 V over six frames; 0x96 21 °C; 0x97 no
     * balancing; 0x98 no error. Requests from a UART host (address 0x40, esphome daly_bms). ttyS1: the
     * UART log of esphome/esphome issue #12445, 0x91 3.253 V (cell 2) / 3.250 V (cell 1), 0x90 13.0 V,
     * no current, 49.9 %.
     */
    private static final String DALY_TRACE = """
            # python-daly-bms tests/test_bluetooth.py replies on ttyS0, asked as esphome daly_bms asks
            (1700000000.000000) ttyS0 tx A5409308000000000000000080
            (1700000000.030000) ttyS0 rx A50193080201019E0003EAF8C8
            (1700000000.100000) ttyS0 tx A540900800000000000000007D
            (1700000000.125000) ttyS0 rx A5019008021200
            (1700000000.127000) ttyS0 rx 0074F5039A58
            (1700000000.200000) ttyS0 tx A540910800000000000000007E
            (1700000000.230000) ttyS0 rx 00FFA50191080CF30A0CEC01039ADE
            (1700000000.300000) ttyS0 tx A540920800000000000000007F
            (1700000000.330000) ttyS0 rx A5 01 92 08 3D 01 3D 01 00 00 00 AD 69
            (1700000000.400000) ttyS0 tx A5409408000000000000000081
            (1700000000.430000) ttyS0 rx A50194081001000002000B9BFB
            (1700000000.500000) ttyS0 tx A5409708000000000000000084
            (1700000000.530000) ttyS0 rx A5019708000000000000000045
            this line is no trace line
            (1700000000.600000) ttyS0 tx A5409808000000000000000085
            (1700000000.630000) ttyS0 rx A5019808000000000000000046
            (1700000000.700000) ttyS0 tx A5409608000000000000000083
            (1700000000.730000) ttyS0 rx A5019608013D00000000000082A5019608020000000000000046
            (1700000000.800000) ttyS0 tx A5409508000000000000000082
            (1700000000.830000) ttyS0 rx A5019508010D370D360D349BA7A5019508020D350D350D359BA6A5019508030D340D3E0D369BB0A50195
            (1700000000.841000) ttyS0 rx 08040D370D360D379BADA5019508050D340D350D349BA7A5019508060D37000000009B28
            # esphome/esphome issue #12445 on ttyS1
            (1700000001.000000) ttyS1 tx A540910800000000000000007E
            (1700000001.030000) ttyS1 rx A50191080CB5020CB2010003C4
            (1700000001.100000) ttyS1 tx A540900800000000000000007D
            (1700000001.130000) ttyS1 rx A501900800820000753001F359
            """;

    private static final List<String> JBD_KEYS = List.of("time", "bus", "protocol", "register", "message", "signals");
    private static final List<String> DALY_KEYS = List.of("time", "bus", "protocol", "data_id", "message", "signals");

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProductAndWriteTraces() {
        bmswb = Bmswb.copy();
        bmswb.write("jbd.log", JBD_TRACE);
        bmswb.write("daly.log", DALY_TRACE);
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    private static List<Map<String, Object>> records(Bmswb.Result r) {
        assertEquals(0, r.status(), r::toString);
        return r.outLines().stream().map(Json::object).toList();
    }

    /** The one record of BUS with MESSAGE and this register or data id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> signals(List<Map<String, Object>> records, String bus, String message) {
        List<Map<String, Object>> found = records.stream()
                .filter(o -> bus.equals(o.get("bus")) && message.equals(o.get("message"))).toList();
        assertEquals(1, found.size(), () -> bus + " " + message + " in " + records);
        return (Map<String, Object>) found.get(0).get("signals");
    }

    private static void assertNumber(String expected, Object actual, String what) {
        assertTrue(actual instanceof BigDecimal, () -> what + " is " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> what + " is " + actual + ", not " + expected);
    }

    private static void assertNumbers(Map<String, Object> signals, String... keyValue) {
        for (int i = 0; i < keyValue.length; i += 2) {
            assertNumber(keyValue[i + 1], signals.get(keyValue[i]), keyValue[i] + " in " + signals);
        }
    }

    @Test
    void decodeFindsTheJbdRepliesWithTheValuesTheSourcesState() {
        Bmswb.Result r = bmswb.run("decode", "--format", "jsonl", "jbd.log");
        List<Map<String, Object>> records = records(r);
        List<String> order = new ArrayList<>();
        for (Map<String, Object> o : records) {
            assertEquals(JBD_KEYS, List.copyOf(o.keySet()), o::toString);
            assertEquals("jbd", o.get("protocol"), o::toString);
            assertFalse(o.containsKey("can_id"), o::toString);
            order.add(o.get("bus") + " " + o.get("register") + " " + o.get("message"));
        }
        assertEquals(List.of("ttyUSB0 0x03 basic_info", "ttyUSB0 0x04 cell_voltages", "ttyUSB0 0x05 hardware",
                "ttyUSB1 0x03 basic_info", "ttyUSB1 0x04 cell_voltages", "ttyUSB1 0x05 hardware"), order,
                "one record a reply, none for our requests, in trace order: " + r);
        // a reply split over two lines is a record at the time of its last byte
        assertNumber("1600000000.061002", records.get(0).get("time"), "time of the split 0x03 reply");

        Map<String, Object> v4 = signals(records, "ttyUSB0", "basic_info");
        assertNumbers(v4, "pack.voltage", "58.88", "pack.current", "0", "capacity.remaining", "7.2",
                "capacity.nominal", "10", "cycles", "0", "soc", "72", "cell.count", "15", "temperature.1", "20.3",
                "temperature.2", "21.5", "cell.temperature.min", "20.3", "cell.temperature.max", "21.5");
        assertEquals("2016-03-24", v4.get("jbd.production_date"));
        assertEquals("1.0", v4.get("bms.firmware"));
        assertEquals(true, v4.get("fet.charge"));
        assertEquals(true, v4.get("fet.discharge"));
        assertEquals(false, v4.get("cell.15.balancing"));
        assertFalse(v4.containsKey("cell.16.balancing"), "only the board's 15 cells: " + v4);
        assertEquals(false, v4.get("protection.cell_over_voltage"));

        Map<String, Object> cells = signals(records, "ttyUSB0", "cell_voltages");
        String[] v13 = {"3.942", "3.939", "3.939", "3.94", "3.902", "3.939", "3.895", "3.931", "3.941", "3.899", "3.939",
            "3.939", "3.9", "3.942", "3.901"};
        for (int n = 1; n <= 15; n++) {
            assertNumber(v13[n - 1], cells.get("cell." + n + ".voltage"), "cell " + n);
        }
        assertFalse(cells.containsKey("cell.16.voltage"), cells::toString);
        assertNumbers(cells, "cell.voltage.min", "3.895", "cell.voltage.max", "3.942");
        // the three bytes before this reply start no frame: skipped and named, the reply still decoded
        assertEquals(Map.of("bms.model", "0123456789"), signals(records, "ttyUSB0", "hardware"));
        assertTrue(r.err().contains("jbd.log:8: jbd ttyUSB0 rx: 3 bytes 00FF13 skipped: no start byte 0xDD"),
                "the skipped bytes are named: " + r);
        assertTrue(r.err().contains("bmswb decode: jbd.log:9: missing timestamp"), "the line that is no trace line is named: " + r);

        Map<String, Object> esp = signals(records, "ttyUSB1", "basic_info");
        assertNumbers(esp, "pack.voltage", "15.59", "capacity.remaining", "4.99", "capacity.nominal", "5", "soc", "100",
                "cell.count", "4", "temperature.1", "22.6", "temperature.2", "22.5", "temperature.3", "22.1");
        assertEquals("8.0", esp.get("bms.firmware"));
        assertEquals("2022-03-28", esp.get("jbd.production_date"));
        assertEquals(Map.of("cell.1.voltage", new BigDecimal("3.909"), "cell.2.voltage", new BigDecimal("3.901"),
                "cell.3.voltage", new BigDecimal("3.895"), "cell.4.voltage", new BigDecimal("3.901"),
                "cell.voltage.min", new BigDecimal("3.895"), "cell.voltage.max", new BigDecimal("3.909")),
                signals(records, "ttyUSB1", "cell_voltages"));
        assertEquals(Map.of("bms.model", "JBD-SP04S034-L4S-200A-B-U"), signals(records, "ttyUSB1", "hardware"));

        for (String protocol : List.of("auto", "jbd")) {
            Bmswb.Result named = bmswb.run("decode", "--protocol", protocol, "--format", "jsonl", "jbd.log");
            assertEquals(r.outLines(), named.outLines(), "--protocol " + protocol + ": " + named);
        }
    }

    @Test
    void decodeFindsTheDalyRepliesWithTheValuesTheSourcesState() {
        Bmswb.Result r = bmswb.run("decode", "--format", "jsonl", "daly.log");
        List<Map<String, Object>> records = records(r);
        for (Map<String, Object> o : records) {
            assertEquals(DALY_KEYS, List.copyOf(o.keySet()), o::toString);
            assertEquals("daly", o.get("protocol"), o::toString);
        }
        assertEquals(List.of("0x93", "0x90", "0x91", "0x92", "0x94", "0x97", "0x98", "0x96", "0x96", "0x95", "0x95",
                "0x95", "0x95", "0x95", "0x95", "0x91", "0x90"), records.stream().map(o -> o.get("data_id")).toList(),
                "one record a reply frame, none for our requests: " + r);
        assertNumber("1700000000.127", records.get(1).get("time"), "time of the split 0x90 reply");

        Map<String, Object> mos = signals(records, "ttyS0", "mosfet_status");
        assertNumbers(mos, "daly.state", "2", "capacity.remaining", "256.76");
        assertEquals(true, mos.get("fet.charge"));
        assertEquals(true, mos.get("fet.discharge"));
        // discharging with the current as sent: −5.9 A stays negative (positive while charging)
        assertNumbers(signals(records, "ttyS0", "soc"), "pack.voltage", "53.0", "pack.current", "-5.9", "soc", "92.2");
        assertNumbers(records.stream().filter(o -> "ttyS0".equals(o.get("bus")) && "0x91".equals(o.get("data_id")))
                .map(SerialTraceDecodeIT::signalsOf).findFirst().orElseThrow(),
                "cell.voltage.max", "3.315", "daly.cell_voltage.max_cell", "10", "cell.voltage.min", "3.308",
                "daly.cell_voltage.min_cell", "1");
        assertNumbers(signals(records, "ttyS0", "temperature_range"), "cell.temperature.max", "21",
                "cell.temperature.min", "21");
        assertNumbers(signals(records, "ttyS0", "status_info"), "cell.count", "16", "cycles", "11",
                "daly.temperature_sensors", "1");
        Map<String, Object> balance = signals(records, "ttyS0", "cell_balance");
        assertEquals(16, balance.size(), balance::toString);
        assertTrue(balance.values().stream().allMatch(Boolean.FALSE::equals), balance::toString);
        Map<String, Object> faults = signals(records, "ttyS0", "failure_codes");
        assertEquals(false, faults.get("protection.cell_over_voltage"), faults::toString);
        assertNumbers(faults, "daly.fault_code", "0");

        String[] cells = {"3.383", "3.382", "3.380", "3.381", "3.381", "3.381", "3.380", "3.390", "3.382", "3.383",
            "3.382", "3.383", "3.380", "3.381", "3.380", "3.383"};
        Map<String, Object> voltages = new java.util.LinkedHashMap<>();
        records.stream().filter(o -> "cell_voltages".equals(o.get("message"))).forEach(o -> voltages.putAll(signalsOf(o)));
        assertEquals(16, voltages.size(), "cells 1–16 of the six frames, none of the two empty places: " + voltages);
        for (int n = 1; n <= 16; n++) {
            assertNumber(cells[n - 1], voltages.get("cell." + n + ".voltage"), "cell " + n);
        }
        Map<String, Object> temperatures = new java.util.LinkedHashMap<>();
        records.stream().filter(o -> "cell_temperatures".equals(o.get("message")))
                .forEach(o -> temperatures.putAll(signalsOf(o)));
        assertEquals(Map.of("temperature.1", new BigDecimal("21.0")).keySet(), temperatures.keySet());
        assertNumber("21", temperatures.get("temperature.1"), "temperature.1");

        assertNumbers(signals(records, "ttyS1", "cell_voltage_range"), "cell.voltage.max", "3.253",
                "daly.cell_voltage.max_cell", "2", "cell.voltage.min", "3.25", "daly.cell_voltage.min_cell", "1");
        assertNumbers(signals(records, "ttyS1", "soc"), "pack.voltage", "13.0", "pack.current", "0", "soc", "49.9");
        assertTrue(r.err().contains("daly.log:8: daly on ttyS0 rx: skipped 2 bytes 00FF (no start byte 0xA5)"),
                "the skipped bytes are named: " + r);
        assertTrue(r.err().contains("bmswb decode: daly.log:15: missing timestamp"), r::toString);

        for (String protocol : List.of("auto", "daly")) {
            Bmswb.Result named = bmswb.run("decode", "--protocol", protocol, "--format", "jsonl", "daly.log");
            assertEquals(r.outLines(), named.outLines(), "--protocol " + protocol + ": " + named);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signalsOf(Map<String, Object> record) {
        return (Map<String, Object>) record.get("signals");
    }

    @Test
    void decodeAllShowsTheSkippedBytes() {
        for (String file : List.of("jbd.log", "daly.log")) {
            Bmswb.Result decoded = bmswb.run("decode", "--format", "jsonl", file);
            Bmswb.Result all = bmswb.run("decode", "--all", "--format", "jsonl", file);
            List<Map<String, Object>> records = records(all);
            List<Map<String, Object>> unknown = records.stream().filter(o -> "unknown".equals(o.get("message"))).toList();
            assertFalse(unknown.isEmpty(), all::toString);
            String skipped = file.startsWith("jbd") ? "00FF13" : "00FF";
            assertTrue(unknown.stream().anyMatch(o -> skipped.equals(o.get("data"))), "the skipped bytes: " + all);
            for (Map<String, Object> o : unknown) {
                assertFalse(o.containsKey("can_id"), o::toString);
            }
            List<String> known = all.outLines().stream().filter(l -> !l.contains("\"message\":\"unknown\"")).toList();
            assertEquals(decoded.outLines(), known, "--all adds only the unknown bytes: " + all);
        }
    }

    @Test
    void strictDecodeRefusesTheLineThatIsNoTraceLine() {
        Bmswb.Result r = bmswb.run("decode", "--strict", "--format", "jsonl", "jbd.log");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("jbd.log:9: missing timestamp"), r::toString);
    }

    @Test
    void aReplayOfTheTraceMonitorsTheSameRecords() {
        Pattern replayed = Pattern.compile("bmswb monitor: replayed (\\d+) frames in ");
        for (String file : List.of("jbd.log", "daly.log")) {
            Bmswb.Result decoded = bmswb.run("decode", "--format", "jsonl", file);
            // in real time (about a second): the kept chunks are decoded even when the protocol bundles
            // register late on a loaded machine, which a replay at max speed can outrun
            Bmswb.Result r = bmswb.run("monitor", "--connect", "replay:" + file, "--format", "jsonl", "--duration", "30");
            assertEquals(0, r.status(), r::toString);
            assertEquals(decoded.outLines(), r.outLines(), "monitor on the replay: " + r);
            Matcher m = replayed.matcher(r.err());
            assertTrue(m.find(), r::toString);
            long lines = (file.startsWith("jbd") ? JBD_TRACE : DALY_TRACE).lines().filter(l -> l.startsWith("(")).count();
            assertEquals(lines, Long.parseLong(m.group(1)), "every chunk of the trace replayed: " + r);
        }
    }
}
