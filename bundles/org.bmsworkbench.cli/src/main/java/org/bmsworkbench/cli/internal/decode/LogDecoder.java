package org.bmsworkbench.cli.internal.decode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.cli.internal.decode.BatchRing.Batch;

/**
 * The first of {@link DecodePipeline}'s two threads: reads the log, decodes each frame with the
 * sessions of its bus ({@link BusSessions}), and puts what is to be written (messages, and frames
 * printed without one) into batches of the {@link BatchRing}, in log order. The log is read into
 * one {@link ReusedFrame}, and the sessions decode it ({@link ProtocolSession#decodeTo}) straight
 * into the batch's {@link Records}; a message a failing session began there is discarded. A frame that a reader
 * reads in place and a session decodes in place allocates nothing; still allocating are readers
 * and sessions on the defaults (a copied {@link CanFrame}, a replayed message), chunks of serial
 * traces ({@link ProtocolSession#decodeAll}) and, under {@code all}, a protocol that scores the
 * frames no session decoded on {@link BmsProtocol#detectionScore(FrameView)}'s default (a copy);
 * {@link #claimed} asks the protocols about the view itself.
 * Formatting happens on the other thread, but for the batches this thread formats itself when the
 * writer is behind ({@link #handOff()}).
 *
 * <p>The rules are {@link DecodePipeline}'s: the first session that returns a message wins; a
 * frame a session rejects as malformed (and no other decodes) is a problem at its log line,
 * thrown in strict mode, else reported and skipped; under {@code all} a frame no protocol claims
 * is unknown, error and remote frames are printed as such. A failure (a bad line in strict mode,
 * an unreadable log, a bug) ends the last batch, so that everything before it is still written.
 */
final class LogDecoder implements Runnable {
    private final CanLogReader reader;
    private final String sourceName;
    private final CanLogReader.ProblemListener problems;
    private final List<BmsProtocol> protocols;
    private final BusSessions buses;
    private final boolean all;
    private final BatchRing ring;
    private final OutputFormat helper;
    private final DecodePipeline.Sharing sharing;
    private Batch batch;

    long frames;
    long messages;
    long unknown;
    long malformed;

    LogDecoder(CanLogReader reader, String sourceName, CanLogReader.ProblemListener problems,
            List<BmsProtocol> protocols, BusSessions buses, boolean all, BatchRing ring,
            OutputFormat helper, DecodePipeline.Sharing sharing) {
        this.reader = reader;
        this.sourceName = sourceName;
        this.problems = problems;
        this.protocols = protocols;
        this.buses = buses;
        this.all = all;
        this.ring = ring;
        this.helper = helper;
        this.sharing = helper == null ? DecodePipeline.Sharing.NEVER : sharing;
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            batch = ring.empty();
            decodeAll();
        } catch (InterruptedException | InterruptedIOException e) {
            return; // the writer failed and stopped: nobody waits for more
        } catch (IOException | LogParseException | RuntimeException | Error e) {
            failure = e; // also a bug: the writer must not wait for a batch that never comes
        }
        batch.last = true;
        batch.failure = failure;
        try {
            ring.publish(batch);
        } catch (InterruptedException e) {
            // the writer failed and stopped
        }
    }

    /**
     * Hands the batch filled so far to the writer with the request to flush the output, e.g.
     * before reading a live input that has nothing yet. Called on this thread only, between frames.
     */
    void handOffAndFlush() throws InterruptedIOException {
        batch.flush = true;
        handOff();
    }

    /**
     * Publishes the batch; first formats it here (with the {@code helper} format) when the writer is
     * behind, which it is when formatting costs more than reading and decoding: the two threads
     * then share the formatting, batch by batch, and the order stays the log's.
     */
    private void handOff() throws InterruptedIOException {
        if (sharing == DecodePipeline.Sharing.ALWAYS
                || sharing == DecodePipeline.Sharing.WHEN_WRITER_BEHIND && ring.writerBehind()) {
            batch.formatAll(helper);
        }
        try {
            ring.publish(batch);
            batch = ring.empty();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the output stopped");
        }
    }

    /** The batch to record the next item in: the one being filled, or a new one when that is full. */
    private Records room() throws InterruptedIOException {
        if (batch.isFull()) {
            handOff();
        }
        return batch.records;
    }

    private void decodeAll() throws IOException, LogParseException {
        ReusedFrame frame = new ReusedFrame();
        while (reader.next(frame)) {
            frames++;
            if (frame.error() || frame.remote()) {
                // no protocol decodes these: not data, so never "unknown" data either
                if (all) {
                    room().frame(frame.error() ? Records.ERROR_FRAME : Records.REMOTE_REQUEST, frame);
                    unknown++;
                }
            } else if (frame.chunk()) {
                chunk(frame.toFrame());
            } else {
                data(frame);
            }
        }
    }

    /**
     * A data frame: the sessions record its message straight into the batch
     * ({@link ProtocolSession#decodeTo}); what a failing session began is discarded.
     */
    private void data(FrameView frame) throws IOException, LogParseException {
        Records records = room();
        ProtocolSession[] sessions = buses.of(frame.bus());
        boolean decoded = false;
        String problem = null;
        for (int i = 0; i < sessions.length && !decoded; i++) {
            try {
                decoded = sessions[i].decodeTo(frame, records);
            } catch (MalformedFrameException e) {
                records.discardOpen();
                problem = problem == null ? e.getMessage() : problem;
            } catch (RuntimeException e) {
                records.discardOpen();
                problem = problem == null
                        ? "protocol " + protocols.get(i).id() + " failed on 0x" + frame.toFrame().idHex() + ": " + e
                        : problem;
            }
        }
        if (decoded) {
            messages++;
        } else if (problem != null) {
            skip(problem);
        } else if (all && !claimed(frame)) {
            records.frame(Records.UNKNOWN, frame);
            unknown++;
        }
    }

    /**
     * A chunk of a byte stream: every message it completes ({@link ProtocolSession#decodeAll}; the
     * first session that completes any wins), also those completed beside a fault. Skipped bytes are
     * a problem at the chunk's line and, with {@code all}, an unknown record of those bytes (of the
     * chunk when the protocol does not name them). With no protocol, every chunk is unknown under
     * {@code all}. A chunk that only carries part of a message is nothing yet. Chunks are rare (serial
     * traces): they keep the sessions' objects, replayed into the batch.
     */
    private void chunk(CanFrame frame) throws IOException, LogParseException {
        ProtocolSession[] sessions = buses.of(frame.bus());
        List<DecodedMessage> decoded = List.of();
        MalformedFrameException fault = null;
        String problem = null;
        for (int i = 0; i < sessions.length && decoded.isEmpty(); i++) {
            try {
                decoded = sessions[i].decodeAll(frame);
            } catch (MalformedFrameException e) {
                if (fault == null) {
                    fault = e;
                    problem = e.getMessage();
                }
                decoded = e.decoded();
            } catch (RuntimeException e) {
                problem = problem == null ? "protocol " + protocols.get(i).id() + " failed on " + frame + ": " + e
                        : problem;
            }
        }
        for (DecodedMessage m : decoded) {
            MessageSink.replay(m, room());
        }
        messages += decoded.size();
        if (problem != null) {
            skip(problem);
            if (all) {
                byte[] skipped = fault == null ? new byte[0] : fault.skipped();
                if (skipped.length == 0) {
                    room().frame(Records.UNKNOWN, frame);
                } else {
                    room().chunk(frame, skipped);
                }
                unknown++;
            }
        } else if (all && protocols.isEmpty()) {
            room().frame(Records.UNKNOWN, frame);
            unknown++;
        }
    }

    /** A malformed frame at the current line: fatal in strict mode, else reported and counted. */
    private void skip(String problem) throws LogParseException {
        LogParseException e = new LogParseException(sourceName, reader.linesRead(), problem);
        if (problems == null) {
            throw e;
        }
        malformed++;
        problems.skipped(e);
    }

    /** Whether a protocol claims the frame; asked only under {@code all}, of frames no session decoded. */
    private boolean claimed(FrameView frame) {
        if (protocols.isEmpty()) {
            return false;
        }
        for (int i = 0; i < protocols.size(); i++) {
            if (protocols.get(i).detectionScore(frame) > 0) { // the view itself: no copy a frame
                return true;
            }
        }
        return false;
    }
}
