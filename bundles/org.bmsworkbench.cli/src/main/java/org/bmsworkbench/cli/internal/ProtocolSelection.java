package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolChoice;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.UsageException;

/** Choosing protocols by id on the command line, with messages that list what is installed. */
final class ProtocolSelection {
    private ProtocolSelection() {
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

    /**
     * The protocol {@code id} with the companions it names ({@link BmsProtocol#companions()}):
     * {@code nmea2000} brings {@code vreg} when it is installed; {@code vreg} names none and
     * decodes alone.
     */
    static ProtocolChoice withCompanions(ProtocolRegistry registry, String id) throws UsageException {
        return ProtocolChoice.of(require(registry, id), registry.protocols());
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
