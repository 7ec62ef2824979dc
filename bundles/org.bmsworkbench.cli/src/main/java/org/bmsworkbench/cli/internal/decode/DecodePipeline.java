package org.bmsworkbench.cli.internal.decode;

import java.io.Flushable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.cli.internal.decode.BatchRing.Batch;

/**
 * The decode path of {@code bmswb decode}: log reader → one session per protocol → output
 * format → bytes. Plain Java, no OSGi, so that tests and benchmarks drive it directly.
 *
 * <p>Each frame goes to the sessions in order; the first that returns a message wins. A frame
 * that a session rejects as malformed (and no other session decodes) is a problem at the
 * frame's log line: fatal in strict mode (thrown as a {@link LogParseException}), otherwise
 * reported to the problem listener and skipped. With {@code all}, a frame that no protocol
 * claims (every {@link BmsProtocol#detectionScore(org.bmsworkbench.can.FrameView)} is 0) is written as unknown;
 * frames a protocol claims but completes no message with (fast-packet parts) are not. Error
 * and remote frames go to no protocol; with {@code all} they are written as such
 * ({@link OutputFormat#errorFrame}, {@link OutputFormat#remoteRequest}), else skipped.
 *
 * <p>A {@linkplain CanFrame#chunk() chunk} of a serial trace goes through
 * {@link ProtocolSession#decodeAll}: it may complete several messages or none; bytes the protocol
 * skips are a problem at the chunk's line.
 *
 * <p>Two threads: a thread {@code bmswb-decode} of its own reads, parses and decodes
 * ({@link LogDecoder}) while the caller's thread formats and writes, which is most of the work;
 * when the writer falls behind, the reading thread formats the batch it just filled too, with
 * its own instance of the format ({@link OutputFormat#forAnotherThread()}).
 * They hand over reusable batches of {@value #BATCH_SIZE} records through a ring of
 * {@value #BATCHES} ({@link BatchRing}): the reader is never more than that ahead of the output,
 * so memory does not grow with the log, and batches are written in the order they were filled.
 * A batch keeps its records in reused primitive arrays ({@link Records}), filled by the sessions
 * ({@link ProtocolSession#decodeTo}) from one reused frame ({@link CanLogReader#next(org.bmsworkbench.can.ReusedFrame)}):
 * once warm, a frame that the reader reads in place and a session decodes in place allocates
 * nothing on either thread (what still allocates: {@link LogDecoder}; the table format's date,
 * once per log second).
 * A failure of the reading thread (a bad line in strict mode, an unreadable log) is thrown by
 * {@link #run} after everything before it is written; a failure of the output stops the reading
 * thread. Output is formatted into a reusable buffer and written in blocks of about 64 KiB.
 * {@link #flush()} may be called between frames from the reading thread (from the reader, e.g.
 * before it blocks on a live input: the batch so far is written and the output flushed), or while
 * no run is going on.
 */
public final class DecodePipeline implements Flushable {
    private static final int BLOCK = 1 << 16;
    /** Batches in circulation between the two threads. */
    static final int BATCHES = 4;
    /** Items (messages, frames printed without one) in a batch. */
    static final int BATCH_SIZE = 1024;

    private final List<BmsProtocol> protocols;
    private final OutputFormat format;
    private final OutputStream out;
    private final boolean all;
    private final Integer device;
    private final int batches;
    private final int batchSize;
    private final Sharing sharing;
    private final TextBuffer buffer = new TextBuffer(BLOCK + (BLOCK >> 2));
    /** The reading side of the run going on, and its thread; null between runs. */
    private volatile LogDecoder decoder;
    private volatile Thread decoderThread;

    /**
     * @param protocols the protocols to decode with, in order of precedence
     * @param format    how to write messages
     * @param out       where to write them; not closed
     * @param all       also write frames no protocol claims, as unknown
     */
    public DecodePipeline(List<BmsProtocol> protocols, OutputFormat format, OutputStream out, boolean all) {
        this(protocols, format, out, all, null);
    }

    /**
     * @param device the source address the user says is the BMS ({@code --device}), designated on
     *               every {@link MultiDeviceSession}; null for none
     */
    public DecodePipeline(List<BmsProtocol> protocols, OutputFormat format, OutputStream out, boolean all,
            Integer device) {
        this(protocols, format, out, all, device, BATCHES, BATCH_SIZE, Sharing.WHEN_WRITER_BEHIND);
    }

    /** Whether the reading thread formats batches too (its own instance of the format). */
    enum Sharing {
        NEVER,
        /** A batch that the reading thread fills while another still waits for the writer. */
        WHEN_WRITER_BEHIND,
        ALWAYS
    }

    /** With another ring, {@code batches} of {@code batchSize} items, and another sharing (tests). */
    DecodePipeline(List<BmsProtocol> protocols, OutputFormat format, OutputStream out, boolean all,
            Integer device, int batches, int batchSize, Sharing sharing) {
        this.protocols = List.copyOf(protocols);
        this.format = format;
        this.out = out;
        this.all = all;
        this.device = device;
        this.batches = batches;
        this.batchSize = batchSize;
        this.sharing = sharing;
    }

    /**
     * What one run did. {@code unknownFrames} counts the frames written without a message
     * (unknown, error, remote); {@code malformedFrames} counts frames skipped in tolerant mode.
     */
    public record Summary(long frames, long messages, long unknownFrames, long malformedFrames) {
    }

    /** Writing the output failed (a closed pipe, a full disk). */
    public static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Decodes every frame of {@code reader} with new sessions of the protocols, one set per bus or
     * serial port ({@link BusSessions}), then flushes.
     * The reader is read on another thread while this one writes.
     *
     * @param sourceName the log's name in problem messages ({@code FILE} or {@code <stdin>})
     * @param problems   null for strict mode; otherwise told of each malformed frame, which is skipped
     *                   (on the reading thread)
     * @throws LogParseException in strict mode, the first bad line or malformed frame
     * @throws OutputException   when the output cannot be written
     * @throws IOException       when the log cannot be read
     */
    public Summary run(CanLogReader reader, String sourceName, CanLogReader.ProblemListener problems)
            throws IOException, LogParseException {
        BatchRing ring = new BatchRing(batches, batchSize);
        LogDecoder reading = new LogDecoder(reader, sourceName, problems, protocols,
                new BusSessions(protocols, device), all, ring,
                format.forAnotherThread(), sharing);
        Thread thread = new Thread(reading, "bmswb-decode");
        thread.setDaemon(true); // a reader blocked on a live input must not keep the process alive
        decoder = reading;
        decoderThread = thread;
        boolean completed = false;
        try {
            format.begin(buffer);
            thread.start();
            Throwable failure = write(ring);
            completed = true;
            thread.join();
            if (failure != null) {
                flushQuietly();
                throw rethrown(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("decoding was interrupted");
        } finally {
            decoder = null;
            decoderThread = null;
            if (!completed) {
                thread.interrupt(); // the output failed: the reading thread stops at its next hand-over
                flushQuietly();
            }
        }
        flush();
        return new Summary(reading.frames, reading.messages, reading.unknown, reading.malformed);
    }

    /** Writes the batches as they come, in order, until the last; returns the reading thread's failure. */
    private Throwable write(BatchRing ring) throws InterruptedException, OutputException {
        while (true) {
            Batch batch = ring.filled();
            if (batch.formatted) {
                drain();
                write(batch.text);
            } else {
                for (int i = 0, n = batch.size(); i < n; i++) {
                    batch.format(i, format, buffer);
                    if (buffer.size() >= BLOCK) {
                        drain();
                    }
                }
            }
            if (batch.last) {
                return batch.failure;
            }
            if (batch.flush) {
                flushOutput();
            }
            ring.recycle(batch);
        }
    }

    private static IOException rethrown(Throwable failure) throws LogParseException {
        if (failure instanceof LogParseException e) {
            throw e;
        } else if (failure instanceof IOException e) {
            return e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private void drain() throws OutputException {
        write(buffer);
    }

    private void write(TextBuffer text) throws OutputException {
        try {
            text.writeTo(out);
        } catch (IOException e) {
            throw new OutputException(e.getMessage(), e);
        }
        if (out instanceof PrintStream ps && ps.checkError()) {
            // a PrintStream keeps the cause to itself: whoever made the stream may know it
            throw new OutputException("the output is closed or full", null);
        }
    }

    /**
     * Writes what is formatted so far and flushes the output. During a run, on the reading thread:
     * hands the batch read so far to the writer, which writes it and flushes.
     */
    @Override
    public void flush() throws IOException {
        LogDecoder reading = decoder;
        if (reading != null && Thread.currentThread() == decoderThread) {
            reading.handOffAndFlush();
        } else {
            flushOutput();
        }
    }

    private void flushOutput() throws OutputException {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputException(e.getMessage(), e);
        }
    }

    /** Keeps what was decoded before a failure; the failure itself is what the user needs to see. */
    private void flushQuietly() {
        try {
            flushOutput();
        } catch (IOException e) {
            buffer.clear();
        }
    }
}
