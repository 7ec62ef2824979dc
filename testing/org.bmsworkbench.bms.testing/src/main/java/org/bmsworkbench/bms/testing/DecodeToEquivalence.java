package org.bmsworkbench.bms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;

/**
 * Asserts that a protocol's {@code decodeTo} (the allocation-free path, issue 16) says exactly what
 * its {@code decode} says, frame after frame: a {@link RecordingSink} on {@code decodeTo} gets what
 * {@link MessageSink#replay} sends of {@code decode} (same message, fields, signals, order, values
 * and value types), false and nothing where {@code decode} gives null, and the same
 * {@link MalformedFrameException} text, with nothing sent, where it throws.
 *
 * <p>One pair of sessions, one for each path, sees every frame in a row, so session state (fast
 * packets, serial halves, remembered values) builds up alike in both; the frames reach
 * {@code decodeTo} through one {@link ReusedFrame} that is refilled for every frame and scribbled
 * over right after, as a log reader does, so a session that kept the view would decode garbage.
 * {@link #check} also tries each frame on fresh sessions, as a {@link CanFrame} and as a view.
 */
public final class DecodeToEquivalence {
    private final BmsProtocol protocol;
    private final ProtocolSession throughDecode;
    private final ProtocolSession throughSink;
    private final ReusedFrame view = new ReusedFrame();
    private boolean sinkGetsTheView;
    private int frames;
    private int messages;
    private int nulls;
    private int malformed;

    /** What a decode gave: whether a message came, everything the sink was sent, the exception's text. */
    public record Outcome(boolean message, List<String> events, String error) {
    }

    /** How many frames of each outcome the pair of sessions met: messages, nulls, malformed. */
    public record Counts(int messages, int nulls, int malformed) {
    }

    public DecodeToEquivalence(BmsProtocol protocol) {
        this.protocol = protocol;
        this.throughDecode = protocol.newSession();
        this.throughSink = protocol.newSession();
    }

    /**
     * Also asserts that {@code decodeTo} hands the sink the view itself, not a copy; for protocols
     * whose every message goes the field-by-field way.
     */
    public DecodeToEquivalence sinkGetsTheView() {
        sinkGetsTheView = true;
        return this;
    }

    /** Asserts the frame gives the same through both paths of the pair of sessions; gives that outcome. */
    public Outcome inRow(CanFrame frame) {
        String where = "frame " + frames++ + ": " + frame;
        Outcome expected = viaDecode(throughDecode, frame);
        RecordingSink sink = new RecordingSink();
        Outcome actual = viaSink(throughSink, view.set(frame), sink);
        Arrays.fill(view.data(CanFrame.MAX_FD_LENGTH), (byte) 0xA5); // what a reader's next line would do
        assertEquals(expected, actual, where);
        if (sinkGetsTheView && actual.message()) {
            assertSame(view, sink.frames().get(0), "the sink gets the view itself: " + where);
        }
        if (expected.error() != null) {
            malformed++;
        } else if (expected.message()) {
            messages++;
        } else {
            nulls++;
        }
        return expected;
    }

    /**
     * {@link #inRow}, and the same on fresh sessions, the frame given as itself and as a view;
     * gives the outcome on fresh sessions.
     */
    public Outcome check(CanFrame frame) {
        return check(frame, false);
    }

    /** {@link #check}, and the frames before change nothing: the pair gives what fresh sessions give. */
    public Outcome checkStateless(CanFrame frame) {
        return check(frame, true);
    }

    private Outcome check(CanFrame frame, boolean stateless) {
        Outcome inRow = inRow(frame);
        String where = frame.toString();
        Outcome fresh = viaDecode(protocol.newSession(), frame);
        assertEquals(fresh, viaSink(protocol.newSession(), frame), where + " (a CanFrame, fresh session)");
        assertEquals(fresh, viaSink(protocol.newSession(), new ReusedFrame().set(frame)),
                where + " (a ReusedFrame, fresh session)");
        if (stateless) {
            assertEquals(fresh, inRow, where + " (after the frames before)");
        }
        return fresh;
    }

    /** Counts of the outcomes {@link #inRow} met so far. */
    public Counts counts() {
        return new Counts(messages, nulls, malformed);
    }

    /** {@code decode}, then {@link MessageSink#replay} of its message, into a recording sink. */
    public static Outcome viaDecode(ProtocolSession session, CanFrame frame) {
        RecordingSink sink = new RecordingSink();
        try {
            DecodedMessage message = session.decode(frame);
            if (message != null) {
                MessageSink.replay(message, sink);
            }
            return new Outcome(message != null, sink.events(), null);
        } catch (MalformedFrameException e) {
            return new Outcome(false, sink.events(), e.getMessage());
        }
    }

    /** {@code decodeTo} into a recording sink. */
    public static Outcome viaSink(ProtocolSession session, FrameView frame) {
        return viaSink(session, frame, new RecordingSink());
    }

    private static Outcome viaSink(ProtocolSession session, FrameView frame, RecordingSink sink) {
        try {
            return new Outcome(session.decodeTo(frame, sink), sink.events(), null);
        } catch (MalformedFrameException e) {
            return new Outcome(false, sink.events(), e.getMessage());
        }
    }
}
