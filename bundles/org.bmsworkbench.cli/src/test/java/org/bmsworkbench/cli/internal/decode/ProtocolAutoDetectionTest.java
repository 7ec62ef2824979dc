package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.DecodePipelineTest.frame;
import static org.bmsworkbench.cli.internal.decode.DecodePipelineTest.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.bms.ProtocolDetector.Detection;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogParseException;
import org.junit.jupiter.api.Test;

class ProtocolAutoDetectionTest {
    private static final String LOG = "x.log";

    /** Chooses "sma" once it has seen {@code needed} frames with id 0x356. */
    static final class CountingDetector implements ProtocolAutoDetection.Detector {
        final List<CanFrame> offered = new ArrayList<>();
        private final int needed;

        CountingDetector(int needed) {
            this.needed = needed;
        }

        @Override
        public void offer(CanFrame frame) {
            offered.add(frame);
        }

        @Override
        public Optional<Detection> result() {
            long seen = offered.stream().filter(f -> f.id() == 0x356).count();
            return seen >= needed ? Optional.of(new Detection(List.of("sma"), seen + " frames 0x356")) : Optional.empty();
        }
    }

    private static List<Object> packs(int count, long fromSecond) {
        List<Object> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(pack(fromSecond + i));
        }
        return frames;
    }

    @Test
    void stopsAfterEnoughFramesWithAChoiceAndReplaysThemFirst() throws Exception {
        CountingDetector detector = new CountingDetector(1);
        FakeReader reader = new FakeReader(LOG, null, packs(50, 0));
        ProtocolAutoDetection.Outcome outcome = new ProtocolAutoDetection(detector, 10, 1000, Long.MAX_VALUE).detect(reader);
        assertEquals(List.of("sma"), outcome.detection().orElseThrow().protocolIds());
        assertEquals(10, detector.offered.size());
        assertEquals(10, reader.linesRead(), "reading stopped at the tenth frame");
        List<CanFrame> all = new ArrayList<>();
        for (CanFrame f; (f = outcome.reader().next()) != null; ) {
            all.add(f);
        }
        assertEquals(packs(50, 0), all, "every frame, once, in log order");
    }

    @Test
    void stopsOnceTheFramesSpanEnoughLogTime() throws Exception {
        CountingDetector detector = new CountingDetector(1);
        new ProtocolAutoDetection(detector, 1000, 1000, 5_000_000L).detect(new FakeReader(LOG, null, packs(100, 0)));
        assertEquals(6, detector.offered.size(), "seconds 0..5");
    }

    @Test
    void readsOnWhileNothingIsRecognisedAndGivesUpAtTheLimit() throws Exception {
        List<Object> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            frames.add(frame(i, 0x123, 1));
        }
        CountingDetector detector = new CountingDetector(1);
        ProtocolAutoDetection.Outcome outcome = new ProtocolAutoDetection(detector, 5, 20, 1).detect(new FakeReader(LOG, null, frames));
        assertTrue(outcome.detection().isEmpty());
        assertEquals(20, detector.offered.size());
    }

    @Test
    void aChoiceLateInAShortLogIsFoundAtItsEnd() throws Exception {
        List<Object> frames = new ArrayList<>();
        frames.add(frame(0, 0x123, 1));
        frames.add(pack(1));
        ProtocolAutoDetection.Outcome outcome = new ProtocolAutoDetection(new CountingDetector(1))
                .detect(new FakeReader(LOG, null, frames));
        assertEquals("1 frames 0x356", outcome.detection().orElseThrow().evidence());
    }

    @Test
    void replayedFramesKeepTheirLineNumbersForProblems() throws Exception {
        List<String> problems = new ArrayList<>();
        CanLogReader.ProblemListener tolerant = e -> problems.add(e.getMessage());
        FakeReader reader = new FakeReader(LOG, tolerant, pack(0), "garbage", frame(1, 0x356, 1), pack(2), pack(3),
                frame(4, 0x356));
        ProtocolAutoDetection.Outcome outcome = new ProtocolAutoDetection(new CountingDetector(2), 2, 100, Long.MAX_VALUE)
                .detect(reader);
        assertEquals(List.of("x.log:2: garbage"), problems, "bad lines are reported while detecting");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodePipeline.Summary summary = new DecodePipeline(List.of(new FakeProtocol("sma")), new JsonlFormat(), out, false)
                .run(outcome.reader(), LOG, tolerant);
        assertEquals(List.of("x.log:2: garbage", "x.log:3: 0x356 battery_basic_info needs 6 data bytes, got 1",
                "x.log:6: 0x356 battery_basic_info needs 6 data bytes, got 0"), problems);
        assertEquals(3, summary.messages());
        assertEquals(3, out.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aBadLineWhileDetectingIsFatalInStrictMode() {
        LogParseException e = assertThrows(LogParseException.class, () -> new ProtocolAutoDetection(new CountingDetector(5))
                .detect(new FakeReader(LOG, null, pack(0), "garbage")));
        assertEquals("x.log:2: garbage", e.getMessage());
    }

    @Test
    void emptyLogHasNoChoice() throws Exception {
        assertTrue(new ProtocolAutoDetection(new CountingDetector(1)).detect(new FakeReader(LOG, null)).detection().isEmpty());
    }

    @Test
    void standardDetectorChoosesTheProtocolWhoseFramesItSees() throws Exception {
        ProtocolAutoDetection.Outcome o = new ProtocolAutoDetection(ProtocolAutoDetection.standard(List.of(new FakeProtocol("sma"))))
                .detect(new FakeReader(LOG, null, pack(0), pack(1), frame(2, 0x123, 1)));
        assertEquals(List.of("sma"), o.detection().orElseThrow().protocolIds());
    }
}
