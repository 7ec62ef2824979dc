package org.bmsworkbench.protocol.nmea2000.internal;

import static org.bmsworkbench.protocol.nmea2000.internal.Nmea2000GuideLogTest.jsonl;
import static org.bmsworkbench.protocol.nmea2000.internal.Nmea2000GuideLogTest.lines;
import static org.bmsworkbench.protocol.nmea2000.internal.Nmea2000GuideLogTest.parseCandump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * nmea2000-network.log, written by hand (candump -L): a bus of many devices as docs/SIGNALS.md "Other
 * devices on the bus" describes it. The MG Master LV at 0x50 (address claim with manufacturer code
 * 1160, guide 1.5.3 frames at base 0, 127506 as in the guide), a Victron Energy battery monitor at
 * 0x0A (code 358, class 35 function 170) sending 127508 instances 0, 1 and 2 with real currents and
 * 127506 instance 0 before and after its address claim, and a Garmin display at 0x06 sending a lone
 * 127508 instance 1 without a current (its claim comes late) and a Garmin 0xEF00 frame that is not
 * VREG. Only the MG's instances 1 and 2 give {@code cell.*}; it decodes to exactly nmea2000-network.jsonl.
 */
class Nmea2000NetworkLogTest {

    private static List<DecodedMessage> decode(MultiDeviceSession session, String resource) throws Exception {
        List<DecodedMessage> messages = new ArrayList<>();
        for (String line : lines(resource)) {
            DecodedMessage m = session.decode(parseCandump(line));
            if (m != null) {
                messages.add(m);
            }
        }
        return messages;
    }

    @Test
    void logDecodesToTheExpectedJsonl() throws Exception {
        MultiDeviceSession session = assertInstanceOf(MultiDeviceSession.class, new Nmea2000Protocol().newSession());
        List<String> actual = decode(session, "nmea2000-network.log").stream().map(Nmea2000GuideLogTest::jsonl).toList();
        assertEquals(lines("nmea2000-network.jsonl"), actual);
    }

    @Test
    void onlyTheMgGivesCellValues() throws Exception {
        MultiDeviceSession session = (MultiDeviceSession) new Nmea2000Protocol().newSession();
        for (DecodedMessage m : decode(session, "nmea2000-network.log")) {
            boolean cells = m.signals().keySet().stream().anyMatch(k -> k.startsWith("cell."));
            assertEquals(m.source() == 0x50 && (m.instance() == 1 || m.instance() == 2), cells, m.toString());
        }
        assertEquals(List.of(
                new BatterySource(0x06, List.of(1), false, "Garmin display", ""),
                new BatterySource(0x0A, List.of(0, 1, 2), false, "Victron Energy battery monitor", ""),
                new BatterySource(0x50, List.of(0), true, "MG Master LV", "address claim with manufacturer code 1160")),
                session.batterySources());
    }

    @Test
    void networkManagementAndOtherMakersEf00AreNotPrinted() throws Exception {
        MultiDeviceSession session = (MultiDeviceSession) new Nmea2000Protocol().newSession();
        for (String line : lines("nmea2000-network.log")) {
            CanFrame f = parseCandump(line);
            int pf = f.id() >>> 16 & 0xFF;
            if (pf == 0xEE || pf == 0xEF) {
                assertNull(session.decode(f), line);
            }
        }
        // VREG from 0x50 is still identification evidence, and still left to the vreg companion
        assertNull(session.decode(parseCandump("(1600000103.000000) can0 1CEFFF50#6699FF0F2823FFFF")));
    }

    @Test
    void withoutItsClaimTheMgIsKnownByItsMarkAndTheUserCanNameAnother() throws Exception {
        MultiDeviceSession session = (MultiDeviceSession) new Nmea2000Protocol().newSession();
        List<DecodedMessage> messages = new ArrayList<>();
        for (String line : lines("nmea2000-network.log")) {
            if (!line.contains(" 18EEFF")) {
                DecodedMessage m = session.decode(parseCandump(line));
                if (m != null) {
                    messages.add(m);
                }
            }
        }
        assertEquals(lines("nmea2000-network.jsonl"), messages.stream().map(Nmea2000GuideLogTest::jsonl).toList(),
                "the 0x7FFF mark after the pack instance identifies 0x50, nothing else");
        assertEquals("0x7FFF mark on its cell instances", session.batterySources().get(2).evidence());

        MultiDeviceSession chosen = (MultiDeviceSession) new Nmea2000Protocol().newSession();
        chosen.designate(0x0A);
        long version = chosen.sourcesVersion();
        List<DecodedMessage> decoded = decode(chosen, "nmea2000-network.log");
        assertTrue(chosen.sourcesVersion() > version);
        long claimed = 1_600_000_101_000_000L; // the Victron's address claim
        assertTrue(decoded.stream().anyMatch(m -> m.source() == 0x0A && m.frame().timestampMicros() < claimed
                && m.signals().containsKey("cell.voltage.min")), "before its claim the user's word counts");
        assertTrue(decoded.stream().noneMatch(m -> m.source() == 0x0A && m.frame().timestampMicros() > claimed
                && m.signals().keySet().stream().anyMatch(k -> k.startsWith("cell."))),
                "--device names a source whose own claim says Victron: the claim wins once it is seen");
        assertFalse(chosen.batterySources().get(1).identified());
    }
}
