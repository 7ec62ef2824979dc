package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogFormat;
import org.junit.jupiter.api.Test;

/**
 * The reading thread of {@link DecodePipeline} never runs further ahead of the output than its ring
 * of batches holds, whatever the size of the log: with an endless log and an output that stops
 * taking bytes, it reads a bounded number of frames and waits. When the output then fails, the run
 * ends with that failure and the reading thread ends too.
 */
class DecodePipelineMemoryTest {
    private static final int BATCHES = 3;
    private static final int BATCH_SIZE = 16;

    /** An endless log of the same SMA 0x356 frame (FakeProtocol decodes it); counts what it hands out. */
    private static final class EndlessReader implements CanLogReader {
        final AtomicLong read = new AtomicLong();
        volatile Thread thread;
        private final CanFrame frame = DecodePipelineTest.pack(1);

        @Override
        public CanFrame next() {
            thread = Thread.currentThread();
            read.incrementAndGet();
            return frame;
        }

        @Override
        public LogFormat format() {
            return LogFormat.CANDUMP_L;
        }

        @Override
        public long linesRead() {
            return read.get();
        }

        @Override
        public long skippedLines() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** Takes nothing: its first write waits until released, then fails as a closed pipe does. */
    private static final class StuckOutput extends OutputStream {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("Broken pipe");
        }
    }

    @Test
    void theReaderWaitsForTheOutputAfterAFixedNumberOfFrames() throws Exception {
        EndlessReader reader = new EndlessReader();
        StuckOutput out = new StuckOutput();
        DecodePipeline pipeline = new DecodePipeline(List.of(new FakeProtocol("sma")), new JsonlFormat(), out, false,
                null, BATCHES, BATCH_SIZE, DecodePipeline.Sharing.WHEN_WRITER_BEHIND);
        Thread writer = new Thread(() -> assertThrows(DecodePipeline.OutputException.class,
                () -> pipeline.run(reader, "endless.log", null)), "test-writer");
        writer.start();
        assertTrue(out.writing.await(10, TimeUnit.SECONDS), "the first block is written");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean waited;
        // one look decides: asked twice, the thread may have been woken between the two looks
        while (!(waited = waitingForABatch(reader.thread)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(waited, "the reading thread waits for an empty batch");
        long readWhileStuck = reader.read.get();
        // the writer formatted one block's worth of records before it got stuck writing it; the
        // reader may fill every batch of the ring beside those and hold one frame more
        long bound = (1 << 16) / recordLength() + 1 + BATCHES * BATCH_SIZE + 1;
        assertTrue(readWhileStuck <= bound, readWhileStuck + " frames read while the output takes nothing");

        out.release.countDown();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(writer.isAlive(), "the run ends with the output's failure");
        reader.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(reader.thread.isAlive(), "the reading thread stops with the run");
        assertTrue(reader.read.get() <= bound, reader.read.get() + " frames read in all");
    }

    /** Waits on the ring's queue of empty batches (not merely for its lock, which the writer may hold a moment). */
    private static boolean waitingForABatch(Thread t) {
        if (t == null || t.getState() != Thread.State.WAITING) {
            return false;
        }
        boolean awaiting = false;
        for (StackTraceElement e : t.getStackTrace()) {
            awaiting |= e.getMethodName().equals("await") && e.getClassName().endsWith("ConditionObject");
            if (awaiting && e.getClassName().equals(BatchRing.class.getName()) && e.getMethodName().equals("empty")) {
                return true;
            }
        }
        return false;
    }

    private static int recordLength() throws Exception {
        TextBuffer b = new TextBuffer(256);
        Messages.write(new JsonlFormat(), new FakeProtocol("sma").newSession().decode(DecodePipelineTest.pack(1)), b);
        return b.size();
    }
}
