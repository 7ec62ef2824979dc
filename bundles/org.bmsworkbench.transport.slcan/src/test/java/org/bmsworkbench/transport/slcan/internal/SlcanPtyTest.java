package org.bmsworkbench.transport.slcan.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.bmsworkbench.serialport.JSerialCommPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jSerialComm port on a socat pseudo-terminal pair: frames both ways, then unplug and
 * replug cycles (socat killed and started again with the same link names) after which the
 * threads and the open file descriptors of this JVM are back where they were.
 */
class SlcanPtyTest {
    private static final int CYCLES = 5;

    @TempDir
    Path dir;

    private final SlcanTransport transport = new SlcanTransport(new JSerialCommPorts(SlcanTransport.DRAIN_MILLIS), new SlcanChannel.Timing(50, 400, 100));

    @Test
    void framesBothWaysThroughJSerialComm() throws Exception {
        Path host = dir.resolve("host");
        try (SocatPair pair = new SocatPair(host, dir.resolve("device"))) {
            RecordingListener recorder = new RecordingListener();
            CanChannel channel = transport.open(ConnectionUri.parse("slcan:" + host + "?bitrate=250000"), recorder);
            try {
                await(() -> pair.received().contains("O\n"), "the open command");
                assertTrue(pair.received().startsWith("\n\n\nC\nS5\nZ0\nO\n"), pair.received());
                pair.send("t35680102030405060708\rT1CEFFF501AA\r");
                await(() -> recorder.frames.size() == 2, "two frames");
                assertEquals("host 356#0102030405060708 (RX)", recorder.frames.get(0).toString());
                channel.send(CanFrame.of(0, "x", 0x1CEF50FF, true, (byte) 0x01, (byte) 0x02));
                await(() -> pair.received().contains("T1CEF50FF20102\n"), "the frame at the adapter");
                await(() -> pair.received().contains("F\n"), "a status request");
                assertEquals(0, recorder.errors.size(), recorder.errors.toString());
            } finally {
                channel.close();
            }
            await(() -> pair.received().endsWith("C\n"), () -> "C at close: " + pair.received().replace("\n", "|"));
        }
    }

    @Test
    void unplugAndReplugCyclesLeakNoThreadsAndNoFileDescriptors() throws Exception {
        Path host = dir.resolve("host");
        Path device = dir.resolve("device");
        // warm up: load the native library, start the JDK's own threads
        SocatPair warm = new SocatPair(host, device);
        transport.open(ConnectionUri.parse("slcan:" + host), new RecordingListener()).close();
        warm.close();
        int threads = Thread.activeCount();
        long fds = openFileDescriptors();

        RecordingListener recorder = new RecordingListener();
        SocatPair pair = new SocatPair(host, device);
        CanChannel channel = transport.open(ConnectionUri.parse("slcan:" + host), recorder);
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                pair.close(); // unplug
                await(() -> recorder.lastState() == ConnectionState.RECONNECTING, "RECONNECTING");
                pair = new SocatPair(host, device); // plug in again, same name
                await(() -> recorder.lastState() == ConnectionState.CONNECTED,
                        () -> "CONNECTED after the replug: " + recorder.states + " " + recorder.errors + "; reader at "
                                + readerStack());
                int before = recorder.frames.size();
                SocatPair now = pair;
                await(() -> now.received().contains("O\n"), "the adapter set up again");
                pair.send("t1001" + String.format("%02X", cycle) + "\r");
                await(() -> recorder.frames.size() == before + 1, "a frame after replug " + 0);
                assertEquals(1, SlcanChannelTest.readerThreads(), "one reader thread");
            }
            assertEquals(CYCLES, count(recorder, "CONNECTED"));
            assertTrue(recorder.states.get(0).startsWith("RECONNECTING: port " + host + " gone ("), recorder.states.get(0));
        } finally {
            channel.close();
            pair.close();
        }
        await(() -> Thread.activeCount() <= threads, "the thread count back at " + threads);
        await(() -> openFileDescriptors() <= fds, "the open file descriptors back at " + fds);
        assertEquals(0, SlcanChannelTest.readerThreads());
    }

    private static String readerStack() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().getName().startsWith("bmswb-slcan-"))
                .map(e -> java.util.Arrays.toString(e.getValue())).findFirst().orElse("(no reader thread)");
    }

    private static int count(RecordingListener recorder, String state) {
        return (int) recorder.states.stream().filter(s -> s.startsWith(state + ":")).count();
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
