package org.bmsworkbench.bms.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class FrameFieldsTest {

    @Test
    void aShortFrameIsNamedWithTheBytesItNeedsInGoodEnglish() {
        CanFrame empty = CanFrame.of(0, "can0", 0x35B, false);
        MalformedFrameException one = assertThrows(MalformedFrameException.class,
                () -> FrameFields.requireLength(empty, 1, "events"));
        assertEquals("0x35B events needs 1 data byte, got 0", one.getMessage());
        MalformedFrameException six = assertThrows(MalformedFrameException.class,
                () -> FrameFields.requireLength(CanFrame.of(0, "can0", 0x356, false, new byte[1]), 6, "battery_basic_info"));
        assertEquals("0x356 battery_basic_info needs 6 data bytes, got 1", six.getMessage());
        assertDoesNotThrow(() -> FrameFields.requireLength(CanFrame.of(0, "can0", 0x356, false, new byte[8]), 6, "x"));
    }
}
