package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bus names of log lines (SocketCAN interface names as candump prints them: {@code can0},
 * {@code vcan0}, {@code can-0}) read from the middle of a line buffer, one String a name.
 */
class BusNamesTest {
    private final BusNames names = new BusNames();

    /** The name at {@code [from, to)} of a line that has other text around it. */
    private String read(String line, String name) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int from = line.indexOf(name);
        return names.name(b, from, from + name.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aNameIsReadOnceAndSharedByEveryLineThatRepeatsIt() {
        String first = read("(1600000000.000000) can0 351#00", "can0");
        assertEquals("can0", first);
        assertSame(first, read("(1600000000.001000) can0 355#00", "can0"));
        assertSame(first, read("  can0  356   [2]  C0 14", "can0"));
    }

    @Test
    void namesThatShareAPrefixOrDifferInOneByteAreTold() {
        String can0 = read("(1.0) can0 1#", "can0");
        assertEquals("can00", read("(1.0) can00 1#", "can00"));
        assertEquals("can", read("(1.0) can 1#", "can"));
        assertEquals("can1", read("(1.0) can1 1#", "can1"));
        assertEquals("vcan0", read("(1.0) vcan0 1#", "vcan0"));
        assertSame(can0, read("(1.0) can0 1#", "can0"), "back to the first after others");
        assertEquals("can1", read("(1.0) can1 1#", "can1"));
        assertEquals("can-0", read("(1.0) can-0 1#", "can-0"));
        assertEquals("bus\u00e9", read("(1.0) bus\u00e9 1#", "bus\u00e9"));
    }

    @Test
    void moreThanTheCachedNumberOfNamesStillReadRight() {
        for (int i = 0; i < 100; i++) {
            assertEquals("can" + i, read("(1.0) can" + i + " 1#", "can" + i));
        }
        assertEquals("can7", read("(1.0) can7 1#", "can7"));
        assertEquals("can99", read("(1.0) can99 1#", "can99"));
    }
}
