package org.bmsworkbench.bms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * Chooses protocols from the frames seen on a bus ({@code --protocol auto}). Feed frames with
 * {@link #offer(CanFrame)}; {@link #result()} gives the best choice so far and the evidence.
 * Not thread-safe.
 *
 * <p>Each candidate is scored with its {@link BmsProtocol#detectionScore(FrameView)}, and forms a
 * <em>choice</em> with its installed companions ({@link ProtocolChoice}): NMEA 2000 with VREG.
 * A choice scores, per frame, the highest score of its members (a frame counts once, however
 * many members claim it), summed over the frames; only a candidate that scored itself forms a
 * choice. The choice with the highest total wins; on a tie, in this order:
 * <ol>
 * <li>the one that scored more distinct frame ids (a protocol whose frames are a superset of
 * another's, as General BMS is of SMA, once its own frames appear);</li>
 * <li>the narrower one: fewer messages ({@link BmsProtocol#messages()}) over its members, i.e.
 * the one that explains the same frames with fewer expectations (SMA rather than General BMS on
 * an SMA-only bus, VREG alone rather than NMEA 2000 + VREG on a VREG-only capture);</li>
 * <li>the smaller protocol id.</li>
 * </ol>
 *
 * <p>The evidence names the winner's frames and ids, the choice's score, the strongest protocol
 * outside the choice with its own score, and the companions: {@code general-bms: 14 frames with
 * ids 0x351, …, 0x373 (score 210 vs sma 120); with companions: —}.
 */
public final class ProtocolDetector {

    /** At most this many frame ids are named in the evidence. */
    private static final int IDS_IN_EVIDENCE = 12;
    /** Bit 32 of an id key marks a 29-bit id. */
    private static final long EXTENDED = 0x1_0000_0000L;
    /** The key of every chunk of a byte stream, which has no id. */
    private static final long CHUNK = 0x2_0000_0000L;

    private static final Comparator<Choice> BEST_FIRST = Comparator
            .comparingLong((Choice c) -> c.total).reversed()
            .thenComparing(Comparator.comparingInt((Choice c) -> c.ids.size()).reversed())
            .thenComparingInt(c -> c.breadth)
            .thenComparing(c -> c.host.id);

    /** For the evidence: the strongest protocol outside the winning choice, by its own score. */
    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator
            .comparingLong((Candidate c) -> c.total).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.ids.size()).reversed())
            .thenComparingInt(c -> c.messages)
            .thenComparing(c -> c.id);

    /**
     * The chosen protocol ids (the winner first, then its installed companions; decode with all
     * of them, first match wins) and why, in words.
     */
    public record Detection(List<String> protocolIds, String evidence) {
        public Detection {
            protocolIds = List.copyOf(protocolIds);
        }
    }

    private final List<Candidate> candidates;
    private final List<Choice> choices;
    private final int[] scores;
    private long framesSeen;
    private Choice leader;

    public ProtocolDetector(List<BmsProtocol> candidates) {
        List<Candidate> list = new ArrayList<>(candidates.size());
        for (BmsProtocol p : candidates) {
            list.add(new Candidate(p));
        }
        this.candidates = list;
        this.scores = new int[list.size()];
        List<Choice> all = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            all.add(new Choice(i, ProtocolChoice.of(list.get(i).protocol, candidates), list));
        }
        this.choices = all;
    }

    public void offer(CanFrame frame) {
        framesSeen++;
        long key = frame.chunk() ? CHUNK : frame.extended() ? EXTENDED | frame.id() : frame.id();
        boolean scored = false;
        for (int i = 0; i < scores.length; i++) {
            Candidate c = candidates.get(i);
            int score;
            try {
                // the view overload, the one callers use: a protocol's copy-free path, and for a
                // protocol that implements only the CanFrame one, the default passes the frame itself
                score = Math.max(0, c.protocol.detectionScore((FrameView) frame));
            } catch (RuntimeException e) {
                score = 0; // a faulty protocol is simply not evidence
            }
            scores[i] = score;
            if (score > 0) {
                c.total += score;
                c.frames++;
                c.ids.add(key);
                scored = true;
            }
        }
        if (!scored) {
            return;
        }
        Choice best = null;
        for (Choice choice : choices) {
            int frameScore = 0;
            for (int m : choice.members) {
                frameScore = Math.max(frameScore, scores[m]);
            }
            if (frameScore > 0) {
                choice.total += frameScore;
                choice.ids.add(key);
            }
            if (choice.host.total > 0 && (best == null || BEST_FIRST.compare(choice, best) < 0)) {
                best = choice;
            }
        }
        leader = best;
    }

    /** Frames offered so far. */
    public long framesSeen() {
        return framesSeen;
    }

    /** The id of the best candidate so far, without building the evidence; empty while none scored. */
    public Optional<String> leader() {
        return leader == null ? Optional.empty() : Optional.of(leader.host.id);
    }

    /**
     * The protocol ids of the best choice so far (the leader and its installed companions),
     * without building the evidence; empty while none scored. Cheap: the same list each call.
     */
    public List<String> leaderIds() {
        return leader == null ? List.of() : leader.protocolIds;
    }

    /** The best choice so far, empty while no frame scored for any candidate. */
    public Optional<Detection> result() {
        if (leader == null) {
            return Optional.empty();
        }
        Choice best = leader;
        Candidate rival = null;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.total > 0 && !best.contains(i) && (rival == null || STRONGEST_FIRST.compare(c, rival) < 0)) {
                rival = c;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(best.host.id).append(": ");
        frames(sb, best.host);
        sb.append(" (score ").append(best.total);
        if (rival != null) {
            sb.append(" vs ").append(rival.id).append(' ').append(rival.total);
        } else {
            sb.append(", no other protocol scored");
        }
        sb.append("); with companions: ");
        if (best.members.length == 1 && best.missing.isEmpty()) {
            sb.append('—');
        } else {
            String sep = "";
            for (int i = 1; i < best.members.length; i++) {
                Candidate c = candidates.get(best.members[i]);
                sb.append(sep).append(c.id).append(" (");
                if (c.frames == 0) {
                    sb.append("no frames yet");
                } else {
                    frames(sb, c);
                }
                sb.append(')');
                sep = ", ";
            }
            for (String id : best.missing) {
                sb.append(sep).append(id).append(" (not installed)");
                sep = ", ";
            }
        }
        return Optional.of(new Detection(best.protocolIds, sb.toString()));
    }

    /**
     * {@code 3 frames with ids 0x351, 0x356}: what one candidate scored; {@code 3 chunks of a serial
     * line} for a byte stream, whose chunks have no id.
     */
    private static void frames(StringBuilder sb, Candidate c) {
        if (c.ids.size() == 1 && c.ids.contains(CHUNK)) {
            sb.append(c.frames).append(c.frames == 1 ? " chunk of a serial line" : " chunks of a serial line");
            return;
        }
        sb.append(c.frames).append(c.frames == 1 ? " frame" : " frames")
                .append(c.ids.size() == 1 ? " with id " : " with ids ");
        int n = 0;
        for (long key : c.ids) {
            if (n == IDS_IN_EVIDENCE) {
                sb.append(" and ").append(c.ids.size() - n).append(" more");
                break;
            }
            if (n > 0) {
                sb.append(", ");
            }
            boolean extended = (key & EXTENDED) != 0;
            sb.append(key == CHUNK ? "bytes" : String.format(extended ? "0x%08X" : "0x%03X", (int) key));
            n++;
        }
    }

    /** One installed protocol and what it scored on its own. */
    private static final class Candidate {
        final BmsProtocol protocol;
        final String id;
        final int messages;
        long total;
        long frames;
        /** Scored frame ids in first-seen order; bit 32 marks a 29-bit id. */
        final Set<Long> ids = new LinkedHashSet<>();

        Candidate(BmsProtocol protocol) {
            this.protocol = protocol;
            this.id = protocol.id();
            int count;
            try {
                List<BmsProtocol.MessageInfo> m = protocol.messages();
                count = m == null ? 0 : m.size();
            } catch (RuntimeException e) {
                count = 0;
            }
            this.messages = count;
        }
    }

    /** A candidate with its installed companions, and what they scored together. */
    private static final class Choice {
        final int hostIndex;
        final Candidate host;
        /** Indices into the candidates: the host first, then its installed companions. */
        final int[] members;
        final List<String> missing;
        final List<String> protocolIds;
        /** The members' messages together: smaller is narrower. */
        final int breadth;
        long total;
        /** Frame ids any member scored. */
        final Set<Long> ids = new LinkedHashSet<>();

        Choice(int hostIndex, ProtocolChoice choice, List<Candidate> candidates) {
            this.hostIndex = hostIndex;
            this.host = candidates.get(hostIndex);
            List<BmsProtocol> protocols = choice.protocols();
            this.members = new int[protocols.size()];
            int breadth = 0;
            for (int m = 0; m < protocols.size(); m++) {
                for (int i = 0; i < candidates.size(); i++) {
                    if (candidates.get(i).protocol == protocols.get(m)) {
                        members[m] = i;
                        breadth += candidates.get(i).messages;
                        break;
                    }
                }
            }
            this.breadth = breadth;
            this.missing = choice.missingCompanions();
            this.protocolIds = choice.ids();
        }

        boolean contains(int candidateIndex) {
            for (int m : members) {
                if (m == candidateIndex) {
                    return true;
                }
            }
            return false;
        }
    }
}
