package org.bmsworkbench.bms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A protocol to decode with and the companions ({@link BmsProtocol#companions()}) that travel
 * with it on the same bus, resolved against the installed protocols: NMEA 2000 chosen by id or
 * by detection decodes together with VREG when VREG is installed.
 *
 * <p>Only the chosen protocol's own companions count (not theirs in turn); a companion that
 * names the protocol itself, a duplicate or a blank id is ignored, and one that is not installed
 * is listed in {@link #missingCompanions()}. A protocol whose {@code companions()} throws has none.
 *
 * @param protocol          the chosen protocol, decoded first
 * @param companions        its installed companions, in the order it names them
 * @param missingCompanions the companion ids it names that are not installed
 */
public record ProtocolChoice(BmsProtocol protocol, List<BmsProtocol> companions, List<String> missingCompanions) {

    public ProtocolChoice {
        Objects.requireNonNull(protocol, "protocol");
        companions = List.copyOf(companions);
        missingCompanions = List.copyOf(missingCompanions);
    }

    /** {@code protocol} with its companions looked up by id among {@code installed}. */
    public static ProtocolChoice of(BmsProtocol protocol, List<BmsProtocol> installed) {
        List<BmsProtocol> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : companionIds(protocol)) {
            BmsProtocol companion = null;
            for (BmsProtocol p : installed) {
                if (p != protocol && id.equals(p.id())) {
                    companion = p;
                    break;
                }
            }
            if (companion == null) {
                missing.add(id);
            } else {
                found.add(companion);
            }
        }
        return new ProtocolChoice(protocol, found, missing);
    }

    /** The ids {@code protocol} names as companions, cleaned up (see the class comment). */
    static Set<String> companionIds(BmsProtocol protocol) {
        List<String> named;
        try {
            named = protocol.companions();
        } catch (RuntimeException e) {
            return Set.of(); // a faulty protocol simply has no companions
        }
        Set<String> ids = new LinkedHashSet<>();
        if (named != null) {
            String own = protocol.id();
            for (String id : named) {
                if (id != null && !id.isBlank() && !id.strip().equals(own)) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }

    /** The protocol followed by its installed companions: the order to decode with. */
    public List<BmsProtocol> protocols() {
        List<BmsProtocol> all = new ArrayList<>(1 + companions.size());
        all.add(protocol);
        all.addAll(companions);
        return List.copyOf(all);
    }

    /** The ids of {@link #protocols()}. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(1 + companions.size());
        ids.add(protocol.id());
        for (BmsProtocol c : companions) {
            ids.add(c.id());
        }
        return List.copyOf(ids);
    }
}
