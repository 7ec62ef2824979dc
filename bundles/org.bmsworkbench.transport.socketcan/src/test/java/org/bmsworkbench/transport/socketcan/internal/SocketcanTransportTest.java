package org.bmsworkbench.transport.socketcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URIs, the clear errors before any socket, discovery, and the channel over a fake socket and a fake sysfs. */
class SocketcanTransportTest {
    private static final SocketcanTransport.Timing FAST = new SocketcanTransport.Timing(30, 60);

    @TempDir
    Path dir;
    private final BlockingQueue<FakeRawSocket> sockets = new LinkedBlockingQueue<>();
    private final List<FakeRawSocket> opened = new CopyOnWriteArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    private SocketcanTransport transport;

    private SocketcanTransport transport(boolean linux) {
        transport = new SocketcanTransport(new CanInterfaces(dir), name -> {
            FakeRawSocket s = new FakeRawSocket();
            opened.add(s);
            sockets.add(s);
            return s;
        }, linux, FAST);
        return transport;
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.deactivate();
        }
    }

    private String refused(String uri) {
        return assertThrows(IOException.class, () -> transport.open(ConnectionUri.parse(uri), listener)).getMessage();
    }

    @Test
    void uris() {
        assertEquals(new SocketcanTransport.Settings("can0", 0), SocketcanTransport.settings(ConnectionUri.parse("socketcan:can0")));
        assertEquals(new SocketcanTransport.Settings("vcan1", 250_000),
                SocketcanTransport.settings(ConnectionUri.parse("socketcan:vcan1?bitrate=250000")));
        assertEquals("'socketcan:': missing interface name (e.g. socketcan:can0)", invalid("socketcan:"));
        assertEquals("'socketcan://h/can0': a SocketCAN interface has no host; write socketcan:NAME, e.g. socketcan:can0",
                invalid("socketcan://h/can0"));
        assertEquals("'socketcan:/dev/can0': '/dev/can0' is not a Linux interface name (1 to 15 letters, digits, '_', '.', "
                + "':', '@' or '-', e.g. can0)", invalid("socketcan:/dev/can0"));
        assertEquals("'socketcan:can0?listen=true': unknown option 'listen' for socketcan: (known: bitrate)",
                invalid("socketcan:can0?listen=true"));
    }

    private static String invalid(String uri) {
        return assertThrows(InvalidUriException.class, () -> SocketcanTransport.settings(ConnectionUri.parse(uri))).getMessage();
    }

    @Test
    void aMissingInterfaceSaysHowToSetItUp() {
        transport(true);
        assertEquals("no CAN interface can0: ip link show can0 finds nothing — set it up with "
                + "`ip link set can0 up type can bitrate 500000`", refused("socketcan:can0"));
        assertTrue(refused("socketcan:vcan0").endsWith("(a virtual one: `ip link add dev vcan0 type vcan && ip link set vcan0 up`)"));
        new FakeSysfs(dir).add("eth0", 1, "up", "0x1003").add("can1", 280, "down", "0x80");
        assertEquals("eth0 is not a CAN interface (its type is 1, CAN is 280); 'bmswb adapters' lists the CAN interfaces",
                refused("socketcan:eth0"));
        assertEquals("CAN interface can1 is down: set it up with `ip link set can1 up type can bitrate 500000`",
                refused("socketcan:can1"));
        assertEquals(List.of(), opened, "no socket was opened for any of them");
    }

    @Test
    void notLinuxSaysSoAndDiscoversNothing() {
        transport(false);
        new FakeSysfs(dir).add("can0", 280, "up", "0x1");
        assertTrue(refused("socketcan:can0").startsWith("SocketCAN is Linux only; this is "));
        assertEquals(List.of(), transport.discover());
    }

    @Test
    void discoveryListsTheCanInterfacesWithTheirState() {
        transport(true);
        new FakeSysfs(dir).add("can0", 280, "up", "0x40081").add("vcan0", 280, "unknown", "0xc1").add("eth0", 1, "up", "0x1003")
                .add("can1", 280, "down", "0x80");
        assertEquals(List.of(
                new DiscoveredAdapter("socketcan", "socketcan:can0", "can0", "SocketCAN interface, up", -1, -1, "SocketCAN"),
                new DiscoveredAdapter("socketcan", "socketcan:can1", "can1", "SocketCAN interface, down", -1, -1, "SocketCAN"),
                new DiscoveredAdapter("socketcan", "socketcan:vcan0", "vcan0", "virtual CAN interface, up (operstate unknown)",
                        -1, -1, "SocketCAN")), transport.discover());
    }

    @Test
    void framesFlowBothWaysAndKernelDropsAreReported() throws Exception {
        transport(true);
        new FakeSysfs(dir).add("can0", 280, "up", "0x40081");
        CanChannel channel = transport.open(ConnectionUri.parse("socketcan:can0?bitrate=500000"), listener);
        FakeRawSocket s = sockets.take();
        CanFrame f = CanFrame.of(1, "can0", 0x356, false, (byte) 1);
        s.dropped.set(3);
        s.deliver(f);
        RecordingListener.await(() -> listener.frames.size() == 1, () -> "a frame");
        assertEquals(f, listener.frames.get(0));
        RecordingListener.await(() -> !listener.errors.isEmpty(), () -> "the drop report");
        assertEquals("socketcan can0: the kernel dropped 3 frames (the receive queue was full)", listener.errors.get(0));
        CanFrame out = CanFrame.of(0, "can0", 0x1CEF50FF, true, (byte) 2);
        channel.send(out);
        assertEquals(List.of(out), s.sent);
        assertEquals(500_000, channel.bitrate());
        assertThrows(IOException.class, () -> channel.send(CanFrame.error(0, "can0", 4)));
    }

    @Test
    void anInterfaceThatGoesDownIsReconnectedWhenItIsUpAgain() throws Exception {
        transport(true);
        FakeSysfs sysfs = new FakeSysfs(dir).add("can0", 280, "up", "0x40081");
        CanChannel channel = transport.open(ConnectionUri.parse("socketcan:can0"), listener);
        FakeRawSocket first = sockets.take();
        sysfs.add("can0", 280, "down", "0x80");
        first.fail("Network is down");
        RecordingListener.await(() -> listener.states.stream().anyMatch(s -> s.equals("RECONNECTING: socketcan interface can0 went down, retrying in 30 ms")),
                () -> "RECONNECTING: " + listener.states);
        RecordingListener.await(() -> listener.states.stream().anyMatch(s -> s.equals("RECONNECTING: socketcan interface can0 is down, retrying in 60 ms")),
                () -> "still down: " + listener.states);
        assertTrue(first.closed, "the failed socket was closed");
        IOException e = assertThrows(IOException.class, () -> channel.send(CanFrame.of(0, "can0", 1, false)));
        assertTrue(e.getMessage().contains("interface not up (reconnecting)"), e.getMessage());
        sysfs.remove("can0");
        RecordingListener.await(() -> listener.states.stream().anyMatch(s -> s.startsWith("RECONNECTING: socketcan interface can0 is gone")),
                () -> "gone: " + listener.states);
        sysfs.add("can0", 280, "up", "0x40081");
        FakeRawSocket second = sockets.take();
        RecordingListener.await(() -> listener.states.get(listener.states.size() - 1).equals("CONNECTED: interface can0 is up again"),
                () -> "CONNECTED: " + listener.states);
        second.deliver(CanFrame.of(2, "can0", 0x10, false));
        RecordingListener.await(() -> listener.frames.size() == 1, () -> "a frame after the interface came back");
        Thread reader = ((SocketcanChannel) channel).reader();
        channel.close();
        assertFalse(reader.isAlive(), "the reader ended with close()");
        assertTrue(second.closed);
        assertEquals(0, transport.openChannels());
    }

    @Test
    void deactivateClosesTheChannels() throws Exception {
        transport(true);
        new FakeSysfs(dir).add("can0", 280, "up", "0x1");
        SocketcanChannel channel = (SocketcanChannel) transport.open(ConnectionUri.parse("socketcan:can0"), listener);
        transport.deactivate();
        assertFalse(channel.reader().isAlive());
        assertTrue(sockets.take().closed);
        assertTrue(refused("socketcan:can0").startsWith("the socketcan transport is stopped"));
    }
}
