package org.bmsworkbench.bms.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * The {@code auto} choice of a {@link LiveBmsSession}: a {@link ProtocolDetector} over the
 * installed protocols, fed first with the connection's recent frames and then with each frame
 * received, and the frames kept while nothing is chosen, decoded once something is. After a
 * choice, detection goes on for {@link #SETTLE_FRAMES} frames and may still switch.
 *
 * <p>Not thread-safe: the session calls it only under its lock.
 */
final class LiveDetection {
    /** Frames kept while detecting, decoded once a protocol is chosen. */
    static final int REPLAY_CAPACITY = 1024;
    /** After a choice, detection goes on for this many received frames and may still switch. */
    static final int SETTLE_FRAMES = 2000;

    private ProtocolDetector detector;
    private List<BmsProtocol> candidates = List.of();
    private final ArrayDeque<CanFrame> replay = new ArrayDeque<>();
    private long framesSinceChoice;

    /** The protocols the detector chooses among. */
    List<BmsProtocol> candidates() {
        return candidates;
    }

    /**
     * Offers a received frame (while nothing is chosen, or the choice is still settling).
     *
     * @return the detection to switch to, or null to keep {@code active}
     */
    ProtocolDetector.Detection offer(CanFrame frame, ActiveProtocols active) {
        if (detector == null || !isEvidence(frame) || !active.isEmpty() && framesSinceChoice >= SETTLE_FRAMES) {
            return null;
        }
        detector.offer(frame);
        if (!active.isEmpty()) {
            framesSinceChoice++;
        }
        return leaderUnlike(active);
    }

    /** Keeps a frame received while nothing is chosen; beyond {@link #REPLAY_CAPACITY} the oldest go. */
    void keep(CanFrame frame) {
        replay.addLast(frame);
        if (replay.size() > REPLAY_CAPACITY) {
            replay.removeFirst();
        }
    }

    /** Forgets the detector if one of its candidates is no longer installed. */
    void dropDeparted(List<BmsProtocol> installed) {
        for (BmsProtocol p : candidates) {
            if (!ActiveProtocols.containsSame(installed, p)) {
                detector = null;
                candidates = List.of();
                return;
            }
        }
    }

    /**
     * Starts detecting again over {@code installed}, fed with the recent frames, unless the
     * detector already has exactly these candidates.
     *
     * @return the detection to switch to, or null to keep {@code active}
     */
    ProtocolDetector.Detection restart(List<BmsProtocol> installed, Supplier<List<CanFrame>> recentFrames,
            ActiveProtocols active) {
        if (detector != null && sameProtocols(installed, candidates)) {
            return null;
        }
        detector = new ProtocolDetector(installed);
        candidates = installed;
        framesSinceChoice = 0;
        for (CanFrame f : recentFrames.get()) {
            if (isEvidence(f)) {
                detector.offer(f);
            }
        }
        return leaderUnlike(active);
    }

    /**
     * A choice was made: settling starts over, and the first choice ({@code first}) decodes the
     * frames kept meanwhile, oldest first; the rest are dropped.
     */
    void chosen(boolean first, Consumer<CanFrame> decode) {
        framesSinceChoice = 0;
        if (first) {
            CanFrame f;
            while ((f = replay.pollFirst()) != null) {
                decode.accept(f);
            }
        }
        replay.clear();
    }

    void clear() {
        detector = null;
        candidates = List.of();
        replay.clear();
    }

    private ProtocolDetector.Detection leaderUnlike(ActiveProtocols active) {
        List<String> leader = detector.leaderIds();
        return !leader.isEmpty() && !leader.equals(active.ids()) ? detector.result().orElseThrow() : null;
    }

    static boolean isEvidence(CanFrame frame) {
        return frame.direction() == Direction.RX && !frame.error();
    }

    private static boolean sameProtocols(List<BmsProtocol> a, List<BmsProtocol> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
