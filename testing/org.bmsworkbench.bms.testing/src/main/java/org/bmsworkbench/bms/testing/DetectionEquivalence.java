package org.bmsworkbench.bms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;

/**
 * Asserts that a protocol's {@code detectionScore(FrameView)} (the copy-free path, issue 16) gives
 * what its {@code detectionScore(CanFrame)} gives, frame after frame: each frame is scored as itself
 * and through one {@link ReusedFrame} refilled with it (and scribbled over right after, as a log
 * reader does), as {@code bmswb decode --all} scores the frames no session decoded.
 */
public final class DetectionEquivalence {
    private DetectionEquivalence() {
    }

    /**
     * Asserts the equivalence over {@code frames}, and that the protocol overrides the view overload
     * (else both paths are the interface's default and agree by construction).
     *
     * @return the scores, in the frames' order, for the caller to check that every branch was met
     */
    public static List<Integer> assertSameScores(BmsProtocol protocol, List<CanFrame> frames) {
        assertOverridesTheView(protocol);
        ReusedFrame view = new ReusedFrame();
        List<Integer> scores = new ArrayList<>(frames.size());
        for (CanFrame frame : frames) {
            int expected = protocol.detectionScore(frame);
            int actual = protocol.detectionScore(view.set(frame));
            Arrays.fill(view.data(CanFrame.MAX_FD_LENGTH), (byte) 0xA5); // what a reader's next line would do
            assertEquals(expected, actual, protocol.id() + ": the view scores what the frame scores: " + frame);
            assertEquals(expected, protocol.detectionScore((FrameView) frame), protocol.id() + ": " + frame + " as a view");
            scores.add(expected);
        }
        return scores;
    }

    /**
     * Asserts that scoring {@code frames} through one refilled {@link ReusedFrame} (round and round,
     * {@code calls} times after four times as many to warm up) allocates less than a byte a frame and sums the
     * scores the frames give; and that the same loop through {@link #withDefaultView} (a copy a
     * frame) allocates more than 16 bytes a frame, or the count proves nothing. Skipped on a JVM
     * that counts no bytes per thread ({@link Allocation}).
     */
    public static void assertScoresViewsWithoutAllocating(BmsProtocol protocol, List<CanFrame> frames, int calls)
            throws Exception {
        CanFrame[] array = frames.toArray(new CanFrame[0]);
        long expected = 0;
        for (int i = 0; i < 5 * calls; i++) {
            expected += protocol.detectionScore(array[i % array.length]);
        }
        long[] scores = {0};
        double perFrame = Allocation.detectionBytesPerFrame(protocol, array, scores, 4 * calls, calls);
        assertEquals(expected, scores[0], protocol.id() + ": the scores of the loop");
        assertTrue(perFrame < 1, protocol.id() + ": scoring a view allocates " + perFrame + " bytes a frame");
        double byDefault = Allocation.detectionBytesPerFrame(withDefaultView(protocol), array, new long[1], 4 * calls,
                calls);
        assertTrue(byDefault > 16, protocol.id() + ": the default (a copy) allocates only " + byDefault + " bytes a frame");
    }

    /** Asserts that {@code protocol} declares its own {@code detectionScore(FrameView)}. */
    public static void assertOverridesTheView(BmsProtocol protocol) {
        try {
            Class<?> declaring = protocol.getClass().getMethod("detectionScore", FrameView.class).getDeclaringClass();
            assertNotEquals(BmsProtocol.class, declaring,
                    protocol.id() + " scores a view through the default, a copy a frame");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A test double of {@code protocol} that scores with its {@code detectionScore(CanFrame)} only, so
     * that a view reaches it through {@link BmsProtocol}'s default (a copy): an allocation test shows
     * with it that its count sees that copy.
     */
    public static BmsProtocol withDefaultView(BmsProtocol protocol) {
        return new BmsProtocol() {
            @Override
            public String id() {
                return protocol.id();
            }

            @Override
            public String label() {
                return protocol.label();
            }

            @Override
            public ProtocolSession newSession() {
                return protocol.newSession();
            }

            @Override
            public int detectionScore(CanFrame frame) {
                return protocol.detectionScore(frame);
            }

            @Override
            public List<MessageInfo> messages() {
                return protocol.messages();
            }

            @Override
            public List<SignalDescriptor> signals() {
                return protocol.signals();
            }
        };
    }
}
