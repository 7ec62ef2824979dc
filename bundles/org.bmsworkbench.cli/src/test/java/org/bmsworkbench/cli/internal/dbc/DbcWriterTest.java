package org.bmsworkbench.cli.internal.dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.SignalLayout;
import org.junit.jupiter.api.Test;

/** The DBC text, line by line, for a small layout; numbers without exponent or trailing zeros. */
class DbcWriterTest {
    private static final FrameLayout BASIC = new FrameLayout(0x356, false, "battery_basic_info", 6, "Battery basic info",
            List.of(SignalLayout.of("pack_voltage", "pack.voltage", 0, 16, false, 0.01, 0, 0, 655.34, "V",
                    "pack.voltage: Battery voltage. Not available: 0xFFFF."),
                    SignalLayout.of("pack_current", "pack.current", 16, 16, true, 0.1, 0, -3276.7, 3276.7, "A",
                            "pack.current: \"signed\" as sent.")));
    private static final FrameLayout CELLS = new FrameLayout(0x373, false, "battery_cell_info", 8, "",
            List.of(SignalLayout.of("cell_temperature_min", "cell.temperature.min", 32, 16, false, 1, -273.15, -273.15,
                    65260.85, "°C", "")));
    private static final FrameLayout ALARMS = new FrameLayout(0x18FF50E5, true, "alarms", 1, "Alarms", List.of(
            new SignalLayout("alarm_general", "alarm.general", 0, 2, false, 1, 0, 0, 3, "", "alarm.general",
                    Map.of(2L, "cleared", 0L, "none", 1L, "raised", 3L, "invalid"))));

    @Test
    void writesFramesSignalsCommentsAndValueTables() {
        String dbc = DbcWriter.write("Test \"protocol\"", List.of(BASIC, CELLS, ALARMS));
        assertTrue(dbc.startsWith("VERSION \"\"\n\n\nNS_ :\n\tNS_DESC_\n\tCM_\n"), dbc);
        String after = dbc.substring(dbc.indexOf("BS_:"));
        assertEquals("""
                BS_:

                BU_: BMS


                BO_ 854 battery_basic_info: 6 BMS
                 SG_ pack_voltage : 0|16@1+ (0.01,0) [0|655.34] "V" Vector__XXX
                 SG_ pack_current : 16|16@1- (0.1,0) [-3276.7|3276.7] "A" Vector__XXX

                BO_ 883 battery_cell_info: 8 BMS
                 SG_ cell_temperature_min : 32|16@1+ (1,-273.15) [-273.15|65260.85] "°C" Vector__XXX

                BO_ 2566869221 alarms: 1 BMS
                 SG_ alarm_general : 0|2@1+ (1,0) [0|3] "" Vector__XXX


                CM_ "Test 'protocol'";
                CM_ BO_ 854 "Battery basic info";
                CM_ SG_ 854 pack_voltage "pack.voltage: Battery voltage. Not available: 0xFFFF.";
                CM_ SG_ 854 pack_current "pack.current: 'signed' as sent.";
                CM_ SG_ 883 cell_temperature_min "cell.temperature.min";
                CM_ BO_ 2566869221 "Alarms";
                CM_ SG_ 2566869221 alarm_general "alarm.general";
                VAL_ 2566869221 alarm_general 0 "none" 1 "raised" 2 "cleared" 3 "invalid" ;
                """, after);
    }

    @Test
    void numbersAreShortAndPlain() {
        assertEquals("0", DbcWriter.number(0.0));
        assertEquals("0", DbcWriter.number(-0.0));
        assertEquals("1", DbcWriter.number(1.0));
        assertEquals("0.001", DbcWriter.number(0.001));
        assertEquals("42949672.94", DbcWriter.number(42949672.94));
        assertEquals("65534", DbcWriter.number(65534.0));
        assertEquals("-273.15", DbcWriter.number(-273.15));
    }

    @Test
    void rejectsDuplicateIdsAndSignalNames() {
        assertThrows(IllegalArgumentException.class, () -> DbcWriter.write("", List.of(BASIC, BASIC)));
        FrameLayout twice = new FrameLayout(1, false, "x", 8, "", List.of(BASIC.signals().get(0), BASIC.signals().get(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DbcWriter.write("", List.of(twice)));
        assertTrue(e.getMessage().contains("pack_voltage"), e.getMessage());
    }

    @Test
    void charsetKeepsTheDegreeSignInOneByte() {
        byte[] bytes = "°C".getBytes(DbcWriter.CHARSET);
        assertEquals(2, bytes.length);
        assertEquals((byte) 0xB0, bytes[0]);
    }
}
