package org.bmsworkbench.ui.registers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.junit.jupiter.api.Test;

/** How values, ranges and outcomes read, on the guide's catalogue (1.5.4.2). */
class RegisterTextTest {
    private static RegisterInfo reg(int id) {
        return VregCatalogue.INSTANCE.find(id).orElseThrow();
    }

    @Test
    void valuesWithScaleLabelsFieldsFlagsAndTimes() {
        assertEquals("53.20", RegisterText.value(reg(0xED8D), Map.of("pack.voltage", 53.2)));
        assertEquals("V", RegisterText.unit(reg(0xED8D)));
        assertEquals("9 (Running)", RegisterText.value(reg(0x0371), Map.of("bms.state", 9L)));
        assertEquals("min 3.30 · max 3.35", RegisterText.value(reg(0x0385), Map.of("cell.voltage.min", 3.3,
                "cell.voltage.max", 3.35)));
        assertEquals("batteries 4 · cells per battery 4 · parallel 1 · series 4", RegisterText.value(reg(0x0380),
                Map.of("config.batteries", 4L, "config.cells_per_battery", 4L, "config.parallel", 1L, "config.series", 4L)));
        assertEquals("2023-11-14 22:13:20 UTC", RegisterText.value(reg(0x2111), Map.of("error.history.1.time", 1_700_000_000L)));
        assertEquals("", RegisterText.unit(reg(0x2111)), "a time has no unit column");
        assertEquals("never", RegisterText.value(reg(0x2111), Map.of("error.history.1.time", 0L)));
        assertEquals("0x00000000", RegisterText.value(reg(0x2100), Map.of("bms.flags", 0L)));
        Map<String, Object> na = new HashMap<>();
        na.put("setting.sync_group", null);
        assertEquals("not available (BMS in error state)", RegisterText.value(reg(0x0374), na));
        assertEquals("", RegisterText.value(reg(0x0374), null));
        assertEquals("RW", RegisterText.access(reg(0x0374)));
        assertEquals("R", RegisterText.access(reg(0x0FFF)));
    }

    @Test
    void agesAndRanges() {
        assertEquals("", RegisterText.age(-1));
        assertEquals("4 s", RegisterText.age(4_999));
        assertEquals("2 min 5 s", RegisterText.age(125_000));
        assertEquals("1 h 1 min", RegisterText.age(3_660_000));
        assertEquals("0..96", RegisterText.range(reg(0x0387)));
    }

    @Test
    void outcomesSpellTheAckCodeOut() {
        RegisterResult rejected = new RegisterResult(0x0374, 0x50, Outcome.REJECTED, 0x8100, Map.of(), "", 1, "m");
        assertEquals("write: ACK 0x8100, write rejected: value out of range or register not writable",
                RegisterText.outcome("write", rejected));
        RegisterResult timeout = new RegisterResult(0x0374, 0x50, Outcome.TIMEOUT, null, Map.of(), "", 3, "m");
        assertEquals("read: no answer", RegisterText.outcome("read", timeout));
    }

    @Test
    void aTypedValueIsCheckedBeforeAnythingIsSent() throws Exception {
        WriteRequest ok = WriteRequest.parse(reg(0x0374), " 2 (Group 2)");
        assertEquals(2L, ok.value());
        assertEquals("2 (Group 2)", ok.text());
        assertEquals("4 is outside 0..3 for 0x0374 Synchronize group number; nothing was sent",
                assertThrows(WriteRequest.Invalid.class, () -> WriteRequest.parse(reg(0x0374), "4")).getMessage());
        assertEquals("1.5 has more decimals than 0x0374 Synchronize group number takes (resolution 1)",
                assertThrows(WriteRequest.Invalid.class, () -> WriteRequest.parse(reg(0x0374), "1.5")).getMessage());
        assertEquals("'x' is not a number (0x0387 Number of batteries in parallel)",
                assertThrows(WriteRequest.Invalid.class, () -> WriteRequest.parse(reg(0x0387), "x")).getMessage());
        assertEquals("0x0FFF State-of-Charge is read-only",
                assertThrows(WriteRequest.Invalid.class, () -> WriteRequest.parse(reg(0x0FFF), "50")).getMessage());
        assertEquals("99999999999999999999 is outside 0..96 for 0x0387 Number of batteries in parallel; nothing was sent",
                assertThrows(WriteRequest.Invalid.class, () -> WriteRequest.parse(reg(0x0387), "99999999999999999999"))
                        .getMessage());
        assertEquals(new BigDecimal("1"), new BigDecimal(WriteRequest.parse(reg(0x0375), "1").value().toString()));
    }
}
