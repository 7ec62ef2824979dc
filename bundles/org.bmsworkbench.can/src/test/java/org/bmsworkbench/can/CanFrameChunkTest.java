package org.bmsworkbench.can;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link CanFrame#chunk}: bytes of a serial line carried like a frame. The bytes are the JBD
 * read request for register 0x03 (vendor guide: start 0xDD, read 0xA5, register, length 0,
 * checksum 0xFFFD, end 0x77).
 */
class CanFrameChunkTest {
    private static final byte[] JBD_READ_03 = {(byte) 0xDD, (byte) 0xA5, 0x03, 0x00, (byte) 0xFF, (byte) 0xFD, 0x77};

    @Test
    void aChunkCarriesItsBytesPortAndDirection() {
        CanFrame c = CanFrame.chunk(1_600_000_000_052_311L, "ttyUSB0", Direction.TX, JBD_READ_03);
        assertTrue(c.chunk());
        assertEquals("ttyUSB0", c.bus());
        assertEquals(Direction.TX, c.direction());
        assertEquals(7, c.length());
        assertEquals(7, c.dlc());
        assertArrayEquals(JBD_READ_03, c.data());
        assertEquals(0, c.id());
        assertFalse(c.extended() || c.fd() || c.remote() || c.error() || c.brs() || c.esi());
        assertEquals(1_600_000_000_052_311L, c.timestampMicros());
    }

    @Test
    void theBytesAreCopied() {
        byte[] bytes = JBD_READ_03.clone();
        CanFrame c = CanFrame.chunk(0, "ttyUSB0", Direction.RX, bytes);
        bytes[0] = 0;
        assertEquals(0xDD, c.u8(0));
    }

    @Test
    void aChunkHoldsOneToMaxChunkLengthBytes() {
        assertEquals(1, CanFrame.chunk(0, "p", Direction.RX, new byte[1]).length());
        assertEquals(CanFrame.MAX_CHUNK_LENGTH,
                CanFrame.chunk(0, "p", Direction.RX, new byte[CanFrame.MAX_CHUNK_LENGTH]).length());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CanFrame.chunk(0, "p", Direction.RX));
        assertEquals("a chunk of 0 bytes is outside 1..4096", empty.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> CanFrame.chunk(0, "p", Direction.RX, new byte[CanFrame.MAX_CHUNK_LENGTH + 1]));
        assertEquals("a chunk of 4097 bytes is outside 1..4096", big.getMessage());
    }

    @Test
    void aChunkIsNeverEqualToACanFrameWithTheSameBytes() {
        CanFrame chunk = CanFrame.chunk(5, "ttyUSB0", Direction.RX, (byte) 1, (byte) 2);
        CanFrame frame = CanFrame.of(5, "ttyUSB0", 0, false, new byte[] {1, 2});
        assertNotEquals(chunk, frame);
        assertNotEquals(frame, chunk);
        assertEquals(chunk, CanFrame.chunk(5, "ttyUSB0", Direction.RX, (byte) 1, (byte) 2));
        assertEquals(chunk.hashCode(), CanFrame.chunk(5, "ttyUSB0", Direction.RX, (byte) 1, (byte) 2).hashCode());
        assertNotEquals(chunk, CanFrame.chunk(5, "ttyUSB0", Direction.TX, (byte) 1, (byte) 2));
        assertNotEquals(chunk, CanFrame.chunk(5, "ttyUSB1", Direction.RX, (byte) 1, (byte) 2));
        assertNotEquals(chunk, CanFrame.chunk(5, "ttyUSB0", Direction.RX, (byte) 1, (byte) 3));
    }

    @Test
    void toStringIsTheSerialTraceLine() {
        assertEquals("ttyUSB0 tx DDA50300FFFD77 (TX)",
                CanFrame.chunk(0, "ttyUSB0", Direction.TX, JBD_READ_03).toString());
        assertEquals("COM4 rx 0A (RX)", CanFrame.chunk(0, "COM4", Direction.RX, (byte) 0x0A).toString());
    }

    @Test
    void aChunkStaysAChunkWhenRetimedOrTurned() {
        CanFrame c = CanFrame.chunk(0, "ttyUSB0", Direction.RX, JBD_READ_03);
        assertTrue(c.withDirection(Direction.TX).chunk());
        assertEquals(Direction.TX, c.withDirection(Direction.TX).direction());
        assertTrue(c.withTimestamp(42).chunk());
        assertEquals(42, c.withTimestamp(42).timestampMicros());
    }
}
