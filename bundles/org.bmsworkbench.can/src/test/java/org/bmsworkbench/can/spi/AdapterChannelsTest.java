package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** What the pcan: and kvaser: channels share: the reconnect messages, what they refuse to send, closing the reader. */
class AdapterChannelsTest {
    private static final CanFrame DATA = CanFrame.of(0, "x", 0x100, false, (byte) 1);

    private static String refusal(CanFrame frame, boolean listenOnly, boolean closed, boolean up) {
        return assertThrows(IOException.class,
                () -> AdapterChannels.checkSendable("pcan", "PCAN_USBBUS1", frame, listenOnly, closed, up)).getMessage();
    }

    @Test
    void whatIsNotSentSaysWhy() throws IOException {
        AdapterChannels.checkSendable("pcan", "PCAN_USBBUS1", DATA, false, false, true);
        AdapterChannels.checkSendable("pcan", "PCAN_USBBUS1", CanFrame.remote(0, "x", 0x123, false, 2), false, false, true);
        assertEquals("pcan PCAN_USBBUS1 is listen-only (mode=listen-only): nothing is sent; cannot send " + DATA,
                refusal(DATA, true, false, true));
        CanFrame fd = CanFrame.fd(0, "x", 0x10, false, true, false, new byte[12]);
        assertEquals("pcan PCAN_USBBUS1: CAN FD frames are not sent by this transport (" + fd + ")", refusal(fd, false, false, true));
        CanFrame error = CanFrame.error(0, "x", 0);
        assertEquals("pcan PCAN_USBBUS1: only data and remote frames can be sent (" + error + ")",
                refusal(error, false, false, true));
        assertEquals("pcan PCAN_USBBUS1: adapter gone (reconnecting); cannot send " + DATA, refusal(DATA, false, false, false));
        assertEquals("pcan PCAN_USBBUS1: channel closed; cannot send " + DATA, refusal(DATA, false, true, false));
    }

    @Test
    void theReconnectDetailNamesTheBusOnce() {
        Reconnection.Reason gone = AdapterChannels.gone("kvaser0");
        assertEquals("kvaser0 gone (canERR_NOTFOUND (-3)), retrying in 500 ms",
                gone.text("kvaser0: canERR_NOTFOUND (-3)", true, "500 ms"));
        assertEquals("kvaser0 still gone (canOpenChannel(0) failed), retrying in 1 s",
                gone.text("kvaser0: canOpenChannel(0) failed", false, "1 s"));
        assertEquals("kvaser0 gone (no such device), retrying in 500 ms", gone.text("no such device", true, "500 ms"));
    }

    @Test
    void closingWaitsForAStartedReaderAndReleasesForOneNeverStarted() throws Exception {
        Thread unstarted = new Thread(() -> { });
        assertTrue(AdapterChannels.awaitReader(unstarted), "never started: the caller releases the adapter");
        Thread started = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.start();
        assertFalse(AdapterChannels.awaitReader(started), "the reader releases the adapter itself");
        assertFalse(started.isAlive());
    }
}
