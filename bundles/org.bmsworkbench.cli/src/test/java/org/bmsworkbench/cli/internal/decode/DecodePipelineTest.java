package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;
import org.junit.jupiter.api.Test;

class DecodePipelineTest {
    private static final String LOG = "x.log";
    private final FakeProtocol sma = new FakeProtocol("sma");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> problems = new ArrayList<>();
    private final CanLogReader.ProblemListener tolerant = e -> problems.add(e.getMessage());

    static CanFrame frame(long seconds, int id, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return CanFrame.of(seconds * 1_000_000L, "can0", id, false, data);
    }

    static CanFrame pack(long seconds) {
        return frame(seconds, 0x356, 0xC0, 0x14, 0x85, 0xFF, 0xD7, 0x00);
    }

    private DecodePipeline pipeline(boolean all, BmsProtocol... protocols) {
        return new DecodePipeline(List.of(protocols), new JsonlFormat(), out, all);
    }

    private List<String> lines() {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void decodesInLogOrderAndSkipsFramesNoProtocolDecodes() throws Exception {
        DecodePipeline.Summary summary = pipeline(false, sma).run(
                new FakeReader(LOG, tolerant, pack(1), frame(2, 0x123, 1), pack(3)), LOG, tolerant);
        assertEquals(List.of(
                "{\"time\":1.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12}}",
                "{\"time\":3.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12}}"),
                lines());
        assertEquals(new DecodePipeline.Summary(3, 2, 0, 0), summary);
        assertEquals(List.of(), problems);
    }

    @Test
    void errorAndRemoteFramesArePrintedAsSuchUnderAllAndNeverDecoded() throws Exception {
        CanFrame error = CanFrame.error(1_000_000L, "can0", 0x80, new byte[8]);
        CanFrame remote = CanFrame.remote(2_000_000L, "can0", 0x356, false, 6);
        DecodePipeline.Summary summary = pipeline(true, sma).run(new FakeReader(LOG, tolerant, error, remote, pack(3)),
                LOG, tolerant);
        assertEquals(List.of(
                "{\"time\":1.0,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x20000080\",\"message\":\"error_frame\",\"signals\":{},\"data\":\"0000000000000000\"}",
                "{\"time\":2.0,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x356\",\"message\":\"remote_request\",\"signals\":{},\"dlc\":6}",
                "{\"time\":3.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12}}"),
                lines());
        assertEquals(new DecodePipeline.Summary(3, 1, 2, 0), summary);
        assertEquals(List.of(), problems, "a remote frame is no malformed data frame");

        out.reset();
        summary = pipeline(false, sma).run(new FakeReader(LOG, tolerant, error, remote, pack(3)), LOG, tolerant);
        assertEquals(1, lines().size(), "without --all: " + lines());
        assertEquals(new DecodePipeline.Summary(3, 1, 0, 0), summary);
        assertEquals(List.of(), problems);
    }

    @Test
    void allPrintsUnclaimedFramesButNotPartsOfAMessage() throws Exception {
        DecodePipeline.Summary summary = pipeline(true, sma).run(new FakeReader(LOG, tolerant,
                frame(1, 0x380, 1), frame(2, 0x123, 0xAB), frame(3, 0x381, 2)), LOG, tolerant);
        assertEquals(List.of(
                "{\"time\":2.0,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x123\",\"message\":\"unknown\",\"signals\":{},\"data\":\"AB\"}",
                "{\"time\":3.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x381\",\"message\":\"serial\",\"signals\":{\"bms.serial\":\"HQ1234\"}}"),
                lines());
        assertEquals(new DecodePipeline.Summary(3, 1, 1, 0), summary);
    }

    @Test
    void tolerantModeReportsBadLinesAndMalformedFramesWithTheirLineAndGoesOn() throws Exception {
        FakeReader reader = new FakeReader(LOG, tolerant, pack(1), "no '#' in frame", frame(3, 0x356, 1, 2), pack(4));
        DecodePipeline.Summary summary = pipeline(false, sma).run(reader, LOG, tolerant);
        assertEquals(List.of("x.log:2: no '#' in frame", "x.log:3: 0x356 battery_basic_info needs 6 data bytes, got 2"),
                problems);
        assertEquals(2, lines().size());
        assertEquals(1, summary.malformedFrames());
        assertEquals(1, reader.skippedLines());
    }

    @Test
    void strictModeStopsAtTheFirstMalformedFrameKeepingWhatWasDecoded() {
        LogParseException e = assertThrows(LogParseException.class, () -> pipeline(false, sma)
                .run(new FakeReader(LOG, null, pack(1), frame(2, 0x356), pack(3)), LOG, null));
        assertEquals("x.log:2: 0x356 battery_basic_info needs 6 data bytes, got 0", e.getMessage());
        assertEquals(1, lines().size());
    }

    @Test
    void strictModeStopsAtTheFirstBadLine() {
        LogParseException e = assertThrows(LogParseException.class, () -> pipeline(false, sma)
                .run(new FakeReader(LOG, null, pack(1), "bad data length", pack(3)), LOG, null));
        assertEquals("x.log:2: bad data length", e.getMessage());
        assertEquals(1, lines().size());
    }

    @Test
    void aProtocolThatFailsIsAProblemAtTheLineNotACrash() throws Exception {
        pipeline(false, sma).run(new FakeReader(LOG, tolerant, frame(1, 0x666, 1), pack(2)), LOG, tolerant);
        assertEquals(List.of("x.log:1: protocol sma failed on 0x666: java.lang.IllegalStateException: bug"), problems);
        assertEquals(1, lines().size());
    }

    @Test
    void firstProtocolThatDecodesWins() throws Exception {
        FakeProtocol general = new FakeProtocol("general-bms");
        pipeline(false, general, sma).run(new FakeReader(LOG, tolerant, pack(1)), LOG, tolerant);
        assertTrue(lines().get(0).contains("\"protocol\":\"general-bms\""), lines().get(0));
    }

    @Test
    void malformedForOneProtocolButDecodedByAnotherIsNoProblem() throws Exception {
        BmsProtocol rejecting = new BmsProtocol() {
            @Override public String id() { return "rejecting"; }
            @Override public String label() { return "Rejects 0x356"; }
            @Override public int detectionScore(CanFrame frame) { return 0; }
            @Override public List<MessageInfo> messages() { return List.of(); }
            @Override public List<SignalDescriptor> signals() { return List.of(); }
            @Override public ProtocolSession newSession() {
                return new ProtocolSession() {
                    @Override public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                        throw new MalformedFrameException("0x" + frame.idHex() + " is not mine after all");
                    }
                    @Override public List<CanFrame> encode(String m, Map<String, ?> s, String bus, long t) {
                        return List.of();
                    }
                };
            }
        };
        pipeline(false, rejecting, sma).run(new FakeReader(LOG, tolerant, pack(1)), LOG, tolerant);
        assertTrue(lines().get(0).contains("\"protocol\":\"sma\""), lines().get(0));
        assertEquals(List.of(), problems);
        pipeline(false, rejecting, sma).run(new FakeReader(LOG, tolerant, frame(2, 0x123)), LOG, tolerant);
        assertEquals(List.of("x.log:1: 0x123 is not mine after all"), problems, "the first protocol's reason");
    }

    /** A protocol whose session sends the start of a message for every frame, then finds it malformed. */
    private static BmsProtocol failingHalfWay() {
        return new FakeProtocol("half") {
            @Override
            public ProtocolSession newSession() {
                return new ProtocolSession() {
                    @Override
                    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
                        sink.begin("half", "half_message", frame, 127508, 1, 2, 3, 4, 5, 6);
                        sink.number("pack.voltage", 1.5);
                        sink.value("bms.serial", "HALF");
                        throw new MalformedFrameException("0x" + frame.toFrame().idHex() + " breaks off");
                    }

                    @Override
                    public DecodedMessage decode(CanFrame frame) {
                        throw new AssertionError("the pipeline decodes into its sink");
                    }

                    @Override
                    public List<CanFrame> encode(String m, Map<String, ?> s, String bus, long t) {
                        return List.of();
                    }
                };
            }
        };
    }

    @Test
    void aMessageBegunBySessionThatThenFailsIsDiscarded() throws Exception {
        // the next session's message, and the frames after, have none of the broken one's fields or signals
        DecodePipeline.Summary summary = pipeline(true, failingHalfWay(), sma).run(
                new FakeReader(LOG, tolerant, pack(1), frame(2, 0x380, 1), pack(3)), LOG, tolerant);
        assertEquals(List.of(
                "{\"time\":1.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12}}",
                "{\"time\":3.0,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12}}"),
                lines());
        assertEquals(List.of("x.log:2: 0x380 breaks off"), problems, "0x380 completes nothing in sma");
        assertEquals(new DecodePipeline.Summary(3, 2, 0, 1), summary);

        out.reset();
        problems.clear();
        pipeline(true, failingHalfWay()).run(new FakeReader(LOG, tolerant, pack(1), frame(2, 0x123, 0xAB)), LOG,
                tolerant);
        assertEquals(List.of("x.log:1: 0x356 breaks off", "x.log:2: 0x123 breaks off"), problems);
        assertEquals(List.of(), lines(), "nothing of the broken messages is written");
    }

    @Test
    void oneSessionPerProtocolPerRunKeepsMessageState() throws Exception {
        FakeProtocol general = new FakeProtocol("general-bms");
        DecodePipeline p = pipeline(false, sma, general);
        p.run(new FakeReader(LOG, tolerant, frame(1, 0x380, 1), frame(2, 0x381, 2)), LOG, tolerant);
        assertEquals(1, sma.sessionsCreated());
        assertEquals(1, general.sessionsCreated());
        assertEquals(1, lines().size());
        p.run(new FakeReader(LOG, tolerant, frame(3, 0x381, 2)), LOG, tolerant);
        assertEquals(2, sma.sessionsCreated());
        assertEquals(1, lines().size(), "a new run starts with fresh sessions");
    }

    @Test
    void deviceIsDesignatedOnEveryMultiDeviceSessionOfTheRun() throws Exception {
        List<Integer> designated = new ArrayList<>();
        BmsProtocol multi = new FakeProtocol("nmea2000") {
            @Override
            public ProtocolSession newSession() {
                ProtocolSession inner = super.newSession();
                return new MultiDeviceSession() {
                    @Override
                    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                        return inner.decode(frame);
                    }

                    @Override
                    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long t) {
                        return inner.encode(message, signals, bus, t);
                    }

                    @Override
                    public List<BatterySource> batterySources() {
                        return List.of();
                    }

                    @Override
                    public long sourcesVersion() {
                        return 0;
                    }

                    @Override
                    public void designate(int address) {
                        designated.add(address);
                    }
                };
            }
        };
        new DecodePipeline(List.of(sma, multi), new JsonlFormat(), out, false, 0x50)
                .run(new FakeReader(LOG, tolerant, pack(1)), LOG, tolerant);
        assertEquals(List.of(0x50), designated, "designated once on the NMEA 2000 session; the 11-bit session has nothing to designate");
        new DecodePipeline(List.of(multi), new JsonlFormat(), out, false, null)
                .run(new FakeReader(LOG, tolerant, pack(1)), LOG, tolerant);
        assertEquals(List.of(0x50), designated, "no --device: nothing designated");
    }

    @Test
    void manyMessagesAreWrittenInBlocksAndAllArrive() throws Exception {
        List<Object> frames = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            frames.add(pack(i));
        }
        DecodePipeline.Summary s = pipeline(false, sma).run(new FakeReader(LOG, tolerant, frames), LOG, tolerant);
        assertEquals(20_000, s.messages());
        assertEquals(20_000, lines().size());
        assertTrue(lines().get(19_999).startsWith("{\"time\":19999.0,"));
    }

    @Test
    void aClosedOutputStopsTheRun() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        List<Object> frames = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            frames.add(pack(i));
        }
        DecodePipeline p = new DecodePipeline(List.of(sma), new JsonlFormat(), new PrintStream(broken), false);
        assertThrows(DecodePipeline.OutputException.class, () -> p.run(new FakeReader(LOG, tolerant, frames), LOG, tolerant));
    }

    /**
     * A live input ({@code candump -L can0 | bmswb decode -}): before the reader waits for more, it
     * flushes the pipeline (from the reading thread, as {@code FlushOnWaitInputStream} does), and
     * what was decoded so far reaches the output while the log is still open.
     */
    @Test
    void aLiveReaderThatFlushesBeforeWaitingGetsItsRecordsOutAtOnce() throws Exception {
        java.util.concurrent.BlockingQueue<Object> live = new java.util.concurrent.LinkedBlockingQueue<>();
        ByteArrayOutputStream seen = new ByteArrayOutputStream() {
            @Override
            public synchronized String toString() {
                return super.toString(StandardCharsets.UTF_8);
            }
        };
        DecodePipeline[] pipeline = {new DecodePipeline(List.of(sma), new JsonlFormat(), seen, false)};
        CanLogReader reader = new CanLogReader() {
            @Override
            public LogFormat format() {
                return LogFormat.CANDUMP_L;
            }

            @Override
            public long linesRead() {
                return 0;
            }

            @Override
            public long skippedLines() {
                return 0;
            }

            @Override
            public void close() {
            }

            @Override
            public CanFrame next() {
                try {
                    if (live.isEmpty()) {
                        pipeline[0].flush();
                    }
                    Object next = live.take();
                    return next instanceof CanFrame f ? f : null;
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        };
        live.add(pack(1));
        Thread run = new Thread(() -> {
            try {
                pipeline[0].run(reader, LOG, tolerant);
            } catch (IOException | LogParseException e) {
                throw new AssertionError(e);
            }
        }, "test-run");
        run.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!seen.toString().contains("\"time\":1.0") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(seen.toString().contains("\"time\":1.0"), "the first record is out while the log is open");
        live.add("end");
        run.join(10_000);
        assertEquals(1, seen.toString().split("\n").length);
    }

    @Test
    void headerComesFirstEvenWithoutMessages() throws Exception {
        new DecodePipeline(List.of(sma), new CsvFormat(Map.of()), out, false)
                .run(new FakeReader(LOG, tolerant), LOG, tolerant);
        assertEquals(List.of("time,bus,protocol,can_id,message,key,value,unit"), lines());
    }
}
