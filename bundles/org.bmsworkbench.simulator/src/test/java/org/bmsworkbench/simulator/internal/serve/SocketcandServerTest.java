package org.bmsworkbench.simulator.internal.serve;

import static org.bmsworkbench.simulator.internal.serve.RecordingBus.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The socketcand server on a loopback port, with plain socket clients. */
class SocketcandServerTest {
    private final RecordingBus bus = new RecordingBus();
    private final SocketcandServer server = new SocketcandServer(new InetSocketAddress("127.0.0.1", 0), "can0", bus);

    @AfterEach
    void stop() {
        server.close();
    }

    private static CanFrame frame(int id) {
        return CanFrame.of(1_600_000_000_000_000L, "sim", id, false, HexFormat.of().parseHex("C01485FFD700"));
    }

    private SocketcandClient rawClient() throws IOException {
        SocketcandClient c = new SocketcandClient(server.port());
        assertEquals("< hi >", c.next());
        c.send("< open can0 >");
        assertEquals("< ok >", c.next());
        c.send("< rawmode >");
        assertEquals("< ok >", c.next());
        return c;
    }

    /** Delivers frames until the client has read one with this id (frames may have been dropped before it was in raw mode). */
    private String deliverUntilRead(SocketcandClient c, int id) throws IOException {
        String expected = String.format("< frame %03X ", id);
        int before = server.clientCount();
        assertTrue(before > 0);
        Thread feeder = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                server.deliver(frame(id));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        feeder.start();
        try {
            String e;
            while ((e = c.next()) != null) {
                if (e.startsWith(expected)) {
                    return e;
                }
            }
            return null;
        } finally {
            feeder.interrupt();
        }
    }

    @Test
    void clientsShareTheBusAndOneLeavingDoesNotStopIt() throws Exception {
        server.start();
        assertTrue(server.address().matches("socketcand://127\\.0\\.0\\.1:\\d+/can0"), server.address());
        try (SocketcandClient a = rawClient(); SocketcandClient b = rawClient()) {
            await(() -> server.clientCount() == 2, "two clients");
            assertEquals("< frame 356 1600000000.000000 C01485FFD700 >", deliverUntilRead(a, 0x356));
            assertEquals("< frame 356 1600000000.000000 C01485FFD700 >", deliverUntilRead(b, 0x356));

            a.send("< send 1CEFFF50 4 0 1 2 3 >");
            await(() -> bus.fromPeers.size() == 1, "the device to get the frame");
            assertEquals(0x1CEFFF50, bus.fromPeers.get(0).id());
            String seen;
            do {
                seen = b.next();
            } while (seen != null && !seen.startsWith("< frame 1CEFFF50 "));
            assertTrue(seen != null && seen.endsWith(" 00010203 >"), "the other client sees it on the bus: " + seen);

            a.close();
            await(() -> server.clientCount() == 1, "the first client to be gone");
            assertEquals("< frame 351 1600000000.000000 C01485FFD700 >", deliverUntilRead(b, 0x351));
            b.send("< echo >");
            assertEquals("< echo >", b.nextReply());
        }
        await(() -> server.clientCount() == 0, "no clients");
        try (SocketcandClient c = rawClient()) {
            assertEquals("< frame 35A 1600000000.000000 C01485FFD700 >", deliverUntilRead(c, 0x35A));
        }
        assertTrue(bus.events.stream().anyMatch(e -> e.matches("client 127\\.0\\.0\\.1:\\d+ connected")), bus.events::toString);
        await(() -> bus.events.stream().anyMatch(e -> e.endsWith(" disconnected")), "a disconnect to be told");
        assertTrue(bus.failures.isEmpty(), bus.failures::toString);
        assertTrue(server.summary().contains("3 clients") && server.summary().contains("1 received"), server.summary());
    }

    @Test
    void clientsSendingAtOnceNeverWaitOnEachOther() throws Exception {
        server.start();
        try (SocketcandClient a = rawClient(); SocketcandClient b = rawClient()) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                many.append("< send 123 1 ").append(Integer.toHexString(i & 0xFF)).append(" >");
            }
            Thread other = new Thread(() -> {
                try {
                    b.send(many.toString());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            a.send(many.toString());
            other.join();
            // each sees the other's 500 frames on the bus; the device gets all 1000
            await(() -> bus.fromPeers.size() == 1000, "the device to get every frame: " + bus.fromPeers.size());
            a.send("< echo >");
            b.send("< echo >");
            assertEquals("< echo >", a.nextReply());
            assertEquals("< echo >", b.nextReply());
        }
    }

    @Test
    void aClientAskingForAnotherBusIsToldAndDisconnected() throws Exception {
        server.start();
        try (SocketcandClient c = new SocketcandClient(server.port())) {
            assertEquals("< hi >", c.next());
            c.send("< open vcan0 >");
            assertEquals("< error could not open bus >", c.next());
            assertNull(c.next(), "the server hangs up");
        }
        await(() -> bus.events.stream().anyMatch(e -> e.endsWith(" refused: it asked for a bus other than can0")),
                "the refusal to be told");
        assertEquals(0, server.clientCount());
    }

    @Test
    void closingTheServerEndsItsThreadsAndClients() throws Exception {
        server.start();
        SocketcandClient c = rawClient();
        server.close();
        assertNull(c.nextReply(), "the client sees the end");
        c.close();
        await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("bmswb-serve-socketcand") && t.isAlive()), "threads to end");
        assertTrue(bus.failures.isEmpty(), bus.failures::toString);
    }

    @Test
    void aBusyPortIsReportedInOneLine() throws Exception {
        server.start();
        SocketcandServer second = new SocketcandServer(new InetSocketAddress("127.0.0.1", server.port()), "can0", bus);
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port() + ": "), e.getMessage());
        second.close();
    }
}
