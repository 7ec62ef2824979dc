package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.UsageException;

/** Choosing protocols by id on the command line, with messages that list what is installed. */
final class InstalledProtocols {
    /**
     * Protocols that travel with another on the same bus and are decoded with it when it is
     * asked for by id: on an NMEA 2000 bus the VREG registers ride along (SIGNALS.md).
     */
    static final Map<String, List<String>> COMPANIONS = Map.of("nmea2000", List.of("vreg"));

    private InstalledProtocols() {
    }

    /** {@code sma, vreg}, or {@code none}. */
    static String ids(List<BmsProtocol> protocols) {
        return protocols.isEmpty() ? "none" : protocols.stream().map(BmsProtocol::id).collect(Collectors.joining(", "));
    }

    /** The installed protocol {@code id}, or a usage error naming those installed. */
    static BmsProtocol require(ProtocolRegistry registry, String id) throws UsageException {
        Optional<BmsProtocol> p = registry.find(id);
        if (p.isEmpty()) {
            throw new UsageException("unknown protocol '" + id + "' (installed: " + ids(registry.protocols()) + ")");
        }
        return p.get();
    }

    /** The protocol {@code id} followed by its installed companions, in decoding order. */
    static List<BmsProtocol> withCompanions(ProtocolRegistry registry, String id) throws UsageException {
        List<BmsProtocol> chosen = new ArrayList<>();
        chosen.add(require(registry, id));
        for (String companion : COMPANIONS.getOrDefault(id, List.of())) {
            registry.find(companion).ifPresent(chosen::add);
        }
        return chosen;
    }

    /** The installed protocols with the given ids, in the order given; ids not installed are left out. */
    static List<BmsProtocol> byIds(List<String> ids, List<BmsProtocol> installed) {
        List<BmsProtocol> chosen = new ArrayList<>();
        for (String id : ids) {
            installed.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }
}
