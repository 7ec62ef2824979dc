package org.bmsworkbench.bms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanFrame;

/**
 * A protocol for tests: scores and decodes the 11-bit ids it is given. Frame id {@code i} decodes
 * to message {@code m<id>} with signal {@code key(i)} = data byte 0 as a Long; ids in
 * {@code malformedIds} throw {@link MalformedFrameException}.
 */
public class FakeProtocol implements BmsProtocol {
    private final String id;
    private final Map<Integer, Integer> scores;
    private final Set<Integer> malformedIds;
    private final List<SignalDescriptor> signals;
    private List<String> companions = List.of();
    public final AtomicInteger sessionsCreated = new AtomicInteger();

    public FakeProtocol(String id, Map<Integer, Integer> scores) {
        this(id, scores, Set.of(), List.of());
    }

    public FakeProtocol(String id, Map<Integer, Integer> scores, Set<Integer> malformedIds, List<SignalDescriptor> signals) {
        this.id = id;
        this.scores = new LinkedHashMap<>(scores);
        this.malformedIds = Set.copyOf(malformedIds);
        this.signals = List.copyOf(signals);
    }

    /** Scores each of {@code ids} with {@code score}. */
    public static FakeProtocol scoring(String id, int score, Integer... ids) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (Integer i : ids) {
            m.put(i, score);
        }
        return new FakeProtocol(id, m);
    }

    /** This protocol, naming {@code ids} as its companions. */
    public FakeProtocol withCompanions(String... ids) {
        this.companions = List.of(ids);
        return this;
    }

    @Override
    public List<String> companions() {
        return companions;
    }

    public static String key(int canId) {
        return String.format("fake.x%03x", canId);
    }

    public static CanFrame frame(long micros, int canId, int b0) {
        return CanFrame.of(micros, "can0", canId, false, new byte[] {(byte) b0, 0, 0, 0, 0, 0, 0, 0});
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return "Fake " + id;
    }

    @Override
    public ProtocolSession newSession() {
        sessionsCreated.incrementAndGet();
        return new ProtocolSession() {
            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                if (frame.extended() || !scores.containsKey(frame.id())) {
                    return null;
                }
                if (malformedIds.contains(frame.id())) {
                    throw new MalformedFrameException("0x" + frame.idHex() + " is broken");
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put(key(frame.id()), (long) frame.u8(0));
                return DecodedMessage.of(id, "m" + frame.idHex(), frame, s);
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                throw new IllegalArgumentException("fake protocol encodes nothing");
            }
        };
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return frame.extended() ? 0 : scores.getOrDefault(frame.id(), 0);
    }

    @Override
    public List<MessageInfo> messages() {
        List<MessageInfo> list = new ArrayList<>();
        scores.keySet().forEach(i -> list.add(new MessageInfo("m" + Integer.toHexString(i), i, false, "")));
        return list;
    }

    @Override
    public List<SignalDescriptor> signals() {
        return signals;
    }
}
