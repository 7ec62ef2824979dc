package org.bmsworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --device ADDR[:INSTANCE]}, as monitor, gui, decode, vreg, snapshot and unlock take it. */
class DeviceOptionTest {

    @Test
    void addressesAndInstancesInDecimalOrHex() throws Exception {
        assertEquals(new DeviceOption(80, null), DeviceOption.parse("80", true));
        assertEquals(new DeviceOption(0x50, 1), DeviceOption.parse(" 0x50:1 ", true));
        assertEquals(new DeviceOption(0xFD, 0xFF), DeviceOption.parse("0XFD:0xff", true));
        assertEquals(new DeviceOption(0, null), DeviceOption.parse("0", false));
    }

    @Test
    void outOfRangeOrMalformedIsAUsageErrorThatSaysWhatIsExpected() {
        for (String bad : new String[] {"254", "0x100", "-1", "+5", "bms", "", "0x", "80:", "80:256", ":1", "1:2:3"}) {
            UsageException e = assertThrows(UsageException.class, () -> DeviceOption.parse(bad, true), bad);
            assertTrue(e.getMessage().startsWith("--device: expected ADDR or ADDR:INSTANCE"), e.getMessage());
            assertTrue(e.getMessage().endsWith("got '" + bad + "'"), e.getMessage());
        }
        UsageException e = assertThrows(UsageException.class, () -> DeviceOption.parse("80:1", false));
        assertEquals("--device: expected an address 0..253, decimal or 0x hex, such as 80 or 0x50, got '80:1'",
                e.getMessage());
    }
}
