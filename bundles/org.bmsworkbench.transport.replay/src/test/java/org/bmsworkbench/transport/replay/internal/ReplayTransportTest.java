package org.bmsworkbench.transport.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTransportTest {
    static final String LOG = """
            (1600000000.000000) can0 351#2802E803DC05E001
            (1600000000.100000) can0 355#56006400A421
            (1600000000.200000) can1 19F21450#C0148500
            (1600000000.300000) can0 356#BE14FE007C01
            """;

    @TempDir
    Path dir;

    private ReplayTransport transport() {
        return new ReplayTransport(() -> dir);
    }

    /** Opens and resumes, as a consumer does once it has subscribed. */
    private CanChannel open(String uri, RecordingListener r) throws IOException {
        CanChannel ch = transport().open(ConnectionUri.parse(uri), r);
        ch.control(PlaybackControl.class).orElseThrow().resume();
        return ch;
    }

    @Test
    void playsEveryFrameInOrderWithItsOwnTimeThenCloses() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:a.log?speed=max", r)) {
            r.awaitEnd();
            List<CanFrame> f = r.frames;
            assertEquals(4, f.size());
            assertEquals(1_600_000_000_000_000L, f.get(0).timestampMicros());
            assertEquals(0x351, f.get(0).id());
            assertEquals("can1", f.get(2).bus());
            assertTrue(f.get(2).extended());
            assertEquals(1_600_000_000_300_000L, f.get(3).timestampMicros());
            assertEquals(List.of("CLOSED: end of log, 4 frames"), r.states);
            PlaybackControl c = ch.control(PlaybackControl.class).orElseThrow();
            assertEquals(4, c.framesPlayed());
            assertEquals(1_600_000_000_000_000L, c.startMicros());
            assertEquals(1_600_000_000_300_000L, c.positionMicros());
            RecordingListener.await(() -> c.totalFrames() == 4, "the total");
            assertEquals(1_600_000_000_300_000L, c.endMicros());
        }
    }

    /** A serial trace (SIGNALS.md): the contract's JBD read of register 0x03 and an answer in two chunks. */
    @Test
    void aSerialTracePlaysItsChunksBothWaysAndOffersAStreamLink() throws IOException {
        Files.writeString(dir.resolve("t.log"), """
                (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
                (1600000000.101002) ttyUSB0 rx DD0300
                (1600000000.101950) ttyUSB0 rx 0414D20064FE2A77
                """);
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:t.log?speed=max", r)) {
            r.awaitEnd();
            assertEquals(List.of("ttyUSB0 tx DDA50300FFFD77 (TX)", "ttyUSB0 rx DD0300 (RX)",
                    "ttyUSB0 rx 0414D20064FE2A77 (RX)"), r.frames.stream().map(CanFrame::toString).toList());
            assertTrue(r.frames.get(0).chunk());
            StreamLink link = ch.control(StreamLink.class).orElseThrow();
            assertEquals("ttyUSB0", link.port());
            assertEquals(null, link.protocol());
            assertTrue(ch.control(PlaybackControl.class).isPresent(), "a replay: the poller sends nothing");
        }
        Files.writeString(dir.resolve("c.log"), LOG);
        try (CanChannel ch = open("replay:c.log?speed=max", new RecordingListener())) {
            assertFalse(ch.control(StreamLink.class).isPresent(), "a CAN log is no byte stream");
        }
    }

    @Test
    void aRelativePathIsTheWorkingDirectorysAndAnAbsoluteOneStays() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.log"), LOG);
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:sub/b.log?speed=max", r)) {
            r.awaitEnd();
            assertEquals(4, r.frames.size());
        }
        RecordingListener abs = new RecordingListener();
        try (CanChannel ch = new ReplayTransport(() -> Path.of("/nonexistent"))
                .open(ConnectionUri.parse("replay:" + dir.resolve("sub/b.log") + "?speed=max"), abs)) {
            ch.control(PlaybackControl.class).orElseThrow().resume();
            abs.awaitEnd();
            assertEquals(4, abs.frames.size());
        }
    }

    @Test
    void aMissingFileOrADirectoryIsAnIOExceptionNamingThePath() throws IOException {
        IOException e = assertThrows(IOException.class, () -> open("replay:nope.log", new RecordingListener()));
        assertTrue(e.getMessage().startsWith("cannot replay nope.log: no such file (" + dir.resolve("nope.log")),
                e.getMessage());
        Files.createDirectories(dir.resolve("d"));
        IOException d = assertThrows(IOException.class, () -> open("replay:d", new RecordingListener()));
        assertEquals("cannot replay d: is a directory, not a log", d.getMessage());
        Files.writeString(dir.resolve("text.log"), "hello world\nthis is no log\n");
        IOException notLog = assertThrows(IOException.class, () -> open("replay:text.log", new RecordingListener()));
        assertTrue(notLog.getMessage().startsWith("text.log:1: not a CAN log"), notLog.getMessage());
    }

    @Test
    void badOptionsAreInvalidUris() {
        ReplayTransport t = transport();
        for (String uri : List.of("replay:a.log?speed=0", "replay:a.log?speed=fast", "replay:a.log?speed=-2",
                "replay:a.log?loop=maybe", "replay:a.log?rate=1", "replay:", "replay://host/a.log")) {
            InvalidUriException e = assertThrows(InvalidUriException.class, () -> t.validate(ConnectionUri.parse(uri)),
                    uri);
            assertTrue(e.getMessage().startsWith("'" + uri + "'"), e.getMessage());
        }
        assertTrue(assertThrows(InvalidUriException.class, () -> t.validate(ConnectionUri.parse("replay:a.log?speed=x")))
                .getMessage().contains("speed=x is not a positive factor"));
        t.validate(ConnectionUri.parse("replay:a.log?speed=2.5&loop=true"));
        t.validate(ConnectionUri.parse("replay:a.log?speed=MAX"));
    }

    @Test
    void sendRefusesAndTransmitsNothing() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:a.log?speed=1", r)) {
            IOException e = assertThrows(IOException.class,
                    () -> ch.send(CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x123, false, (byte) 1)));
            assertEquals("replay:a.log?speed=1 is a recorded log: nothing is sent", e.getMessage());
        }
    }

    @Test
    void aMalformedLineIsReportedWithItsLineAndTheReplayGoesOn() throws IOException {
        Files.writeString(dir.resolve("bad.log"), """
                (1600000000.000000) can0 351#2802E803DC05E001
                (1600000000.100000) can0 355#5600ZZ
                (1600000000.200000) can0 356#BE14FE007C01
                """);
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:bad.log?speed=max", r)) {
            r.awaitEnd();
            assertEquals(2, r.frames.size());
            assertEquals(1, r.errors.size(), r.errors::toString);
            assertTrue(r.errors.get(0).startsWith("bad.log:2: "), r.errors::toString);
            assertEquals(List.of("CLOSED: end of log, 2 frames"), r.states);
        }
    }

    @Test
    void plainCandumpAndAscPlayToo() throws IOException {
        Files.writeString(dir.resolve("plain.log"), """
                 (1600000000.000000)  can0  351   [8]  28 02 E8 03 DC 05 E0 01
                 (1600000000.500000)  can0  356   [6]  BE 14 FE 00 7C 01
                """);
        RecordingListener plain = new RecordingListener();
        try (CanChannel ch = open("replay:plain.log?speed=max", plain)) {
            plain.awaitEnd();
            assertEquals(2, plain.frames.size());
            assertEquals(1_600_000_000_500_000L, plain.frames.get(1).timestampMicros());
        }
        Files.writeString(dir.resolve("x.asc"), """
                date Sun Sep 13 12:26:40.000 pm 2020
                base hex  timestamps absolute
                internal events logged
                Begin Triggerblock Sun Sep 13 12:26:40.000 pm 2020
                   0.000000 Start of measurement
                   0.500000 1  356             Rx   d 6 BE 14 FE 00 7C 01
                   0.600000 2  19F21450x       Rx   d 2 C0 14
                End TriggerBlock
                """);
        RecordingListener asc = new RecordingListener();
        try (CanChannel ch = open("replay:x.asc?speed=max", asc)) {
            asc.awaitEnd();
            assertEquals(2, asc.frames.size());
            assertEquals("can1", asc.frames.get(1).bus());
            assertEquals(100_000, asc.frames.get(1).timestampMicros() - asc.frames.get(0).timestampMicros());
        }
    }

    @Test
    void loopingStartsOverUntilClosed() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        RecordingListener r = new RecordingListener();
        CanChannel ch = open("replay:a.log?speed=max&loop=true", r);
        RecordingListener.await(() -> r.frames.size() >= 12, "three laps");
        ch.close();
        List<CanFrame> f = r.frames;
        for (int i = 0; i < 12; i++) {
            assertEquals(f.get(i % 4), f.get(i), "frame " + i);
        }
        assertEquals(List.of(), r.states, "a loop does not end");
        assertFalse(((ReplayChannel) ch).threadsAlive(), "threads stopped on close");
    }

    @Test
    void anEmptyLogEndsAtOnceEvenWhenLooping() throws IOException {
        Files.writeString(dir.resolve("empty.log"), "");
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("replay:empty.log?loop=true", r)) {
            r.awaitEnd();
            assertEquals(List.of("CLOSED: end of log, 0 frames"), r.states);
        }
    }

    @Test
    void realTimeIsNeverFasterThanTheLogScaledBySpeed() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i <= 20; i++) {
            log.append(String.format("(1600000000.%06d) can0 351#%02X%n", i * 50_000, i));
        }
        Files.writeString(dir.resolve("one-second.log"), log);
        RecordingListener r = new RecordingListener();
        long start = System.nanoTime();
        try (CanChannel ch = open("replay:one-second.log?speed=4", r)) {
            r.awaitEnd();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(21, r.frames.size());
            // paced: 250 ms (an unpaced replay of 21 frames takes about 1 ms); the margin is the
            // timer's, on a shared machine, not a tolerance for a faster replay
            assertTrue(millis >= 200, "1 s of log at speed 4 took only " + millis + " ms");
        }
    }

    @Test
    void aNewReplayWaitsPausedForItsConsumerThenPlaysAnyway() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        RecordingListener r = new RecordingListener();
        long start = System.nanoTime();
        try (CanChannel ch = transport().open(ConnectionUri.parse("replay:a.log?speed=max"), r)) {
            PlaybackControl c = ch.control(PlaybackControl.class).orElseThrow();
            assertTrue(c.isPaused(), "held at the start");
            r.awaitEnd();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= ReplayChannel.START_HOLD_NANOS / 1_000_000, "played after " + millis + " ms");
            assertEquals(4, r.frames.size());
        }
        RecordingListener paused = new RecordingListener();
        try (CanChannel ch = transport().open(ConnectionUri.parse("replay:a.log?speed=max"), paused)) {
            PlaybackControl c = ch.control(PlaybackControl.class).orElseThrow();
            c.pause(); // an explicit pause outlasts the hold
            RecordingListener.await(() -> System.nanoTime() - start > 2 * ReplayChannel.START_HOLD_NANOS + 300_000_000L,
                    "the hold to be over");
            assertEquals(0, paused.frames.size());
            c.resume();
            paused.awaitEnd();
            assertEquals(4, paused.frames.size());
        }
    }

    @Test
    void closingStopsTheThreadsAndForgetsTheChannel() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        ReplayTransport t = transport();
        RecordingListener r = new RecordingListener();
        ReplayChannel ch = (ReplayChannel) t.open(ConnectionUri.parse("replay:a.log?speed=0.001"), r);
        assertEquals(1, t.openChannels());
        ch.close();
        assertFalse(ch.threadsAlive());
        assertEquals(0, t.openChannels());
        ch.close(); // idempotent
        ReplayChannel open = (ReplayChannel) t.open(ConnectionUri.parse("replay:a.log?speed=0.001"), new RecordingListener());
        t.deactivate();
        assertFalse(open.threadsAlive(), "deactivate closes what is open");
        assertThrows(IOException.class, () -> t.open(ConnectionUri.parse("replay:a.log"), new RecordingListener()));
    }
}
