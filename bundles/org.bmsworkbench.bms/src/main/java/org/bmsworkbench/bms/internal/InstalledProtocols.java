package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link ProtocolRegistry}: every {@link BmsProtocol} service, bound and unbound as bundles
 * come and go. A protocol's contributed signal descriptors are taken once, when it arrives;
 * which of them are accepted is worked out again from scratch, under one lock, on every bind
 * and unbind, over the protocols in the order they arrived: a descriptor that gives a standard
 * key a different unit is rejected (the standard descriptor stays), and so is one that gives a
 * key an earlier protocol contributed a different unit (the earlier one stays). So when that
 * earlier protocol leaves, the rejected descriptor is accepted. Each rejection is logged once,
 * when it first happens.
 */
@Component(name = "org.bmsworkbench.bms.protocols", service = ProtocolRegistry.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class InstalledProtocols implements ProtocolRegistry {

    static final String PROTOCOL_ID = "protocol.id";

    /** One bound protocol service, with the descriptors it offered and those accepted from it. */
    private record Installed(String id, BmsProtocol protocol, List<SignalDescriptor> offered,
            List<SignalDescriptor> contributed) {
        Installed accepting(List<SignalDescriptor> accepted) {
            return new Installed(id, protocol, offered, accepted);
        }
    }

    private final Logger logger;
    private final Object lock = new Object();
    /** In the order of arrival; replaced whole under {@link #lock}, read without it. */
    private volatile List<Installed> installed = List.of();
    /** Rejections already logged ({@code protocol id + " " + key}); guarded by {@link #lock}. */
    private final Set<String> rejectionsLogged = new HashSet<>();
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
        Installed arrived = new Installed(id, protocol, offeredSignals(id, protocol), List.of());
        synchronized (lock) {
            List<Installed> next = new ArrayList<>(installed);
            next.add(arrived);
            installed = accept(next);
        }
        logger.debug("BMS protocol {} ({}) installed", id, protocol.label());
        notifyListeners();
    }

    void removeProtocol(BmsProtocol protocol) {
        boolean removed;
        synchronized (lock) {
            List<Installed> next = new ArrayList<>(installed);
            removed = next.removeIf(i -> i.protocol() == protocol);
            if (removed) {
                installed = accept(next);
            }
        }
        if (removed) {
            logger.debug("BMS protocol {} removed", protocol.id());
            notifyListeners();
        }
    }

    private List<SignalDescriptor> offeredSignals(String id, BmsProtocol protocol) {
        try {
            return List.copyOf(protocol.signals());
        } catch (RuntimeException e) {
            logger.warn("BMS protocol {} failed to list its signals; none are taken from it", id, e);
            return List.of();
        }
    }

    /**
     * Under the lock: the protocols, in order, each with the descriptors it offered that contradict
     * neither the standard ones nor an earlier protocol's accepted ones.
     */
    private List<Installed> accept(List<Installed> protocols) {
        Map<String, SignalDescriptor> taken = new HashMap<>();
        List<Installed> result = new ArrayList<>();
        Set<String> rejected = new HashSet<>();
        for (Installed i : protocols) {
            List<SignalDescriptor> accepted = new ArrayList<>();
            for (SignalDescriptor d : i.offered()) {
                Optional<SignalDescriptor> standard = StandardSignals.find(d.key());
                if (standard.isPresent()) {
                    if (!standard.get().unit().equals(d.unit()) && rejected.add(i.id() + " " + d.key())
                            && rejectionsLogged.add(i.id() + " " + d.key())) {
                        logger.warn("BMS protocol {} gives signal {} the unit '{}', but the standard unit is '{}': "
                                + "the standard descriptor is kept", i.id(), d.key(), d.unit(), standard.get().unit());
                    }
                    continue; // the standard descriptor wins either way
                }
                SignalDescriptor earlier = taken.get(d.key());
                if (earlier != null && !earlier.unit().equals(d.unit())) {
                    if (rejected.add(i.id() + " " + d.key()) && rejectionsLogged.add(i.id() + " " + d.key())) {
                        logger.warn("BMS protocol {} gives signal {} the unit '{}', but another protocol already "
                                + "gave it '{}': the first one is kept", i.id(), d.key(), d.unit(), earlier.unit());
                    }
                    continue;
                }
                taken.putIfAbsent(d.key(), d);
                accepted.add(d);
            }
            result.add(i.accepting(List.copyOf(accepted)));
        }
        rejectionsLogged.retainAll(rejected); // a rejection that ended is logged again if it comes back
        return List.copyOf(result);
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
