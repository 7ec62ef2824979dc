package org.bmsworkbench.protocol.pylontech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class PylontechProtocolTest {
    private final PylontechProtocol protocol = new PylontechProtocol();

    /** A standard frame on can0 of these bytes (also for {@link PylontechDetectionViewTest}). */
    static CanFrame frame(int id, int... bytes) {
        byte[] d = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            d[i] = (byte) bytes[i];
        }
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, false, d);
    }

    /** A standard frame on can0 of this ASCII text. */
    static CanFrame text(int id, String s) {
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, false, s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void identity() {
        assertEquals("pylontech", protocol.id());
        assertEquals(List.of(), protocol.companions());
        assertEquals(List.of(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E),
                protocol.messages().stream().map(BmsProtocol.MessageInfo::canId).toList());
    }

    @Test
    void ownFramesAndNameScoreHighSharedFramesLow() {
        assertEquals(100, protocol.detectionScore(frame(0x359, 0, 0, 0, 0, 6, 'P', 'N')));
        assertEquals(30, protocol.detectionScore(frame(0x359, 0, 0, 0, 0, 6)));
        assertEquals(100, protocol.detectionScore(frame(0x35C, 0xC0, 0)));
        assertEquals(100, protocol.detectionScore(text(0x35E, "PYLON   ")));
        assertEquals(0, protocol.detectionScore(text(0x35E, "MG-BMS")), "another vendor's name is not evidence");
        assertEquals(2, protocol.detectionScore(frame(0x351, 1, 2, 3, 4, 5, 6, 7, 8)));
        assertEquals(2, protocol.detectionScore(frame(0x355, 1, 2, 3, 4)));
        assertEquals(2, protocol.detectionScore(frame(0x356, 1, 2, 3, 4, 5, 6)));
        assertEquals(0, protocol.detectionScore(frame(0x35A, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(0, protocol.detectionScore(frame(0x35C, 0, 0, 0, 0, 0, 0, 0, 0)), "an 8-byte 0x35C is someone else's");
        assertEquals(0, protocol.detectionScore(CanFrame.of(0, "can0", 0x359, true, new byte[8])));
    }

    /** An MG Master LV on SMA (guide 1.3.2) gives Pylontech almost nothing: 2 for each shared frame. */
    @Test
    void anMgSmaCycleScoresLow() {
        List<CanFrame> mg = List.of(frame(0x351, 0x28, 0x02, 0xE8, 0x03, 0xE8, 0x03, 0xA4, 0x01),
                frame(0x355, 87, 0, 100, 0, 0xFC, 0x21), frame(0x356, 0xC0, 0x14, 0x85, 0xFF, 0xD7, 0x00),
                frame(0x35A, 0, 0, 0, 0, 0, 0, 0, 0), frame(0x35B, 0), text(0x35E, "MG-BMS\0\0"),
                frame(0x35F, 0x9B, 0x3A, 0x01, 0x18, 0x2C, 0x01, 0, 0));
        assertEquals(6, mg.stream().mapToInt(protocol::detectionScore).sum());
    }

    @Test
    void signalsAreTheStandardOnesWithTheirUnitsPlusItsOwn() {
        List<SignalDescriptor> signals = protocol.signals();
        Set<String> keys = new HashSet<>();
        for (SignalDescriptor d : signals) {
            assertTrue(keys.add(d.key()), "duplicate " + d.key());
            StandardSignals.find(d.key()).ifPresentOrElse(std -> assertEquals(std, d),
                    () -> assertTrue(d.key().startsWith("pylontech."), d.key()));
        }
        assertEquals(SignalKind.NUMBER, signals.stream().filter(d -> d.key().equals("pylontech.module_count")).findFirst()
                .orElseThrow().kind());
        assertEquals(5, signals.stream().filter(d -> d.key().startsWith("pylontech.request.")
                && d.kind() == SignalKind.BOOLEAN).count());
    }

    @Test
    void everyKeyADecodedFrameCarriesIsDeclared() throws Exception {
        Set<String> declared = new HashSet<>();
        protocol.signals().forEach(d -> declared.add(d.key()));
        ProtocolSession session = protocol.newSession();
        for (CanFrame f : List.of(frame(0x351, 0, 0, 0, 0, 0, 0, 0, 0), frame(0x355, 0, 0, 0, 0), frame(0x356, 0, 0, 0, 0, 0, 0),
                frame(0x359, 0, 0, 0, 0, 1, 'P', 'N'), frame(0x35C, 0xC0, 0), text(0x35E, "PYLON   "))) {
            DecodedMessage m = session.decode(f);
            assertTrue(declared.containsAll(m.signals().keySet()), m.signals().keySet().toString());
            assertEquals(List.of(f), session.encode(m.message(), m.signals(), "can0", CanFrame.NO_TIMESTAMP));
        }
        assertEquals(Map.of("alarm.high_voltage", "raised"), Map.of("alarm.high_voltage",
                session.decode(frame(0x359, 0x02, 0, 0, 0, 1, 'P', 'N')).signals().get("alarm.high_voltage")));
    }
}
