package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    private static SimulatorOptions parse(String uri) {
        return SimulatorOptions.parse(ConnectionUri.parse(uri));
    }

    @Test
    void defaults() {
        SimulatorOptions o = parse("sim:");
        assertEquals(SimulatorOptions.defaults(), o);
        assertEquals("general-bms", o.protocol());
        assertEquals(Scenario.NORMAL, o.scenario());
        assertEquals("MG0000SIM0000001", o.serial());
        assertEquals(48, o.nominalVoltage());
        assertEquals(200, o.capacityAh());
        assertEquals(1, o.speed());
    }

    @Test
    void everyOption() {
        SimulatorOptions o = parse("sim:?protocol=NMEA2000&scenario=safety-lock&serial=HQ2012ABCDE&seed=-7&speed=10"
                + "&voltage=24&parallel=3&capacity=300&instance=64&combined=true");
        assertEquals(new SimulatorOptions("nmea2000", Scenario.SAFETY_LOCK, "HQ2012ABCDE", -7, 10, 2, 3, 300, 64, true), o);
        assertEquals(6, o.batteries());
        assertEquals(8, o.cellsInSeries());
        assertEquals(2, parse("sim:?batteries=8").parallel());
        assertEquals(400, parse("sim:?batteries=8").capacityAh(), "200 Ah per string by default");
        assertEquals(3, parse("sim:?series=3&batteries=6").series());
        assertEquals(1, parse("sim:?voltage=12").series());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertMessage("unknown option 'volts'", "sim:?volts=12");
        assertMessage("protocol=can is not one of general-bms, nmea2000, sma", "sim:?protocol=can");
        assertMessage("scenario=fire is not one of", "sim:?scenario=fire");
        assertMessage("speed=0 is outside 1..1000", "sim:?speed=0");
        assertMessage("speed=fast is not a whole number", "sim:?speed=fast");
        assertMessage("seed=x is not a whole number", "sim:?seed=x");
        assertMessage("voltage=30 is not one of 12, 24, 36, 48", "sim:?voltage=30");
        assertMessage("voltage=60 is outside 12..48", "sim:?voltage=60");
        assertMessage("voltage=24 needs series=2, not series=4", "sim:?voltage=24&series=4");
        assertMessage("batteries=5 is not a multiple of the 4 batteries in series", "sim:?batteries=5");
        assertMessage("batteries=6 is not series 4 × parallel 2 = 8", "sim:?batteries=6&parallel=2");
        assertMessage("parallel=25 is outside 1..24", "sim:?parallel=25");
        assertMessage("capacity=0 is outside 1..65000", "sim:?capacity=0");
        assertMessage("instance=33 is not a data instance base (0, 32, 64, ... 224)", "sim:?instance=33");
        assertMessage("instance=256 is outside 0..224", "sim:?instance=256");
        assertMessage("combined=maybe is not true or false", "sim:?combined=maybe");
        assertMessage("serial=THIS-SERIAL-IS-TOO-LONG must be 1 to 16", "sim:?serial=THIS-SERIAL-IS-TOO-LONG");
        assertMessage("takes options only", "sim:device");
        assertMessage("takes options only", "sim://host");
    }

    private static void assertMessage(String expected, String uri) {
        InvalidUriException e = assertThrows(InvalidUriException.class, () -> parse(uri));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should say " + expected);
        assertTrue(e.getMessage().contains(uri), () -> "'" + e.getMessage() + "' should name " + uri);
    }

    @Test
    void everyScenarioHasAName() {
        for (Scenario s : Scenario.values()) {
            assertEquals(s, parse("sim:?scenario=" + s.id()).scenario());
        }
        assertEquals(12, Scenario.ids().size());
    }
}
