package org.bmsworkbench.cli.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.can.Subscription;

/** A registry of fixed protocols and a two-key catalogue. */
final class FakeRegistry implements ProtocolRegistry {
    static final List<SignalDescriptor> CATALOGUE = List.of(
            new SignalDescriptor("pack.current", "A", SignalKind.NUMBER, "pack", "Pack current", "Current"),
            new SignalDescriptor("pack.voltage", "V", SignalKind.NUMBER, "pack", "Pack voltage", "Voltage"));

    private final List<BmsProtocol> protocols;

    FakeRegistry(BmsProtocol... protocols) {
        this.protocols = List.of(protocols).stream().sorted(Comparator.comparing(BmsProtocol::id)).toList();
    }

    @Override
    public List<BmsProtocol> protocols() {
        return protocols;
    }

    @Override
    public Optional<BmsProtocol> find(String id) {
        return protocols.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Subscription onChange(Consumer<List<BmsProtocol>> listener) {
        return () -> { };
    }

    @Override
    public List<SignalDescriptor> signals() {
        TreeMap<String, SignalDescriptor> all = new TreeMap<>();
        CATALOGUE.forEach(d -> all.put(d.key(), d));
        protocols.forEach(p -> p.signals().forEach(d -> all.putIfAbsent(d.key(), d)));
        return List.copyOf(all.values());
    }
}
