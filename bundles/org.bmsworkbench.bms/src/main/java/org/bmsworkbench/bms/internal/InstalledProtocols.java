package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.Subscription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link ProtocolRegistry}: every {@link BmsProtocol} service, bound and unbound as bundles
 * come and go. A protocol's contributed signal descriptors are checked once, when it arrives:
 * one that gives a standard key (or a key another protocol already contributed) a different
 * unit is rejected with a warning, and the standard descriptor stays.
 */
@Component(name = "org.bmsworkbench.bms.protocols", service = ProtocolRegistry.class)
public final class InstalledProtocols implements ProtocolRegistry {

    static final String PROTOCOL_ID = "protocol.id";

    /** One bound protocol service, with the descriptors it may contribute. */
    private record Installed(String id, BmsProtocol protocol, List<SignalDescriptor> contributed) {
    }

    private final Logger logger;
    private final CopyOnWriteArrayList<Installed> installed = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<List<BmsProtocol>>> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public InstalledProtocols(@Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProtocol(BmsProtocol protocol, Map<String, Object> properties) {
        Object idProperty = properties.get(PROTOCOL_ID);
        String id = idProperty instanceof String s && !s.isBlank() ? s : protocol.id();
        if (!id.equals(protocol.id())) {
            logger.warn("BMS protocol service has protocol.id={} but its id() says {}; using {}", id, protocol.id(), id);
        }
        installed.add(new Installed(id, protocol, acceptedSignals(id, protocol)));
        logger.debug("BMS protocol {} ({}) installed", id, protocol.label());
        notifyListeners();
    }

    void removeProtocol(BmsProtocol protocol) {
        boolean removed = installed.removeIf(i -> i.protocol() == protocol);
        if (removed) {
            logger.debug("BMS protocol {} removed", protocol.id());
            notifyListeners();
        }
    }

    /** The descriptors of {@code protocol} that do not contradict the standard ones or another protocol's. */
    private List<SignalDescriptor> acceptedSignals(String id, BmsProtocol protocol) {
        List<SignalDescriptor> offered;
        try {
            offered = protocol.signals();
        } catch (RuntimeException e) {
            logger.warn("BMS protocol {} failed to list its signals; none are taken from it", id, e);
            return List.of();
        }
        List<SignalDescriptor> accepted = new ArrayList<>();
        for (SignalDescriptor d : offered) {
            Optional<SignalDescriptor> standard = StandardSignals.find(d.key());
            if (standard.isPresent()) {
                if (!standard.get().unit().equals(d.unit())) {
                    logger.warn("BMS protocol {} gives signal {} the unit '{}', but the standard unit is '{}': "
                            + "the standard descriptor is kept", id, d.key(), d.unit(), standard.get().unit());
                }
                continue; // the standard descriptor wins either way
            }
            Optional<SignalDescriptor> other = contributedElsewhere(d.key());
            if (other.isPresent() && !other.get().unit().equals(d.unit())) {
                logger.warn("BMS protocol {} gives signal {} the unit '{}', but another protocol already gave it '{}': "
                        + "the first one is kept", id, d.key(), d.unit(), other.get().unit());
                continue;
            }
            accepted.add(d);
        }
        return List.copyOf(accepted);
    }

    private Optional<SignalDescriptor> contributedElsewhere(String key) {
        for (Installed i : installed) {
            for (SignalDescriptor d : i.contributed()) {
                if (d.key().equals(key)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    private void notifyListeners() {
        List<BmsProtocol> now = protocols();
        for (Consumer<List<BmsProtocol>> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                logger.warn("A protocol change listener failed", e);
            }
        }
    }

    private List<Installed> sorted() {
        List<Installed> list = new ArrayList<>(installed);
        list.sort(Comparator.comparing(Installed::id));
        return list;
    }

    @Override
    public List<BmsProtocol> protocols() {
        List<BmsProtocol> list = new ArrayList<>();
        for (Installed i : sorted()) {
            list.add(i.protocol());
        }
        return List.copyOf(list);
    }

    @Override
    public Optional<BmsProtocol> find(String id) {
        for (Installed i : sorted()) {
            if (i.id().equals(id)) {
                return Optional.of(i.protocol());
            }
        }
        return Optional.empty();
    }

    @Override
    public Subscription onChange(Consumer<List<BmsProtocol>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<SignalDescriptor> signals() {
        TreeMap<String, SignalDescriptor> merged = new TreeMap<>();
        for (SignalDescriptor d : StandardSignals.all()) {
            merged.put(d.key(), d);
        }
        for (Installed i : sorted()) {
            for (SignalDescriptor d : i.contributed()) {
                merged.putIfAbsent(d.key(), d);
            }
        }
        return List.copyOf(merged.values());
    }
}
