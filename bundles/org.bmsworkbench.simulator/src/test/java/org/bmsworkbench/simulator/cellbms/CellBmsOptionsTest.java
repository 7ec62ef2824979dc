package org.bmsworkbench.simulator.cellbms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

/** {@code sim:?device=jbd|daly} options: defaults, every option, every message. */
class CellBmsOptionsTest {

    private static CellBmsOptions parse(String uri) {
        return CellBmsOptions.parse(ConnectionUri.parse(uri));
    }

    private static String error(String uri) {
        return assertThrows(InvalidUriException.class, () -> parse(uri)).getMessage();
    }

    @Test
    void defaults() {
        CellBmsOptions jbd = parse("sim:?device=jbd");
        assertEquals(CellBmsOptions.defaults(CellBmsMake.JBD), jbd);
        assertEquals(16, jbd.cells());
        assertEquals(LockoutScenario.NORMAL, jbd.scenario());
        assertEquals(CellBmsOptions.Link.UART, jbd.link());
        assertEquals(Duration.ofSeconds(1), jbd.poll());
        assertEquals(0, jbd.bitrate());
        CellBmsOptions daly = parse("sim:?device=daly");
        assertEquals(8, daly.cells());
        assertEquals("DALY-SIM-0001", daly.serial());
    }

    @Test
    void everyOption() {
        CellBmsOptions o = parse("sim:?device=daly&scenario=inverter-surge&cells=24&speed=10&seed=7&serial=X1&link=can&poll=250");
        assertEquals(new CellBmsOptions(CellBmsMake.DALY, LockoutScenario.INVERTER_SURGE, 24, 10, 7, "X1",
                CellBmsOptions.Link.CAN, Duration.ofMillis(250)), o);
        assertEquals(250_000, o.bitrate());
        assertEquals(o, parse(o.toString()));
    }

    @Test
    void badOptionsAreNamed() {
        assertEquals("'sim:?device=jbd&cells=3': option cells=3 is outside 4..32", error("sim:?device=jbd&cells=3"));
        assertEquals("'sim:?device=jbd&cells=33': option cells=33 is outside 4..32", error("sim:?device=jbd&cells=33"));
        assertEquals("'sim:?device=jbd&link=can': option link=can is for device=daly only (a JBD is reached over its UART)",
                error("sim:?device=jbd&link=can"));
        assertEquals("'sim:?device=daly&link=rs485': option link=rs485 is not one of can, uart",
                error("sim:?device=daly&link=rs485"));
        assertEquals("'sim:?device=jbd&scenario=over-voltage': option scenario=over-voltage is not one of cell-imbalance,"
                + " cell-over-voltage, cold-charge, deep-discharge, inverter-surge, normal",
                error("sim:?device=jbd&scenario=over-voltage"));
        assertEquals("'sim:?device=jbd&protocol=sma': unknown option 'protocol' for sim: (known: cells, device, link, poll,"
                + " scenario, seed, serial, speed)", error("sim:?device=jbd&protocol=sma"));
        assertEquals("'sim:?device=jbd&speed=0': option speed=0 is outside 1..1000", error("sim:?device=jbd&speed=0"));
        assertEquals("'sim:?device=jbd&poll=50': option poll=50 is outside 100..3600000", error("sim:?device=jbd&poll=50"));
        assertEquals("'sim:?device=jbd&serial=a%20b': option serial=a b must be 1 to 16 printable ASCII characters without"
                + " blanks", error("sim:?device=jbd&serial=a%20b"));
    }
}
