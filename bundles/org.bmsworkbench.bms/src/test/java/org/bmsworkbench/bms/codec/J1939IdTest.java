package org.bmsworkbench.bms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class J1939IdTest {

    @Test
    void batteryStatusIsABroadcastPdu2() {
        // guide 1.5.3: Battery Status 127508 = 0x1F214, priority 6, default source 0x50
        J1939Id id = J1939Id.parse(0x19F21450);
        assertEquals(6, id.priority());
        assertEquals(1, id.dataPage());
        assertFalse(id.pdu1());
        assertEquals(127508, id.pgn());
        assertEquals(0x50, id.source());
        assertEquals(J1939Id.BROADCAST, id.destination());
        assertEquals(0x19F21450, J1939Id.of(6, 127508, 0x50, 0).canId());
    }

    @Test
    void vregIsAnAddressedPdu1() {
        // guide 1.5.4.1: 1CEF5030 = source 0x30 to target 0x50; 1CEFFF50 = broadcast from 0x50
        J1939Id request = J1939Id.parse(0x1CEF5030);
        assertTrue(request.pdu1());
        assertEquals(0xEF00, request.pgn());
        assertEquals(0x30, request.source());
        assertEquals(0x50, request.destination());
        assertEquals(7, request.priority());
        assertEquals(0xFF, J1939Id.parse(0x1CEFFF50).destination());
        assertEquals(0x1CEF5020, J1939Id.of(7, 0xEF00, 0x20, 0x50).canId());
    }

    @Test
    void rejectsWhatDoesNotFit() {
        assertThrows(IllegalArgumentException.class, () -> J1939Id.parse(0x2000_0000));
        assertThrows(IllegalArgumentException.class, () -> J1939Id.of(8, 127508, 0x50, 0));
        assertThrows(IllegalArgumentException.class, () -> J1939Id.of(6, 0x40000, 0x50, 0));
    }

    @Property
    void parseAndCanIdAreInverse(@ForAll @IntRange(min = 0, max = 0x1FFF_FFFF) int canId) {
        assertEquals(canId, J1939Id.parse(canId).canId());
    }
}
