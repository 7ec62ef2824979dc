package org.bmsworkbench.simulator.internal.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The --serve values. */
class ServeTargetTest {

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ServeTarget.parse(text)).getMessage();
    }

    @Test
    void slcanTakesAPath() {
        assertEquals(new ServeTarget.Slcan("/tmp/bms"), ServeTarget.parse("slcan:/tmp/bms"));
        assertEquals(new ServeTarget.Slcan("pty/a"), ServeTarget.parse(" slcan:pty/a "));
        assertEquals("'slcan:': missing the pseudo-terminal's path, e.g. slcan:/tmp/bms", error("slcan:"));
        assertEquals("'slcan:/tmp/a?bitrate=500000': slcan takes a path only, no options (the host sets the bit rate)",
                error("slcan:/tmp/a?bitrate=500000"));
    }

    @Test
    void socketcandTakesHostPortAndBus() {
        assertEquals(new ServeTarget.Socketcand("127.0.0.1", 29536, "can0"), ServeTarget.parse("socketcand://127.0.0.1"));
        assertEquals(new ServeTarget.Socketcand("localhost", 0, "can0"), ServeTarget.parse("socketcand://localhost:0/"));
        assertEquals(new ServeTarget.Socketcand("::1", 4000, "vcan1"), ServeTarget.parse("socketcand://[::1]:4000/vcan1"));
        assertEquals("'socketcand://h:70000': port 70000 is outside 0..65535", error("socketcand://h:70000"));
        assertEquals("'socketcand://h:1/can 0': bus name 'can 0' must be 1 to 16 letters, digits, '_', '.' or '-' (e.g. can0)",
                error("socketcand://h:1/can 0"));
        assertEquals("'socketcand://': expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS], e.g. socketcand://127.0.0.1:29536/can0",
                error("socketcand://"));
        assertEquals("'socketcand://h:x': expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS], e.g. socketcand://127.0.0.1:29536/can0",
                error("socketcand://h:x"));
    }

    @Test
    void otherSchemesAreNamed() {
        assertEquals("'sim:': expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS]", error("sim:"));
        assertEquals("'/dev/pts/3': expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS]", error("/dev/pts/3"));
    }
}
