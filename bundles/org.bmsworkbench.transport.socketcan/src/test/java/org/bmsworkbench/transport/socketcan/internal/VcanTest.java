package org.bmsworkbench.transport.socketcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real SocketCAN I/O on a virtual interface. Skipped unless {@code vcan0} exists and is up:
 * {@code sudo modprobe vcan && sudo ip link add dev vcan0 type vcan && sudo ip link set vcan0 up}.
 * The build machines have no vcan module, so these tests have not run there.
 */
class VcanTest {
    @BeforeEach
    void requireVcan0() {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net/vcan0")),
                "needs the virtual CAN interface vcan0 (modprobe vcan; ip link add dev vcan0 type vcan; ip link set vcan0 up)");
        assumeTrue(new CanInterfaces(CanInterfaces.SYSFS).lookup("vcan0").orElseThrow().isUp(), "vcan0 is not up");
    }

    @Test
    void aFrameSentOnOneChannelArrivesOnAnotherWithAKernelTimestamp() throws Exception {
        SocketcanTransport transport = new SocketcanTransport();
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        try (CanChannel tx = transport.open(ConnectionUri.parse("socketcan:vcan0"), a);
                CanChannel rx = transport.open(ConnectionUri.parse("socketcan:vcan0"), b)) {
            long before = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
            tx.send(CanFrame.of(0, "vcan0", 0x1CEF50FF, true, (byte) 1, (byte) 2));
            tx.send(CanFrame.remote(0, "vcan0", 0x123, false, 3));
            RecordingListener.await(() -> b.frames.size() == 2, () -> "two frames on vcan0: " + b.frames);
            CanFrame data = b.frames.get(0);
            assertEquals("1CEF50FF", data.idHex());
            assertEquals("0102", data.dataHex());
            assertTrue(data.timestampMicros() >= before - 1_000_000, data::toString);
            assertTrue(b.frames.get(1).remote());
            assertEquals(3, b.frames.get(1).dlc());
        } finally {
            transport.deactivate();
        }
    }
}
