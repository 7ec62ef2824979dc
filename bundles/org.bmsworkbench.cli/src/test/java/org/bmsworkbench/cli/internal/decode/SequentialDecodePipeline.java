package org.bmsworkbench.cli.internal.decode;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogParseException;

/**
 * The decode pipeline as it was before it ran on two threads (commit 774f50c), kept word for word
 * but for its name, as the reference the two-thread {@link DecodePipeline} must match byte for
 * byte ({@code DecodePipelineEquivalenceTest}): one thread reads, decodes and formats each frame
 * in turn.
 */
final class SequentialDecodePipeline implements Flushable {
    private static final int BLOCK = 1 << 16;

    private final List<BmsProtocol> protocols;
    private final OutputFormat format;
    private final OutputStream out;
    private final boolean all;
    private final Integer device;
    private final TextBuffer buffer = new TextBuffer(BLOCK + (BLOCK >> 2));

    /**
     * @param protocols the protocols to decode with, in order of precedence
     * @param format    how to write messages
     * @param out       where to write them; not closed
     * @param all       also write frames no protocol claims, as unknown
     */
    SequentialDecodePipeline(List<BmsProtocol> protocols, OutputFormat format, OutputStream out, boolean all) {
        this(protocols, format, out, all, null);
    }

    /**
     * @param device the source address the user says is the BMS ({@code --device}), designated on
     *               every {@link MultiDeviceSession}; null for none
     */
    SequentialDecodePipeline(List<BmsProtocol> protocols, OutputFormat format, OutputStream out, boolean all,
            Integer device) {
        this.protocols = List.copyOf(protocols);
        this.format = format;
        this.out = out;
        this.all = all;
        this.device = device;
    }

    /**
     * What one run did. {@code unknownFrames} counts the frames written without a message
     * (unknown, error, remote); {@code malformedFrames} counts frames skipped in tolerant mode.
     */
    public record Summary(long frames, long messages, long unknownFrames, long malformedFrames) {
    }

    /** Writing the output failed (a closed pipe, a full disk). */
    static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Decodes every frame of {@code reader} with new sessions of the protocols, one set per bus, then
     * flushes.
     *
     * @param sourceName the log's name in problem messages ({@code FILE} or {@code <stdin>})
     * @param problems   null for strict mode; otherwise told of each malformed frame, which is skipped
     * @throws LogParseException in strict mode, the first bad line or malformed frame
     * @throws OutputException   when the output cannot be written
     * @throws IOException       when the log cannot be read
     */
    public Summary run(CanLogReader reader, String sourceName, CanLogReader.ProblemListener problems)
            throws IOException, LogParseException {
        BusSessions buses = new BusSessions(protocols, device);
        long frames = 0;
        long messages = 0;
        long unknown = 0;
        long malformed = 0;
        boolean completed = false;
        try {
            format.begin(buffer);
            CanFrame frame;
            while ((frame = reader.next()) != null) {
                frames++;
                if (frame.error() || frame.remote()) {
                    // no protocol decodes these: not data, so never "unknown" data either
                    if (all) {
                        if (frame.error()) {
                            Messages.write(format, Records.ERROR_FRAME, frame, buffer);
                        } else {
                            Messages.write(format, Records.REMOTE_REQUEST, frame, buffer);
                        }
                        unknown++;
                    }
                    if (buffer.size() >= BLOCK) {
                        drain();
                    }
                    continue;
                }
                ProtocolSession[] sessions = buses.of(frame.bus());
                if (frame.chunk()) {
                    long[] counts = chunk(frame, sessions, reader, sourceName, problems);
                    messages += counts[0];
                    unknown += counts[1];
                    malformed += counts[2];
                    if (buffer.size() >= BLOCK) {
                        drain();
                    }
                    continue;
                }
                DecodedMessage message = null;
                String problem = null;
                for (int i = 0; i < sessions.length && message == null; i++) {
                    try {
                        message = sessions[i].decode(frame);
                    } catch (MalformedFrameException e) {
                        problem = problem == null ? e.getMessage() : problem;
                    } catch (RuntimeException e) {
                        problem = problem == null
                                ? "protocol " + protocols.get(i).id() + " failed on 0x" + frame.idHex() + ": " + e
                                : problem;
                    }
                }
                if (message != null) {
                    Messages.write(format, message, buffer);
                    messages++;
                } else if (problem != null) {
                    LogParseException e = new LogParseException(sourceName, reader.linesRead(), problem);
                    if (problems == null) {
                        throw e;
                    }
                    malformed++;
                    problems.skipped(e);
                } else if (all && !claimed(frame)) {
                    Messages.write(format, Records.UNKNOWN, frame, buffer);
                    unknown++;
                }
                if (buffer.size() >= BLOCK) {
                    drain();
                }
            }
            completed = true;
        } finally {
            if (completed) {
                flush();
            } else {
                flushQuietly();
            }
        }
        return new Summary(frames, messages, unknown, malformed);
    }

    /**
     * A chunk of a byte stream: every message it completes ({@link ProtocolSession#decodeAll}; the
     * first session that completes any wins), also those completed beside a fault. Skipped bytes are
     * a problem at the chunk's line and, with {@code all}, an unknown record of those bytes (of the
     * chunk when the protocol does not name them). With no protocol, every chunk is unknown under
     * {@code all}. A chunk that only carries part of a message is nothing yet.
     *
     * @return messages written, unknown records written, malformed chunks skipped
     */
    private long[] chunk(CanFrame frame, ProtocolSession[] sessions, CanLogReader reader, String sourceName,
            CanLogReader.ProblemListener problems) throws LogParseException {
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
            Messages.write(format, m, buffer);
        }
        long unknown = 0;
        long malformed = 0;
        if (problem != null) {
            LogParseException e = new LogParseException(sourceName, reader.linesRead(), problem);
            if (problems == null) {
                throw e;
            }
            malformed++;
            problems.skipped(e);
            if (all) {
                byte[] skipped = fault == null ? new byte[0] : fault.skipped();
                Messages.write(format, Records.UNKNOWN, skipped.length == 0 ? frame : CanFrame.chunk(frame.timestampMicros(), frame.bus(),
                        frame.direction(), skipped), buffer);
                unknown++;
            }
        } else if (all && sessions.length == 0) {
            Messages.write(format, Records.UNKNOWN, frame, buffer);
            unknown++;
        }
        return new long[] {decoded.size(), unknown, malformed};
    }

    private boolean claimed(CanFrame frame) {
        for (BmsProtocol p : protocols) {
            if (p.detectionScore(frame) > 0) {
                return true;
            }
        }
        return false;
    }

    private void drain() throws OutputException {
        try {
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new OutputException(e.getMessage(), e);
        }
        if (out instanceof PrintStream ps && ps.checkError()) {
            // a PrintStream keeps the cause to itself: whoever made the stream may know it
            throw new OutputException("the output is closed or full", null);
        }
    }

    /** Writes what is formatted so far and flushes the output. */
    @Override
    public void flush() throws OutputException {
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
            flush();
        } catch (IOException e) {
            buffer.clear();
        }
    }
}
