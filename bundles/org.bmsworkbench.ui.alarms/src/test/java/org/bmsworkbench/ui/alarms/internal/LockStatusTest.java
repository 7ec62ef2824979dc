package org.bmsworkbench.ui.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.junit.jupiter.api.Test;

class LockStatusTest {
    private static final MgMasterLvProfile MG = MgMasterLvProfile.defaults();

    private static DefaultBmsModel model(Object state, Object error) {
        DefaultBmsModel m = new DefaultBmsModel(10);
        Map<String, Object> s = new LinkedHashMap<>();
        if (state != null) {
            s.put("bms.state", state);
        }
        if (error != null) {
            s.put("bms.error", error);
        }
        m.apply(DecodedMessage.of("vreg", "vreg", CanFrame.of(1, "sim", 1, false), s));
        return m;
    }

    @Test
    void errorStateWithALockingCodeIsASafetyLock() {
        LockStatus s = LockStatus.of(model(10L, 15L), MG);
        assertEquals(LockStatus.Kind.SAFETY_LOCK, s.kind());
        assertTrue(s.reason().contains("error 15 Over temperature detected"), s.reason());
        assertTrue(s.check().contains(" Check: "), s.check());
    }

    @Test
    void errorStateWithAnotherCodeIsAnError() {
        LockStatus s = LockStatus.of(model(10L, 2L), MG);
        assertEquals(LockStatus.Kind.ERROR, s.kind());
        assertEquals("The BMS is in its error state: No batteries found", s.title());
    }

    @Test
    void runningOrUnknownIsNothingToSay() {
        assertSame(LockStatus.NONE, LockStatus.of(model(9L, 13L), MG), "not in the error state: no lock");
        assertSame(LockStatus.NONE, LockStatus.of(model(null, null), MG));
        assertSame(LockStatus.NONE, LockStatus.of(model(9L, null), null));
    }

    @Test
    void anErrorCodeNotYetReceived() {
        LockStatus s = LockStatus.of(model(10L, null), MG);
        assertEquals(LockStatus.Kind.ERROR, s.kind());
        assertTrue(s.reason().contains("has not arrived yet"), s.reason());
    }

    @Test
    void withoutAProfileTheErrorStateIsStillAnError() {
        LockStatus s = LockStatus.of(model(10L, 13L), null);
        assertEquals(LockStatus.Kind.ERROR, s.kind());
        assertEquals("BMS state 10, error code 13.", s.reason());
    }
}
