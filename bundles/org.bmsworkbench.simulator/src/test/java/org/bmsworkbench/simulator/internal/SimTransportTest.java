package org.bmsworkbench.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.can.testing.RecordingListener;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.simulator.TestProtocols;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sim: transport through its CanTransportProvider API, on its own scheduler thread. */
class SimTransportTest {
    private static final long EPOCH = 1_700_000_000_000L;
    private final TestProtocols registry = new TestProtocols().install(TestProtocols.sma());
    private final SimTransport transport = new SimTransport(registry, MgMasterLvProfile.defaults(), () -> EPOCH);

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    /** Keeps, besides what every channel reports, when each frame arrived and on which thread. */
    static class Recorder extends RecordingListener {
        final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(CanFrame frame) {
            arrivalNanos.add(System.nanoTime());
            super.onFrame(frame);
            if (threads.isEmpty()) {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
            }
        }
    }

    private CanChannel open(String uri, Recorder r) throws IOException {
        return transport.open(ConnectionUri.parse(uri), r);
    }

    @Test
    void framesComeEvery500VirtualMillisecondsScaledBySpeed() throws IOException {
        Recorder r = new Recorder();
        long start = System.nanoTime();
        CanChannel c = open("sim:?protocol=sma&speed=50", r);
        RecordingListener.await(() -> r.frames.size() >= 21 * 7, "21 cycles of the seven SMA frames");
        long elapsed = r.arrivalNanos.get(20 * 7) - start;
        c.close();
        assertTrue(r.states.get(0).startsWith("CONNECTED: simulated MG Master LV MG0000SIM0000001, sma"), r.states::toString);
        for (int i = 0; i < 21 * 7; i++) {
            CanFrame f = r.frames.get(i);
            assertEquals((EPOCH + i / 7 * 500L) * 1000, f.timestampMicros(), "virtual time of frame " + i);
        }
        assertEquals(0x351, r.frames.get(14).id());
        assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(10_000 / 50) - TimeUnit.MILLISECONDS.toNanos(5),
                "10 s of virtual time at speed 50 takes at least 200 ms, took " + elapsed / 1_000_000 + " ms");
        assertEquals(List.of("bmswb-sim-" + r.threads.get(0).replaceAll("\\D", "") + " daemon"), r.threads);
        assertTrue(r.errors.isEmpty(), r.errors::toString);
        assertEquals(500_000, c.bitrate());
    }

    @Test
    void closingStopsTheThreadAndTheFrames() throws Exception {
        Recorder r = new Recorder();
        CanChannel c = open("sim:?protocol=sma&speed=100", r);
        RecordingListener.await(() -> r.frames.size() >= 7, "frames");
        String thread = r.threads.get(0).replace(" daemon", "");
        c.close();
        c.close();
        RecordingListener.await(() -> !threadAlive(thread), "the scheduler thread to end");
        int seen = r.frames.size();
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 1, false)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(seen, r.frames.size());
        assertEquals(0, transport.openChannels());
    }

    @Test
    void deactivationClosesEveryChannelAndRefusesNewOnes() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        open("sim:?protocol=sma&speed=100", a);
        open("sim:?protocol=sma&speed=100&seed=2", b);
        RecordingListener.await(() -> !a.threads.isEmpty() && !b.threads.isEmpty(), "both running");
        transport.deactivate();
        RecordingListener.await(() -> !threadAlive(a.threads.get(0).replace(" daemon", ""))
                && !threadAlive(b.threads.get(0).replace(" daemon", "")), "both threads to end");
        IOException e = assertThrows(IOException.class, () -> open("sim:", new Recorder()));
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
    }

    @Test
    void aProtocolThatIsNotInstalledIsReportedAndUsedOnceItArrives() throws IOException {
        registry.uninstall("sma");
        Recorder r = new Recorder();
        open("sim:?protocol=sma&speed=100", r);
        RecordingListener.await(() -> !r.errors.isEmpty(), "the report");
        assertEquals(List.of("sim: protocol sma is not installed: the simulator sends none of its frames until it is"), r.errors);
        assertTrue(r.frames.isEmpty());
        registry.install(TestProtocols.sma());
        RecordingListener.await(() -> r.frames.size() >= 7, "frames once the protocol is there");
    }

    @Test
    void framesSentToTheSimulatorAreTakenOnItsThread() throws IOException {
        Recorder r = new Recorder();
        CanChannel c = open("sim:?protocol=sma&speed=100", r);
        c.send(CanFrame.of(0, "sim", 0x305, false, (byte) 1));
        RecordingListener.await(() -> r.frames.size() >= 14, "frames keep coming");
        assertFalse(r.errors.stream().anyMatch(m -> m.contains("failed")), r.errors::toString);
    }

    @Test
    void theChannelNamesTheSimulatedDeviceByTheSerialOfItsUri() throws IOException {
        CanChannel c = open("sim:?protocol=sma&speed=100&serial=HQ2245TEST01", new Recorder());
        assertEquals(java.util.Optional.of(new SimulatedDevice("HQ2245TEST01")), c.control(SimulatedDevice.class));
        CanChannel d = open("sim:?protocol=sma&speed=100", new Recorder());
        assertEquals("MG0000SIM0000001", d.control(SimulatedDevice.class).orElseThrow().serial());
        assertTrue(d.control(PlaybackControl.class).isEmpty());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        InvalidUriException e = assertThrows(InvalidUriException.class,
                () -> transport.validate(ConnectionUri.parse("sim:?speed=0")));
        assertTrue(e.getMessage().contains("speed=0 is outside 1..1000"), e.getMessage());
        assertThrows(InvalidUriException.class, () -> open("sim:?scenario=fire", new Recorder()));
        transport.validate(ConnectionUri.parse("sim:?protocol=nmea2000&instance=224&combined=true"));
        assertTrue(transport.description().startsWith("Simulated MG Master LV"));
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
    @Test
    void theNetworkScenarioOpensTheMasterLvAmongOtherDevicesWhichAnswerWhatIsSentToTheChannel() throws Exception {
        registry.install(new Nmea2000Protocol());
        Recorder r = new Recorder();
        CanChannel channel = open("sim:?protocol=nmea2000&scenario=network&speed=20", r);
        RecordingListener.await(() -> r.frames.size() >= 4, "the address claims");
        assertEquals(List.of(0x18EEFF50, 0x18EEFF41, 0x18EEFF42, 0x18EEFF20),
                r.frames.subList(0, 4).stream().map(CanFrame::id).toList(), "claims first, from 0x50, 0x41, 0x42, 0x20");
        RecordingListener.await(() -> r.frames.stream().anyMatch(f -> f.id() == 0x19F21441), "the battery monitor's 127508");
        int before = r.frames.size();
        // ISO Request for PGN 60928 to 255 from 0x21: 18EAFF21 00 EE 00 (ISO 11783-5 / canboat 059904)
        channel.send(CanFrame.of(0, "test", 0x18EAFF21, true, (byte) 0x00, (byte) 0xEE, (byte) 0x00));
        RecordingListener.await(() -> r.frames.subList(before, r.frames.size()).stream().filter(f -> (f.id() & 0xFFFFFF00) == 0x18EEFF00)
                .count() == 4, "every claim again");
        assertTrue(r.errors.isEmpty(), r.errors::toString);
        channel.close();
    }
}
