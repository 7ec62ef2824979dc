package org.bmsworkbench.transport.socketcand.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class SocketcandCommandsTest {
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void sendWritesIdDlcAndEachByte() {
        assertEquals("< send 123 0 >", text(SocketcandCommands.send(CanFrame.of(0, "can0", 0x123, false))));
        // doc/protocol.md: "< send 1AAAAAAA 2 1 f1 >"; socketcand reads the bytes with %hhx, so 01 F1 is the same
        assertEquals("< send 1AAAAAAA 2 01 F1 >",
                text(SocketcandCommands.send(CanFrame.of(0, "can0", 0x1AAAAAAA, true, (byte) 1, (byte) 0xF1))));
        assertEquals("< send 00000001 8 00 11 22 33 44 55 66 77 >", text(SocketcandCommands.send(CanFrame.of(0, "can0", 1,
                true, (byte) 0, (byte) 0x11, (byte) 0x22, (byte) 0x33, (byte) 0x44, (byte) 0x55, (byte) 0x66, (byte) 0x77))));
    }

    @Test
    void openAndRawmode() {
        assertEquals("< open vcan0 >", text(SocketcandCommands.open("vcan0")));
        assertEquals("< rawmode >", text(SocketcandCommands.RAWMODE));
    }

    @Test
    void remoteAndErrorFramesCannotBeSentInRawMode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketcandCommands.send(CanFrame.remote(0, "can0", 0x123, false, 2)));
        assertTrue(e.getMessage().startsWith("socketcand's raw mode has no command to send a remote (RTR) frame"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SocketcandCommands.send(CanFrame.error(0, "can0", 4)));
    }
}
