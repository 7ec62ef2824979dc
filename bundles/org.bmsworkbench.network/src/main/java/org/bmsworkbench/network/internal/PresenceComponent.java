package org.bmsworkbench.network.internal;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The workbench's presence on 29-bit buses: one {@link AddressClaimer} per connection, made when
 * something first needs to transmit, dropped when the connection closes. Owns one timer thread,
 * {@code bmswb-presence}, on which every claim frame and answer is sent.
 */
@Component(name = "org.bmsworkbench.network.presence", service = BusPresence.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class PresenceComponent implements BusPresence {
    private final IsoName name;
    private final ProductInformation product;
    private final ScheduledExecutorService timer;
    private final Map<Connection, AddressClaimer> claimers = new ConcurrentHashMap<>();

    @Activate
    public PresenceComponent(BundleContext context) {
        this(WorkbenchName.create(), context.getBundle().getVersion().toString());
    }

    PresenceComponent(IsoName name, String version) {
        this.name = name;
        this.product = productInformation(name, version);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bmswb-presence");
            t.setDaemon(true);
            return t;
        });
    }

    /** What the workbench answers to a request for Product Information (PGN 126996). */
    static ProductInformation productInformation(IsoName name, String version) {
        return new ProductInformation(2100, 0, "BMS Workbench", version, "diagnostic tool",
                String.valueOf(name.uniqueNumber()), 0, 0);
    }

    @Override
    public CompletableFuture<Integer> claim(Connection connection, int preferred) {
        return claimer(connection).claim(preferred);
    }

    private AddressClaimer claimer(Connection connection) {
        return claimers.computeIfAbsent(connection, c -> {
            AddressClaimer claimer = new AddressClaimer(c, name, product, timer,
                    () -> System.currentTimeMillis() * 1000);
            c.onStateChange((state, detail) -> {
                if (state == ConnectionState.CLOSED) {
                    AddressClaimer gone = claimers.remove(c);
                    if (gone != null) {
                        gone.close();
                    }
                }
            });
            return claimer;
        });
    }

    @Override
    public OptionalInt claimedAddress(Connection connection) {
        AddressClaimer c = claimers.get(connection);
        int a = c == null ? -1 : c.address();
        return a < 0 ? OptionalInt.empty() : OptionalInt.of(a);
    }

    @Override
    public long name() {
        return name.value();
    }

    @Override
    public CompletableFuture<Void> request(Connection connection, int pgn, int destination) {
        AddressClaimer c = claimer(connection);
        return c.claim(-1).thenAccept(address -> {
            try {
                c.request(pgn, destination);
            } catch (IOException e) {
                throw new CompletionException(new PresenceException(e.getMessage()));
            }
        });
    }

    @Deactivate
    void deactivate() {
        for (AddressClaimer c : claimers.values()) {
            c.close();
        }
        claimers.clear();
        timer.shutdownNow();
    }
}
