package org.bmsworkbench.cli.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.junit.jupiter.api.Test;

/** The redrawn monitor screen, character for character. */
class MonitorScreenTest {
    private static final ConnectionStatistics STATS = new ConnectionStatistics(100, 0, 1, 2, 22.0, 1.25);

    private static final Map<String, SignalDescriptor> CATALOGUE = Map.of(
            "pack.voltage", new SignalDescriptor("pack.voltage", "V", SignalKind.NUMBER, "pack", "Pack voltage", ""),
            "soc", new SignalDescriptor("soc", "%", SignalKind.NUMBER, "pack", "SOC", ""),
            "bms.firmware", new SignalDescriptor("bms.firmware", "", SignalKind.TEXT, "identity", "Firmware", ""),
            "alarm.general", new SignalDescriptor("alarm.general", "", SignalKind.ALARM, "alarms", "General", ""));

    @Test
    void statusLineSaysUriProtocolStateAndTraffic() {
        assertEquals("sim:  general-bms (auto-detected)  CONNECTED  22.0 frames/s  bus load 1.3 %  errors 3"
                + "  messages 40  malformed 1", MonitorScreen.statusLine(new MonitorScreen.Status("sim:", "auto",
                        List.of("general-bms"), ConnectionState.CONNECTED, "", STATS, 40, 1)));
        assertEquals("slcan:/dev/ttyACM0  nmea2000, vreg  RECONNECTING (port unplugged, retry in 2 s)  22.0 frames/s"
                + "  bus load n/a  errors 3  messages 0  malformed 0", MonitorScreen.statusLine(new MonitorScreen.Status(
                        "slcan:/dev/ttyACM0", "nmea2000", List.of("nmea2000", "vreg"), ConnectionState.RECONNECTING,
                        "port unplugged, retry in 2 s", new ConnectionStatistics(100, 0, 1, 2, 22.0, -1), 0, 0)));
        assertEquals("sim:  detecting the protocol  CONNECTED  22.0 frames/s  bus load 1.3 %  errors 3  messages 0"
                + "  malformed 0", MonitorScreen.statusLine(new MonitorScreen.Status("sim:", "auto", List.of(),
                        ConnectionState.CONNECTED, "", STATS, 0, 0)));
    }

    @Test
    void rowsAreGroupedPackFirstAndAgedByArrival() {
        Map<String, SignalValue> values = new TreeMap<>();
        values.put("alarm.general", new SignalValue("alarm.general", "raised", 0, "sma"));
        values.put("bms.firmware", new SignalValue("bms.firmware", "1.24", 0, "sma"));
        values.put("pack.voltage", new SignalValue("pack.voltage", 53.12, 0, "sma"));
        values.put("soc", new SignalValue("soc", null, 0, "sma"));
        values.put("x.custom", new SignalValue("x.custom", 7L, 0, "oem"));
        long now = 1_000_000_000_000L;
        List<MonitorScreen.Row> rows = MonitorScreen.rows(values, CATALOGUE, Map.of("pack.voltage", now - 400_000_000L,
                "soc", now - 42_000_000_000L, "bms.firmware", now - 600_000_000_000L), now);
        assertEquals(List.of(
                new MonitorScreen.Row("pack", "pack.voltage", "53.12 V", "0.4 s"),
                new MonitorScreen.Row("pack", "soc", "n/a", "42 s"),
                new MonitorScreen.Row("alarms", "alarm.general", "\"raised\"", ""),
                new MonitorScreen.Row("identity", "bms.firmware", "\"1.24\"", "10 min"),
                new MonitorScreen.Row("other", "x.custom", "7", "")), rows);
    }

    @Test
    void perCellRowsCarryTheirStandardUnitAndComeInCellOrder() {
        Map<String, SignalValue> values = new TreeMap<>();
        for (int n : new int[] {10, 2, 1}) {
            String key = "cell." + n + ".voltage";
            values.put(key, new SignalValue(key, 3.3 + n / 1000.0, 0, "jbd"));
        }
        values.put("temperature.2", new SignalValue("temperature.2", 21.5, 0, "jbd"));
        List<MonitorScreen.Row> rows = MonitorScreen.rows(values, Map.of(), Map.of(), 0);
        assertEquals(List.of("cell.1.voltage", "cell.2.voltage", "cell.10.voltage", "temperature.2"),
                rows.stream().map(MonitorScreen.Row::key).toList());
        assertEquals("cells", rows.get(0).group(), "the standard group of a per-cell key");
        assertTrue(rows.get(2).value().endsWith(" V"), rows.get(2).value());
        assertTrue(rows.get(3).value().endsWith(" °C"), rows.get(3).value());
    }

    @Test
    void theScreenIsDrawnOverThePreviousOne() {
        MonitorScreen.Status status = new MonitorScreen.Status("sim:", "sma", List.of("sma"), ConnectionState.CONNECTED,
                "", STATS, 2, 0);
        List<MonitorScreen.Row> rows = List.of(new MonitorScreen.Row("pack", "pack.voltage", "53.12 V", "0.4 s"),
                new MonitorScreen.Row("identity", "bms.firmware", "\"1.24\"", "1.0 s"));
        String k = "\033[K\n";
        String expected = "\033[H"
                + "sim:  sma  CONNECTED  22.0 frames/s  bus load 1.3 %  errors 3  messages 2  malformed 0" + k
                + k
                + "GROUP     KEY           VALUE    AGE" + k
                + "pack      pack.voltage  53.12 V  0.4 s" + k
                + "identity  bms.firmware  \"1.24\"   1.0 s" + k
                + "\033[J";
        assertEquals(expected, MonitorScreen.render(status, rows, false));
        assertEquals("\033[2J" + expected, MonitorScreen.render(status, rows, true));
    }

    @Test
    void anEmptyModelSaysSo() {
        String screen = MonitorScreen.render(new MonitorScreen.Status("sim:", "auto", List.of(),
                ConnectionState.CONNECTED, "", STATS, 0, 0), List.of(), false);
        assertEquals(true, screen.contains("(no values yet)\033[K\n"), screen);
    }

    @Test
    void theDeviceTheTableFollowsHasALineOfItsOwn() {
        String screen = MonitorScreen.render(new MonitorScreen.Status("sim:", "auto", List.of("nmea2000", "vreg"),
                ConnectionState.CONNECTED, "", new org.bmsworkbench.can.ConnectionStatistics(10, 0, 0, 0, 5, 1), 3, 0,
                "MG Master LV at 80 (address claim with manufacturer code 1160)"), List.of(), false);
        assertTrue(screen.contains("\ndevice: MG Master LV at 80 (address claim with manufacturer code 1160)"), screen);
    }
}
