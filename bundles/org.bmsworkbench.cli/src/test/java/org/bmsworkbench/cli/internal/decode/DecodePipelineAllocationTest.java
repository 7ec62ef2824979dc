package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.bmsworkbench.protocol.vreg.internal.VregProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16: the decode pipeline allocates nothing a frame. Fed by a reader that fills one
 * {@link ReusedFrame} in place and a session that decodes into the sink without objects (the doubles
 * below, which is what the real readers and sessions do on their hot path), both of its threads —
 * the one reading and decoding, which also formats when the writer is behind, and the one
 * formatting and writing — allocate less than a byte a frame once warm. Measured per thread by
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} as the difference between a run of
 * {@value #SHORT} frames and one of {@value #LONG}, so that what a run allocates once (sessions,
 * ring, thread, buffers) cancels out. Counting bytes, not timing.
 *
 * <p>The frames are those of {@link FakeProtocol}: an 11-bit 0x356 whose first two bytes are the pack
 * voltage in 0.01 V (the SMA layout, made up here, as in the other pipeline tests).
 */
class DecodePipelineAllocationTest {
    private static final int WARM_UP = 200_000;
    private static final int SHORT = 100_000;
    private static final int LONG = 300_000;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private static com.sun.management.ThreadMXBean threads() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t ? t : null;
    }

    private static long allocatedByThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    /**
     * A log of {@code frames} 0x356 frames 10 µs apart, filled into the caller's frame; measures what
     * the thread reading it (the pipeline's decoding thread) allocates from the first frame to the end.
     */
    private static final class InPlaceReader implements CanLogReader {
        private final int frames;
        private final boolean foreign;
        private int read;
        long allocatedAtStart;
        long allocatedAtEnd;

        /** With {@code foreign}, frames of none of the protocols instead: see {@link #fillForeign}. */
        InPlaceReader(int frames, boolean foreign) {
            this.frames = frames;
            this.foreign = foreign;
        }

        private long time() {
            return 1_600_000_000_000_000L + 10L * read;
        }

        /** Whether there is another frame; measures at the first and after the last. */
        private boolean more() {
            if (read == 0) {
                allocatedAtStart = allocatedByThisThread();
            }
            if (read == frames) {
                allocatedAtEnd = allocatedByThisThread();
                return false;
            }
            return true;
        }

        @Override
        public boolean next(ReusedFrame frame) {
            if (!more()) {
                return false;
            }
            if (foreign) {
                fillForeign(frame);
                read++;
                return true;
            }
            byte[] data = frame.set(time(), "can0", 0x356, 0, 8, Direction.RX).data(8);
            int centivolts = 4800 + read % 1000;
            data[0] = (byte) centivolts;
            data[1] = (byte) (centivolts >> 8);
            for (int i = 2; i < 8; i++) {
                data[i] = (byte) (read + i);
            }
            read++;
            return true;
        }

        /**
         * A frame of a busy bus that is no battery's, in turn: NMEA 2000 PGN 129025 Position Rapid
         * Update and PGN 130306 Wind Data (ids as canboat lists them, priority 2, source 0x23), and an
         * 11-bit id 0x100..0x17F; the bytes change from frame to frame.
         */
        private void fillForeign(ReusedFrame frame) {
            int kind = read % 3;
            int id = kind == 0 ? 0x09F80123 : kind == 1 ? 0x09FD0223 : 0x100 + read % 0x80;
            byte[] data = frame.set(time(), "can0", id, kind == 2 ? 0 : ReusedFrame.EXTENDED, 8, Direction.RX).data(8);
            for (int i = 0; i < 8; i++) {
                data[i] = (byte) (read * 7 + i);
            }
        }

        /** The same frames as objects, for a pipeline that does not read in place. */
        @Override
        public CanFrame next() {
            ReusedFrame frame = new ReusedFrame();
            return next(frame) ? frame.toFrame() : null;
        }

        @Override
        public LogFormat format() {
            return LogFormat.CANDUMP_L;
        }

        @Override
        public long linesRead() {
            return read;
        }

        @Override
        public long skippedLines() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** Decodes 0x356 into the sink with constant names and keys, no objects; {@code decode} gives the same as objects. */
    private static final class InPlaceProtocol extends FakeProtocol {
        InPlaceProtocol() {
            super("sma");
        }

        @Override
        public ProtocolSession newSession() {
            return new ProtocolSession() {
                @Override
                public boolean decodeTo(FrameView frame, MessageSink sink) {
                    if (frame.id() != 0x356) {
                        return false;
                    }
                    int none = MessageSink.NONE;
                    sink.begin("sma", "battery_basic_info", frame, none, none, none, none, none, none, none);
                    sink.number("pack.voltage", (frame.u8(0) | frame.u8(1) << 8) / 100.0);
                    sink.number("pack.current", (frame.u8(2) - 128) / 10.0);
                    sink.value("bms.state", "running");
                    sink.value("charge.allowed", Boolean.TRUE);
                    sink.end();
                    return true;
                }

                @Override
                public DecodedMessage decode(CanFrame frame) {
                    if (frame.id() != 0x356) {
                        return null;
                    }
                    Map<String, Object> signals = new LinkedHashMap<>();
                    signals.put("pack.voltage", (frame.u8(0) | frame.u8(1) << 8) / 100.0);
                    signals.put("pack.current", (frame.u8(2) - 128) / 10.0);
                    signals.put("bms.state", "running");
                    signals.put("charge.allowed", Boolean.TRUE);
                    return DecodedMessage.of("sma", "battery_basic_info", frame, signals);
                }

                @Override
                public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long time) {
                    throw new IllegalArgumentException("not encodable");
                }
            };
        }

        @Override
        public List<SignalDescriptor> signals() {
            return List.of();
        }
    }

    /** Counts what is written, keeps nothing. */
    private static final class CountingOutput extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Bytes allocated by the decoding thread and by the writing thread in one run of {@code frames}. */
    private record Allocated(long decoding, long writing) {
    }

    /**
     * One run of {@code frames}: 0x356 frames that {@link InPlaceProtocol} decodes, or with {@code foreign}
     * frames of no battery, decoded under {@code --all} with the real SMA, NMEA 2000 and VREG protocols.
     */
    private static Allocated run(int frames, boolean foreign, Supplier<OutputFormat> format, DecodePipeline.Sharing sharing)
            throws Exception {
        InPlaceReader reader = new InPlaceReader(frames, foreign);
        CountingOutput out = new CountingOutput();
        List<BmsProtocol> protocols = foreign ? List.of(new SmaProtocol(), new Nmea2000Protocol(), new VregProtocol())
                : List.of(new InPlaceProtocol());
        DecodePipeline pipeline = new DecodePipeline(protocols, format.get(), out, foreign, null,
                DecodePipeline.BATCHES, DecodePipeline.BATCH_SIZE, sharing);
        long before = allocatedByThisThread();
        DecodePipeline.Summary summary = pipeline.run(reader, foreign ? "foreign.log" : "in-place.log", null);
        long writing = allocatedByThisThread() - before;
        if (foreign) {
            assertEquals(0, summary.messages());
            assertEquals(frames, summary.unknownFrames(), "no protocol claims a foreign frame");
        } else {
            assertEquals(frames, summary.messages());
        }
        assertTrue(out.bytes > 40L * frames, out.bytes + " bytes written");
        return new Allocated(reader.allocatedAtEnd - reader.allocatedAtStart, writing);
    }

    /**
     * Two runs to warm up, then the bytes each thread allocates a frame: the difference between a run of
     * {@value #LONG} frames and one of {@value #SHORT}, so that what a run allocates once cancels out.
     */
    private static void assertLessThanAByteAFrame(String what, boolean foreign, Supplier<OutputFormat> format,
            DecodePipeline.Sharing sharing) throws Exception {
        assumeTrue(THREADS != null && THREADS.isThreadAllocatedMemorySupported(),
                "this JVM does not count the bytes a thread allocates");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        run(WARM_UP, foreign, format, sharing);
        run(WARM_UP, foreign, format, sharing);
        Allocated few = run(SHORT, foreign, format, sharing);
        Allocated many = run(LONG, foreign, format, sharing);
        double decoding = (double) (many.decoding() - few.decoding()) / (LONG - SHORT);
        double writing = (double) (many.writing() - few.writing()) / (LONG - SHORT);
        String run = what + ", formatting shared " + sharing + ": ";
        assertTrue(decoding < 1, run + "the decoding thread allocates " + decoding + " bytes a frame");
        assertTrue(writing < 1, run + "the writing thread allocates " + writing + " bytes a frame");
    }

    /**
     * Issue 16, {@code decode --all} on a bus of many devices: every frame no session decodes is asked
     * of every protocol ({@code detectionScore} of the reused view, no copy) and written as unknown;
     * both threads still allocate less than a byte a frame once warm.
     */
    @ParameterizedTest
    @CsvSource({"jsonl, NEVER", "jsonl, ALWAYS", "csv, NEVER"})
    void underAllForeignFramesAllocateLessThanAByteAFrameOnEitherThread(String name, DecodePipeline.Sharing sharing)
            throws Exception {
        assertLessThanAByteAFrame(name + " --all", true, () -> OutputFormat.named(name, Map.of()), sharing);
    }

    /**
     * Formatting on the writing thread only, and on the decoding thread only: the pipeline's own
     * sharing (when the writer is behind) mixes the two as the threads' speeds happen to be.
     */
    @ParameterizedTest
    @CsvSource({"jsonl, NEVER", "jsonl, ALWAYS", "csv, NEVER", "csv, ALWAYS", "table, NEVER", "table, ALWAYS"})
    void lessThanAByteAFrameOnEitherThreadOnceWarm(String name, DecodePipeline.Sharing sharing) throws Exception {
        Map<String, String> units = Map.of("pack.voltage", "V", "pack.current", "A");
        assertLessThanAByteAFrame(name, false, () -> OutputFormat.named(name, units), sharing);
    }
}
