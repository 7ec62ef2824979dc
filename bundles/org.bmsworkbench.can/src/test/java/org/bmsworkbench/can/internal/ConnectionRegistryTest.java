package org.bmsworkbench.can.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {
    private final ConnectionRegistry registry = new ConnectionRegistry(System::currentTimeMillis, 1000);

    @AfterEach
    void stop() {
        registry.deactivate();
    }

    private static Map<String, Object> scheme(String s) {
        return Map.of(ConnectionRegistry.SCHEME_PROPERTY, s);
    }

    private static void awaitState(Connection c, ConnectionState state) {
        Await.until(() -> c.state() == state, () -> state + ", but " + c);
    }

    @Test
    void transportsThatCannotWorkHereAreListedWithTheirReason() {
        FakeTransport usable = new FakeTransport("usable");
        FakeTransport vendor = new FakeTransport("vendor");
        vendor.unavailable = "libvendor.so is not installed: install the vendor's driver";
        registry.bindTransport(usable, scheme("usable"));
        registry.bindTransport(vendor, scheme("vendor"));
        assertEquals(Map.of("vendor", "libvendor.so is not installed: install the vendor's driver"),
                registry.unavailableTransports());
        assertEquals(Set.of("usable", "vendor"), registry.transports().keySet(), "still installed and listed");
    }

    @Test
    void waitsForTheTransportAndOpensAsSoonAsItBinds() {
        registry.bindTransport(new FakeTransport("other"), scheme("other"));
        Connection c = registry.open("fake:bus?bitrate=250000");

        assertEquals(ConnectionState.WAITING_FOR_TRANSPORT, c.state());
        assertTrue(c.stateDetail().contains("fake:"), c.stateDetail());
        assertTrue(c.stateDetail().contains("installed: other"), c.stateDetail());
        assertEquals(List.of(c), registry.active());

        FakeTransport fake = new FakeTransport("fake");
        registry.bindTransport(fake, scheme("fake"));
        awaitState(c, ConnectionState.CONNECTED);
        assertEquals(1, fake.channels.size());
        assertEquals(Set.of("fake", "other"), registry.schemes());
        assertEquals("fake transport fake", registry.transports().get("fake"));
    }

    @Test
    void waitingDetailSaysWhenNoTransportIsInstalled() {
        Connection c = registry.open("slcan:/dev/ttyACM0");
        assertEquals("no transport for slcan: installed none", c.stateDetail());
    }

    @Test
    void unbindClosesTheChannelAndWaitsAgainThenRebindReopens() {
        FakeTransport fake = new FakeTransport("fake");
        Map<String, Object> props = scheme("fake");
        registry.bindTransport(fake, props);
        Connection c = registry.open("fake:bus");
        awaitState(c, ConnectionState.CONNECTED);
        FakeTransport.FakeChannel first = fake.last();
        List<CanFrame> received = new CopyOnWriteArrayList<>();
        c.subscribe(received::add);

        registry.unbindTransport(fake, props);

        assertTrue(first.closed(), "channel closed when its transport left");
        assertEquals(ConnectionState.WAITING_FOR_TRANSPORT, c.state());
        assertEquals("transport for fake: was removed", c.stateDetail());
        assertTrue(registry.schemes().isEmpty());
        first.listener.onFrame(CanFrame.of(1, "b", 0x100, false, (byte) 1));
        assertTrue(received.isEmpty(), "a frame from the removed transport's channel is ignored");

        registry.bindTransport(fake, props);
        awaitState(c, ConnectionState.CONNECTED);
        assertEquals(2, fake.channels.size());
        fake.last().listener.onFrame(CanFrame.of(2, "b", 0x101, false, (byte) 2));
        assertEquals(1, received.size());
    }

    @Test
    void aStandByTransportTakesOverWhenTheServingOneLeaves() {
        FakeTransport a = new FakeTransport("a");
        FakeTransport b = new FakeTransport("b");
        registry.bindTransport(a, scheme("fake"));
        registry.bindTransport(b, scheme("fake"));
        Connection c = registry.open("fake:x");
        awaitState(c, ConnectionState.CONNECTED);
        assertEquals(1, a.channels.size());

        registry.unbindTransport(a, scheme("fake"));
        awaitState(c, ConnectionState.CONNECTED);
        assertEquals(1, b.channels.size());
        assertTrue(a.last().closed());
    }

    @Test
    void invalidUrisNameTheProblem() {
        registry.bindTransport(new FakeTransport("fake"), scheme("fake"));
        assertMessage("empty", () -> registry.open(" "));
        assertMessage("has no scheme", () -> registry.open("/dev/ttyACM0"));
        assertMessage("'9x' is not a valid scheme", () -> registry.open("9x:foo"));
        assertMessage("unknown option 'speed'", () -> registry.open("fake:x?speed=3"));
        assertMessage("not of the form key=value", () -> registry.open("fake:x?bitrate"));
        assertMessage("given twice", () -> registry.open("fake:x?bitrate=1&bitrate=2"));
        assertMessage("bitrate=fast is not a whole number", () -> registry.open("fake:x?bitrate=fast"));
        assertMessage("empty host", () -> registry.open("socketcand:///can0"));
        assertTrue(registry.active().isEmpty(), "a rejected URI opens nothing");
    }

    private static void assertMessage(String expected, Runnable open) {
        InvalidUriException e = assertThrows(InvalidUriException.class, open::run);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should say " + expected);
    }

    @Test
    void aWaitingUriThatTheArrivingTransportRejectsFails() {
        Connection c = registry.open("fake:x?speed=3");
        registry.bindTransport(new FakeTransport("fake"), scheme("fake"));
        assertEquals(ConnectionState.FAILED, c.state());
        assertTrue(c.stateDetail().contains("unknown option 'speed'"), c.stateDetail());
    }

    @Test
    void anOpenFailureIsShownAsFailed() {
        FakeTransport fake = new FakeTransport("fake");
        fake.failOpen = new IOException("port /dev/ttyACM9 does not exist");
        registry.bindTransport(fake, scheme("fake"));
        Connection c = registry.open("fake:/dev/ttyACM9");
        awaitState(c, ConnectionState.FAILED);
        assertEquals("port /dev/ttyACM9 does not exist", c.stateDetail());
        assertEquals(List.of(c), registry.active(), "a failed connection stays listed until closed");
    }

    @Test
    void closeIsIdempotentAndRemovesTheConnection() {
        FakeTransport fake = new FakeTransport("fake");
        registry.bindTransport(fake, scheme("fake"));
        Connection c = registry.open("fake:x");
        awaitState(c, ConnectionState.CONNECTED);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        c.onStateChange((s, d) -> states.add(s));

        c.close();
        c.close();

        assertEquals(ConnectionState.CLOSED, c.state());
        assertEquals(List.of(ConnectionState.CLOSED), states);
        assertEquals(1, fake.last().closes.get());
        assertTrue(registry.active().isEmpty());
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 1, false)));
        assertTrue(e.getMessage().startsWith("not connected: state CLOSED"), e.getMessage());
    }

    @Test
    void closingWhileOpeningClosesTheLateChannel() {
        FakeTransport fake = new FakeTransport("fake");
        fake.holdOpen = new CountDownLatch(1);
        registry.bindTransport(fake, scheme("fake"));
        Connection c = registry.open("fake:x");
        assertEquals(ConnectionState.CONNECTING, c.state());

        c.close();
        fake.holdOpen.countDown();

        Await.until(() -> fake.channels.size() == 1 && fake.last().closed(), () -> "the late channel closed");
        assertEquals(ConnectionState.CLOSED, c.state());
    }

    @Test
    void theEndOfAFiniteSourceClosesTheConnection() {
        FakeTransport fake = new FakeTransport("fake");
        registry.bindTransport(fake, scheme("fake"));
        Connection c = registry.open("fake:log");
        awaitState(c, ConnectionState.CONNECTED);

        fake.last().listener.onState(ConnectionState.CLOSED, "end of log.asc");

        assertEquals(ConnectionState.CLOSED, c.state());
        assertEquals("end of log.asc", c.stateDetail());
        assertTrue(registry.active().isEmpty());
    }

    @Test
    void aProviderMayServeSeveralSchemes() {
        FakeTransport fake = new FakeTransport("fake");
        registry.bindTransport(fake, Map.of(ConnectionRegistry.SCHEME_PROPERTY, new String[] {"replay", "snapshot"}));
        assertEquals(Set.of("replay", "snapshot"), registry.schemes());
    }

    @Test
    void deactivateClosesEverythingAndRefusesNewConnections() {
        FakeTransport fake = new FakeTransport("fake");
        registry.bindTransport(fake, scheme("fake"));
        Connection connected = registry.open("fake:x");
        Connection waiting = registry.open("none:x");
        awaitState(connected, ConnectionState.CONNECTED);

        registry.deactivate();

        assertEquals(ConnectionState.CLOSED, connected.state());
        assertEquals(ConnectionState.CLOSED, waiting.state());
        assertTrue(fake.last().closed());
        assertTrue(registry.active().isEmpty());
        assertThrows(IllegalStateException.class, () -> registry.open("fake:y"));
        Await.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("bmswb-connection-open-") && t.isAlive()),
                () -> "the opener threads to end");
    }
}
