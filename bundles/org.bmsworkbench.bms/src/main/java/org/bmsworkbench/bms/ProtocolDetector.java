package org.bmsworkbench.bms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bmsworkbench.can.CanFrame;

/**
 * Chooses protocols from the frames seen on a bus ({@code --protocol auto}). Feed frames with
 * {@link #offer(CanFrame)}; {@link #result()} gives the best choice so far and the evidence.
 * Not thread-safe.
 *
 * <p>Each candidate's {@link BmsProtocol#detectionScore(CanFrame)} is summed over the frames.
 * The highest total wins; on a tie the candidate that scored more distinct frame ids (a
 * protocol whose frames are a superset of another's), then the smaller id.
 */
public final class ProtocolDetector {

    /** At most this many frame ids are named in the evidence. */
    private static final int IDS_IN_EVIDENCE = 12;

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingLong((Candidate c) -> c.total).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.ids.size()).reversed())
            .thenComparing(c -> c.id);

    /** The chosen protocol ids (decode with all of them, first match wins) and why, in words. */
    public record Detection(List<String> protocolIds, String evidence) {
        public Detection {
            protocolIds = List.copyOf(protocolIds);
        }
    }

    private final List<Candidate> candidates;
    private long framesSeen;
    private Candidate leader;

    public ProtocolDetector(List<BmsProtocol> candidates) {
        List<Candidate> list = new ArrayList<>(candidates.size());
        for (BmsProtocol p : candidates) {
            list.add(new Candidate(p));
        }
        this.candidates = list;
    }

    public void offer(CanFrame frame) {
        framesSeen++;
        boolean scored = false;
        for (Candidate c : candidates) {
            int score;
            try {
                score = c.protocol.detectionScore(frame);
            } catch (RuntimeException e) {
                score = 0; // a faulty protocol is simply not evidence
            }
            if (score > 0) {
                c.total += score;
                c.frames++;
                c.ids.add(frame.extended() ? 0x1_0000_0000L | frame.id() : frame.id());
                scored = true;
            }
        }
        if (scored) {
            Candidate best = null;
            for (Candidate c : candidates) {
                if (c.total > 0 && (best == null || BEST_FIRST.compare(c, best) < 0)) {
                    best = c;
                }
            }
            leader = best;
        }
    }

    /** Frames offered so far. */
    public long framesSeen() {
        return framesSeen;
    }

    /** The id of the best candidate so far, without building the evidence; empty while none scored. */
    public Optional<String> leader() {
        return leader == null ? Optional.empty() : Optional.of(leader.id);
    }

    /** The best choice so far, empty while no frame scored for any candidate. */
    public Optional<Detection> result() {
        if (leader == null) {
            return Optional.empty();
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(BEST_FIRST);
        Candidate best = ranked.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(best.id).append(": ").append(best.frames).append(best.frames == 1 ? " frame" : " frames")
                .append(best.ids.size() == 1 ? " with id " : " with ids ");
        int n = 0;
        for (long key : best.ids) {
            if (n == IDS_IN_EVIDENCE) {
                sb.append(" and ").append(best.ids.size() - n).append(" more");
                break;
            }
            if (n > 0) {
                sb.append(", ");
            }
            boolean extended = (key & 0x1_0000_0000L) != 0;
            sb.append(String.format(extended ? "0x%08X" : "0x%03X", (int) key));
            n++;
        }
        sb.append(" (score ").append(best.total);
        if (ranked.size() > 1 && ranked.get(1).total > 0) {
            sb.append(" vs ").append(ranked.get(1).id).append(' ').append(ranked.get(1).total);
        } else {
            sb.append(", no other protocol scored");
        }
        sb.append(')');
        return Optional.of(new Detection(List.of(best.id), sb.toString()));
    }

    private static final class Candidate {
        final BmsProtocol protocol;
        final String id;
        long total;
        long frames;
        /** Scored frame ids in first-seen order; bit 32 marks a 29-bit id. */
        final Set<Long> ids = new LinkedHashSet<>();

        Candidate(BmsProtocol protocol) {
            this.protocol = protocol;
            this.id = protocol.id();
        }
    }
}
