package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolSession;

/**
 * The protocols one live session decodes with now, in order (a chosen protocol, then its
 * companions), each with its protocol session. Immutable: a change makes a new one, which keeps
 * the protocol sessions (fast-packet and transaction state) of the protocols that stay.
 */
final class ActiveProtocols {
    /** One protocol decoding on the session. */
    record Member(String id, BmsProtocol protocol, ProtocolSession session) {
    }

    static final ActiveProtocols NONE = new ActiveProtocols(List.of());

    private final List<Member> members;
    private final List<String> ids;

    private ActiveProtocols(List<Member> members) {
        this.members = List.copyOf(members);
        List<String> list = new ArrayList<>(members.size());
        for (Member m : members) {
            list.add(m.id());
        }
        this.ids = List.copyOf(list);
    }

    List<Member> members() {
        return members;
    }

    /** The ids, in decoding order; the same list on every call. */
    List<String> ids() {
        return ids;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** The chosen protocol (the first), or null when none. */
    BmsProtocol first() {
        return members.isEmpty() ? null : members.get(0).protocol();
    }

    /** True when these are exactly {@code protocols} (the same objects), in that order. */
    boolean sameAs(List<BmsProtocol> protocols) {
        if (protocols.size() != members.size()) {
            return false;
        }
        for (int i = 0; i < protocols.size(); i++) {
            if (protocols.get(i) != members.get(i).protocol()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decoding with {@code protocols} (the chosen one first): members that stay keep their
     * session, the others get a new one. A protocol whose session cannot be made is left out
     * and reported; if that is the first, nothing decodes.
     */
    ActiveProtocols with(List<BmsProtocol> protocols, BiConsumer<BmsProtocol, RuntimeException> sessionFailed) {
        List<Member> next = new ArrayList<>(protocols.size());
        for (BmsProtocol p : protocols) {
            Member kept = memberOf(p);
            if (kept != null) {
                next.add(kept);
                continue;
            }
            try {
                next.add(new Member(p.id(), p, p.newSession()));
            } catch (RuntimeException e) {
                sessionFailed.accept(p, e);
                if (next.isEmpty()) {
                    return NONE;
                }
            }
        }
        return next.isEmpty() ? NONE : new ActiveProtocols(next);
    }

    /** The members whose protocol is still among {@code installed} (the same object). */
    ActiveProtocols keepInstalled(List<BmsProtocol> installed) {
        List<Member> kept = new ArrayList<>(members.size());
        for (Member m : members) {
            if (containsSame(installed, m.protocol())) {
                kept.add(m);
            }
        }
        return kept.size() == members.size() ? this : kept.isEmpty() ? NONE : new ActiveProtocols(kept);
    }

    int size() {
        return members.size();
    }

    private Member memberOf(BmsProtocol p) {
        for (Member m : members) {
            if (m.protocol() == p) {
                return m;
            }
        }
        return null;
    }

    static boolean containsSame(List<BmsProtocol> list, BmsProtocol p) {
        for (BmsProtocol x : list) {
            if (x == p) {
                return true;
            }
        }
        return false;
    }
}
