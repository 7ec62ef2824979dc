package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.junit.jupiter.api.Test;

/** A transport's open channels: closed when it stops, none opened after, one opened meanwhile closed at once. */
class OpenChannelsTest {
    private final OpenChannels<Channel> channels = new OpenChannels<>("pcan");
    private final ConnectionUri uri = ConnectionUri.parse("pcan:PCAN_USBBUS1");

    private final class Channel implements CanChannel {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void send(CanFrame frame) {
        }

        @Override
        public void close() {
            if (closes.incrementAndGet() == 1) {
                channels.remove(this);
            }
        }
    }

    @Test
    void stoppingClosesTheOpenChannelsAndOpensNoMore() throws IOException {
        channels.checkOpen(uri);
        Channel a = new Channel();
        Channel b = new Channel();
        channels.add(a, uri);
        channels.add(b, uri);
        assertEquals(2, channels.size());
        a.close();
        assertEquals(1, channels.size());
        channels.stop();
        assertEquals(0, channels.size());
        assertEquals(1, a.closes.get());
        assertEquals(1, b.closes.get());
        assertEquals("the pcan transport is stopped; cannot open pcan:PCAN_USBBUS1",
                assertThrows(IOException.class, () -> channels.checkOpen(uri)).getMessage());
        Channel late = new Channel();
        assertEquals("the pcan transport stopped while opening pcan:PCAN_USBBUS1",
                assertThrows(IOException.class, () -> channels.add(late, uri)).getMessage());
        assertEquals(1, late.closes.get(), "a channel opened while stopping is closed at once");
        assertEquals(0, channels.size());
    }
}
