package org.bmsworkbench.protocol.vreg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The BmsProtocol service: identity, messages, signals, detection (guide 1.5.4), session encoding. */
class VregProtocolTest {
    private final VregProtocol protocol = new VregProtocol();

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(1_600_000_000_000_000L, "can0", id, true, HexFormat.of().parseHex(hex));
    }

    @Test
    void identity() {
        assertEquals("vreg", protocol.id());
        assertEquals("VREG registers (Victron)", protocol.label());
        assertEquals(List.of("vreg", "vreg_request", "vreg_ack"), protocol.messages().stream().map(BmsProtocol.MessageInfo::name).toList());
        assertTrue(protocol.messages().stream().allMatch(BmsProtocol.MessageInfo::extended));
        assertEquals(List.of(), protocol.companions());
    }

    @Test
    void signalsUseTheStandardDescriptorsAndAddThreeOfTheirOwn() {
        List<SignalDescriptor> signals = protocol.signals();
        for (SignalDescriptor d : signals) {
            StandardSignals.find(d.key()).ifPresent(s -> assertEquals(s, d, d.key()));
        }
        List<String> own = signals.stream().map(SignalDescriptor::key).filter(k -> StandardSignals.find(k).isEmpty()).toList();
        assertEquals(List.of("vreg.device_instance", "vreg.model_name", "vreg.mask"), own);
        assertEquals(SignalKind.TEXT, signals.stream().filter(d -> d.key().equals("vreg.model_name")).findFirst().orElseThrow().kind());
    }

    @Test
    void detectionWeighsTheMgProductIdHighest() {
        assertEquals(VregProtocol.SCORE_MG_PRODUCT, protocol.detectionScore(frame(0x1CEFFF50, "6699000192A3FFFF")));
        assertEquals(VregProtocol.SCORE_REGISTER, protocol.detectionScore(frame(0x1CEFFF50, "6699FF0F2E22FFFF")));
        assertEquals(VregProtocol.SCORE_REGISTER, protocol.detectionScore(frame(0x1CEFFF50, "6699000134120000")), "another product");
        assertEquals(VregProtocol.SCORE_COMMAND, protocol.detectionScore(frame(0x1CEF5020, "669901000201FFFF")));
        assertEquals(VregProtocol.SCORE_COMMAND, protocol.detectionScore(frame(0x1CEF2050, "6699020002010080")));
        assertEquals(VregProtocol.SCORE_OTHER_VREG, protocol.detectionScore(frame(0x1CEFFF50, "6699341200000000")));
        assertEquals(0, protocol.detectionScore(frame(0x1CEFFF50, "6699FF0F2E")), "too short");
        assertEquals(0, protocol.detectionScore(frame(0x19F21450, "6699FF0F2E22FFFF")), "PGN 127508");
        assertEquals(0, protocol.detectionScore(CanFrame.of(0, "can0", 0x356, false, new byte[] {0x66, (byte) 0x99, 0, 0})));
    }

    @Test
    void sessionEncodesByModelKeysWithAddressingKeys() throws Exception {
        ProtocolSession session = protocol.newSession();
        List<CanFrame> soc = session.encode("vreg", Map.of("soc", 87.5), "can0", 0);
        assertEquals(0x1CEFFF50, soc.get(0).id());
        assertEquals("6699FF0F2E22FFFF", soc.get(0).dataHex());
        assertEquals(Map.of("soc", 87.5), session.decode(soc.get(0)).signals());

        CanFrame request = session.encode("vreg_request", Map.of("vreg.register", 0x0102), "can0", 0).get(0);
        assertEquals(0x1CEF5020, request.id());
        assertEquals("669901000201FFFF", request.dataHex());
        CanFrame ack = session.encode("vreg_ack", Map.of("vreg.register", 0x0102, "vreg.code", 0x8000), "can0", 0).get(0);
        assertEquals(0x1CEF2050, ack.id());
        assertEquals("6699020002010080", ack.dataHex());

        Map<String, Object> write = new LinkedHashMap<>();
        write.put("setting.sync_group", 2L);
        write.put("vreg.source", 0x20);
        write.put("vreg.destination", 0x50);
        CanFrame w = session.encode("vreg", write, "can0", 0).get(0);
        assertEquals(0x1CEF5020, w.id());
        assertEquals("6699740302FFFFFF", w.dataHex());
    }

    @Test
    void sessionEncodingSaysWhatIsMissing() {
        ProtocolSession session = protocol.newSession();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.encode("vreg", Map.of("pack.temperature", 20.0), "can0", 0));
        assertTrue(e.getMessage().contains("vreg.register"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> session.encode("vreg_ack", Map.of("vreg.register", 1), "can0", 0));
        assertTrue(e.getMessage().contains("vreg.code"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> session.encode("battery_status", Map.of(), "can0", 0));
    }
}
