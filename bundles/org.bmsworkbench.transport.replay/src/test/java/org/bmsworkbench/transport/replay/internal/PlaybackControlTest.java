package org.bmsworkbench.transport.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.log.BlfWriter;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause, speed, seek and the index, on logs of a frame every millisecond. */
class PlaybackControlTest {
    private static final long T0 = 1_600_000_000_000_000L;
    /** Small blocks: a log of a few thousand lines gets many checkpoints. */
    private static final int BLOCK = 4096;

    @TempDir
    Path dir;

    /** {@code n} frames, frame i at T0 + i ms, id 0x100 + (i % 0x100), data the frame number. */
    private Path candump(int n) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long t = T0 + i * 1000L;
            b.append(String.format("(%d.%06d) can0 %03X#%08X%n", t / 1_000_000, t % 1_000_000, 0x100 + (i % 0x100), i));
        }
        return Files.writeString(dir.resolve("ms.log"), b);
    }

    private static int number(CanFrame f) {
        return (f.u8(0) << 24) | (f.u8(1) << 16) | (f.u8(2) << 8) | f.u8(3);
    }

    private ReplayChannel channel(Path file, RecordingListener r, double speed) throws IOException {
        ReplayChannel ch = pausedChannel(file, r, speed);
        ch.resume();
        return ch;
    }

    /**
     * A channel paused before its start hold (1 s) ends, so no frame is played before the test
     * seeks: pausing after {@link #channel} raced the player, which may already have played frames.
     */
    private ReplayChannel pausedChannel(Path file, RecordingListener r, double speed) throws IOException {
        LogSource source = LogSource.file(file, file.getFileName().toString());
        ReplayChannel ch = new ReplayChannel("replay:" + file.getFileName(), source, LogLayout.read(source), r, speed,
                false, c -> { }, BLOCK);
        ch.start();
        ch.pause();
        return ch;
    }

    @Test
    void theIndexFindsTheTotalAndTheEndAndCheckpointsEveryBlock() throws IOException {
        Path log = candump(5000);
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = channel(log, r, 0.001)) {
            PlaybackControl c = ch;
            RecordingListener.await(() -> c.totalFrames() == 5000, "the index pass");
            assertEquals(T0, c.startMicros());
            assertEquals(T0 + 4999_000, c.endMicros());
            long size = Files.size(log);
            assertTrue(ch.checkpoints() >= size / BLOCK, ch.checkpoints() + " checkpoints for " + size + " bytes");
        }
    }

    @Test
    void seekGoesToTheFirstFrameAtOrAfterTheTimeAndCountsFromThere() throws IOException {
        Path log = candump(5000);
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = channel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            ch.pause();
            RecordingListener.await(() -> ch.totalFrames() == 5000, "the index pass");
            int before = r.frames.size();
            ch.seek(T0 + 3210_500); // between frames 3210 and 3211
            RecordingListener.await(() -> ch.positionMicros() == T0 + 3210_500, "the seek while paused");
            assertEquals(before, r.frames.size(), "nothing is played while paused");
            assertEquals(0, ch.framesPlayed());
            ch.resume();
            r.awaitEnd();
            List<CanFrame> f = r.frames.subList(before, r.frames.size());
            assertEquals(3211, number(f.get(0)));
            assertEquals(5000 - 3211, f.size());
            for (int i = 1; i < f.size(); i++) {
                assertEquals(number(f.get(i - 1)) + 1, number(f.get(i)), "in order after the seek");
            }
            assertEquals(5000 - 3211, ch.framesPlayed());
            assertTrue(r.states.get(r.states.size() - 1).equals("CLOSED: end of log, 1789 frames"), r.states::toString);
        }
    }

    @Test
    void seekBackwardsAndBeforeTheStartAndPastTheEndAreClamped() throws IOException {
        Path log = candump(3000);
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the index pass");
            ch.seek(T0 + 2500_000);
            ch.resume();
            RecordingListener.await(() -> r.frames.size() > 0 && number(r.frames.get(r.frames.size() - 1)) == 2999, "the end");
            r.awaitEnd();
        }
        RecordingListener back = new RecordingListener();
        try (ReplayChannel ch = channel(log, back, 1)) {
            ch.pause();
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the index pass");
            ch.seek(Long.MIN_VALUE);
            RecordingListener.await(() -> ch.positionMicros() == T0, "clamped to the start");
            ch.seek(Long.MAX_VALUE);
            RecordingListener.await(() -> ch.positionMicros() == T0 + 2999_000, "clamped to the end");
            ch.setSpeed(PlaybackControl.AS_FAST_AS_POSSIBLE);
            ch.resume();
            back.awaitEnd();
            assertEquals(2999, number(back.frames.get(back.frames.size() - 1)));
            assertEquals(1, ch.framesPlayed());
        }
    }

    @Test
    void aSeekBeforeTheIndexIsDoneLandsWithinWhatIsKnown() throws IOException {
        Path log = candump(40_000);
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            long request = T0 + 39_000_000;
            long knownEnd = ch.endMicros(); // only grows while the index pass runs
            ch.seek(request);
            ch.setSpeed(1);
            ch.resume();
            RecordingListener.await(() -> r.frames.size() > 0, "a frame after the seek");
            ch.pause();
            CanFrame first = r.frames.get(0);
            long lowest = Math.min(request, knownEnd);
            assertTrue(first.timestampMicros() >= lowest && first.timestampMicros() <= request,
                    first.timestampMicros() + " outside " + lowest + ".." + request);
            assertEquals((first.timestampMicros() - T0) / 1000, number(first), "the frame of that time");
        }
    }

    @Test
    void pauseStopsTheFramesAndResumeGoesOn() throws Exception {
        Path log = candump(100_000); // 100 s of log
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = channel(log, r, 50)) {
            RecordingListener.await(() -> r.frames.size() > 10, "some frames");
            ch.pause();
            assertTrue(ch.isPaused());
            Thread.sleep(50);
            int paused = r.frames.size();
            long position = ch.positionMicros();
            Thread.sleep(300);
            assertEquals(paused, r.frames.size(), "no frame while paused");
            assertEquals(position, ch.positionMicros());
            ch.resume();
            assertFalse(ch.isPaused());
            RecordingListener.await(() -> r.frames.size() > paused + 10, "frames after resume");
            List<CanFrame> f = r.frames;
            for (int i = 1; i < f.size(); i++) {
                assertEquals(number(f.get(i - 1)) + 1, number(f.get(i)), "nothing lost or repeated");
            }
            ch.setSpeed(PlaybackControl.AS_FAST_AS_POSSIBLE);
            assertEquals(PlaybackControl.AS_FAST_AS_POSSIBLE, ch.speed());
            r.awaitEnd();
            assertEquals(100_000, r.frames.size());
        }
    }

    @Test
    void aSlowReplaySpedUpFinishes() throws IOException {
        Path log = candump(2000); // 2 s of log, which would take 2000 s at 0.001
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = channel(log, r, 0.001)) {
            RecordingListener.await(() -> r.frames.size() == 1, "the first frame");
            ch.setSpeed(1000);
            r.awaitEnd();
            assertEquals(2000, r.frames.size());
            assertThrows(IllegalArgumentException.class, () -> ch.setSpeed(0));
            assertThrows(IllegalArgumentException.class, () -> ch.setSpeed(Double.NaN));
        }
    }

    @Test
    void loopingCanBeSwitchedOnAndOffWhilePlaying() throws IOException {
        Path log = candump(50);
        RecordingListener r = new RecordingListener();
        // Looping is switched on before the first frame: resumed first, the player could reach the end of
        // the 50 frames before the test thread got to setLooping.
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            ch.setLooping(true);
            assertTrue(ch.isLooping());
            ch.resume();
            RecordingListener.await(() -> r.frames.size() >= 200, "laps");
            ch.setLooping(false);
            r.awaitEnd();
            assertEquals(0, r.frames.size() % 50, "whole laps, then the end");
            assertEquals(50, ch.totalFrames());
        }
    }

    @Test
    void ascLogsSeekWithTheirHeaderAndReportLinesOfTheWholeFile() throws IOException {
        StringBuilder b = new StringBuilder("""
                date Sun Sep 13 12:26:40.000 pm 2020
                base hex  timestamps absolute
                internal events logged
                Begin Triggerblock Sun Sep 13 12:26:40.000 pm 2020
                """);
        int header = 4;
        for (int i = 0; i < 3000; i++) {
            b.append(String.format("   %d.%03d000 1  %03X             Rx   d 4 %02X %02X %02X %02X%n", i / 1000, i % 1000,
                    0x100 + (i % 0x100), i >>> 24, (i >>> 16) & 0xFF, (i >>> 8) & 0xFF, i & 0xFF));
            if (i == 2500) {
                b.append("   2.500500 1  XYZ  Rx   d 1 00\n"); // line header + 2502
            }
        }
        b.append("End TriggerBlock\n");
        Path log = Files.write(dir.resolve("x.asc"), b.toString().getBytes(StandardCharsets.US_ASCII));
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the index pass");
            assertTrue(ch.checkpoints() > 10, "an absolute ASC log is indexed: " + ch.checkpoints());
            long start = ch.startMicros();
            ch.seek(start + 2400_000);
            ch.resume();
            r.awaitEnd();
            assertEquals(2400, number(r.frames.get(0)));
            assertEquals(600, r.frames.size());
            assertEquals(List.of("x.asc:" + (header + 2502) + ": "), r.errors.stream()
                    .map(e -> e.substring(0, e.indexOf(": ") + 2)).toList(), r.errors::toString);
        }
    }

    @Test
    void trcLogsSeekWithTheirHeaderAndReportLinesOfTheWholeFile() throws IOException {
        StringBuilder b = new StringBuilder("""
                ;$FILEVERSION=2.1
                ;$STARTTIME=44087.5
                ;$COLUMNS=N,O,T,B,I,d,R,L,D
                ;   a comment
                """);
        int header = 4;
        for (int i = 0; i < 3000; i++) {
            b.append(String.format("%7d %13s DT 1      %04X Rx -  4    %02X %02X %02X %02X\r%n", i + 1, i + ".000",
                    0x100 + (i % 0x100), i >>> 24, (i >>> 16) & 0xFF, (i >>> 8) & 0xFF, i & 0xFF));
            if (i == 2500) {
                b.append("   9999      2500.500 DT 1      0XYZ Rx -  1    00\r\n"); // line header + 2502
            }
        }
        Path log = Files.write(dir.resolve("x.trc"), b.toString().getBytes(StandardCharsets.US_ASCII));
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the index pass");
            assertTrue(ch.checkpoints() > 10, "a TRC log is indexed: " + ch.checkpoints());
            long start = ch.startMicros();
            assertEquals(1_599_998_400_000_000L, start); // 2020-09-13 12:00 UTC, from $STARTTIME
            ch.seek(start + 2400_000);
            ch.resume();
            r.awaitEnd();
            assertEquals(2400, number(r.frames.get(0)));
            assertEquals(start + 2400_000, r.frames.get(0).timestampMicros());
            assertEquals(600, r.frames.size());
            assertEquals(List.of("x.trc:" + (header + 2502) + ": "), r.errors.stream()
                    .map(e -> e.substring(0, e.indexOf(": ") + 2)).toList(), r.errors::toString);
        }
    }

    @Test
    void yachtDevicesLogsPlayFromTheStartOnly() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int ms = 86_399_000 - 1500 + i; // crosses midnight
            int tod = ms % 86_400_000;
            b.append(String.format("%02d:%02d:%02d.%03d R 19F21450 %02X %02X %02X %02X%n", tod / 3_600_000,
                    tod / 60_000 % 60, tod / 1000 % 60, tod % 1000, i >>> 24, (i >>> 16) & 0xFF, (i >>> 8) & 0xFF, i & 0xFF));
        }
        Path log = Files.writeString(dir.resolve("yd.raw"), b);
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the index pass");
            assertEquals(1, ch.checkpoints(), "times of day: the day is counted from the start");
            long start = ch.startMicros();
            ch.seek(start + 2400_000);
            ch.resume();
            r.awaitEnd();
            assertEquals(2400, number(r.frames.get(0)));
            assertEquals(start + 2400_000, r.frames.get(0).timestampMicros(), "the day after midnight");
        }
    }

    @Test
    void blfLogsPlayAndSeekByReadingFromTheStart() throws IOException {
        Path log = dir.resolve("x.blf");
        try (BlfWriter w = new BlfWriter(log)) {
            for (int i = 0; i < 3000; i++) {
                w.write(CanFrame.of(T0 + i * 1000L, "can0", 0x100 + (i % 0x100), false,
                        new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}));
                if (i % 700 == 0) {
                    w.flush(); // several containers, as a recording flushed every 500 ms has
                }
            }
        }
        RecordingListener r = new RecordingListener();
        try (ReplayChannel ch = pausedChannel(log, r, PlaybackControl.AS_FAST_AS_POSSIBLE)) {
            RecordingListener.await(() -> ch.totalFrames() == 3000, "the counting pass");
            assertTrue(ch.checkpoints() <= 1, "a BLF log is read from its start: " + ch.checkpoints());
            long start = ch.startMicros();
            assertEquals(T0, start);
            ch.seek(start + 2400_000);
            ch.resume();
            r.awaitEnd();
            assertEquals(2400, number(r.frames.get(0)));
            assertEquals(T0 + 2400_000, r.frames.get(0).timestampMicros());
            assertEquals(600, r.frames.size());
            assertEquals(2999, number(r.frames.get(599)));
            assertEquals(List.of(), r.errors);
            assertEquals("CLOSED: end of log, 600 frames", r.states.get(r.states.size() - 1));
        }
    }
}
