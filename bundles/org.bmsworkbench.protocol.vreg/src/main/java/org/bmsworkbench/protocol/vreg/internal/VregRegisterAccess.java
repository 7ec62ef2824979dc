package org.bmsworkbench.protocol.vreg.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@link RegisterAccess} for VREG (guide 1.5.4): requests, error ACKs addressed to us, writes
 * confirmed by the node's broadcast of the new value, read-back, timeouts and retries. Every
 * transaction runs on one owned thread, {@code bmswb-vreg-access}; the transport thread only
 * filters frames and hands them over. Activation starts that thread and returns at once.
 *
 * <p>With the workbench's {@link BusPresence} installed, nothing is sent before the workbench
 * holds an address of its own on the connection: the claimed address is the requests' source
 * (the options' source is only the address tried first), and a connection that may not
 * transmit (listen-only) gets {@link Outcome#SEND_FAILED} with the reason, nothing sent.
 */
@Component(name = VregRegisterAccess.PID, service = RegisterAccess.class)
@Designate(ocd = VregRegisterAccess.Config.class)
public final class VregRegisterAccess implements RegisterAccess {
    static final String PID = "org.bmsworkbench.protocol.vreg.access";
    /** The bus name of the frames we send (a connection has one bus). */
    static final String BUS = "can0";

    @ObjectClassDefinition(name = "VREG register access",
            description = "Defaults for reading and writing VREG registers (MG Master LV guide 1.5.4).")
    public @interface Config {
        @AttributeDefinition(name = "Node address", description = "The BMS's address on the bus (0x50 = 80 by default).", min = "0", max = "253")
        int node() default RequestOptions.DEFAULT_NODE;

        @AttributeDefinition(name = "Source address", description = "Our own address on the bus (0x20 = 32, as in the guide's example). Must not be used by another device.", min = "0", max = "253")
        int source() default RequestOptions.DEFAULT_SOURCE;

        @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer per try.", min = "1")
        int timeoutMillis() default 500;

        @AttributeDefinition(name = "Tries", description = "How many times a request is sent before giving up.", min = "1", max = "100")
        int tries() default 3;
    }

    private final VregCodec codec = VregCodec.INSTANCE;
    private final RequestOptions defaults;
    private final ScheduledExecutorService executor;
    private final Set<RegisterTransaction> active = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BusPresence presence;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BusNetworks networks;

    @Activate
    public VregRegisterAccess(Config config) {
        this(new RequestOptions(config.node(), config.source(), Duration.ofMillis(config.timeoutMillis()), config.tries()));
    }

    VregRegisterAccess(RequestOptions defaults) {
        this.defaults = defaults;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bmswb-vreg-access");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the thread; requests still waiting end with {@link Outcome#STOPPED}. */
    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        for (RegisterTransaction t : List.copyOf(active)) {
            t.stop();
        }
    }

    @Override
    public RegisterCatalogue catalogue() {
        return codec.catalogue();
    }

    @Override
    public RequestOptions defaults() {
        return defaults;
    }

    /** The configured defaults with the node of the one BMS the connection's recent frames identify. */
    @Override
    public RequestOptions defaults(Connection connection) {
        BusNetworks n = networks;
        if (n == null) {
            return defaults;
        }
        List<Integer> found = new ArrayList<>();
        try (DeviceTable table = n.follow(connection)) {
            for (BusDevice d : table.devices()) {
                if (d.bms() && d.address() != null && !d.self()) {
                    found.add(d.address());
                }
            }
        }
        if (found.size() != 1) {
            return defaults;
        }
        return defaults.towards(found.get(0));
    }

    @Override
    public CompletableFuture<RegisterResult> read(Connection connection, int register, RequestOptions options) {
        checkRegister(register);
        return claimed(connection, register, options)
                .thenCompose(o -> o.result() != null ? CompletableFuture.completedFuture(o.result())
                        : start(new RegisterTransaction(this, connection, register, o.options(), null, null)));
    }

    /** The options with our claimed address as source, or the result that ends the request before sending. */
    private record Claimed(RequestOptions options, RegisterResult result) {
    }

    private CompletableFuture<Claimed> claimed(Connection connection, int register, RequestOptions options) {
        BusPresence p = presence;
        if (p == null) {
            return CompletableFuture.completedFuture(new Claimed(options, null));
        }
        return p.claim(connection, options.source()).handle((address, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                return new Claimed(options, new RegisterResult(register, options.node(), Outcome.SEND_FAILED, null,
                        Map.of(), "", 0, "cannot send on " + connection.uri() + ": " + cause.getMessage()));
            }
            if (address == options.node()) {
                return new Claimed(options, new RegisterResult(register, options.node(), Outcome.REFUSED, null,
                        Map.of(), "", 0, String.format("the workbench holds address 0x%02X, the node's own; nothing was sent",
                                address)));
            }
            return new Claimed(options.withSource(address), null);
        });
    }

    @Override
    public CompletableFuture<List<RegisterResult>> readAll(Connection connection, List<Integer> registers,
            RequestOptions options) {
        registers.forEach(VregRegisterAccess::checkRegister);
        CompletableFuture<List<RegisterResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (int register : registers) {
            chain = chain.thenCompose(list -> read(connection, register, options).thenApply(r -> {
                list.add(r);
                return list;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    @Override
    public CompletableFuture<RegisterResult> write(Connection connection, int register, Number value,
            RequestOptions options) {
        checkRegister(register);
        RegisterInfo info = codec.catalogue().find(register).orElse(null);
        if (info == null) {
            return refused(register, options, String.format("register 0x%04X is not in the catalogue of guide 1.5.4.2;"
                    + " nothing was sent", register));
        }
        if (!info.writable()) {
            return refused(register, options, info.idHex() + " (" + info.name() + ") is read-only; nothing was sent");
        }
        RegisterField field = info.fields().get(0);
        Long raw = wholeRaw(value, field.decimals());
        if (raw == null) {
            return refused(register, options, "value " + value + " is not a whole number for " + info.idHex() + " ("
                    + info.name() + "); nothing was sent");
        }
        if (!info.accepts(raw)) {
            return refused(register, options, "value " + value + " is outside " + info.min() + ".." + info.max()
                    + " for " + info.idHex() + " (" + info.name() + "); nothing was sent");
        }
        return claimed(connection, register, options).thenCompose(o -> {
            if (o.result() != null) {
                return CompletableFuture.completedFuture(o.result());
            }
            CanFrame frame = codec.value(register, Map.of(field.key(), raw), o.options().source(), o.options().node(),
                    BUS, CanFrame.NO_TIMESTAMP);
            return start(new RegisterTransaction(this, connection, register, o.options(), frame, value));
        });
    }

    /** The raw integer of {@code value} at {@code decimals}, or null when it is not exact. */
    private static Long wholeRaw(Number value, int decimals) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.toString()).movePointRight(decimals);
            return d.stripTrailingZeros().scale() > 0 ? null : d.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private CompletableFuture<RegisterResult> refused(int register, RequestOptions options, String message) {
        return CompletableFuture.completedFuture(new RegisterResult(register, options.node(), Outcome.REFUSED, null,
                Map.of(), "", 0, message));
    }

    private CompletableFuture<RegisterResult> start(RegisterTransaction t) {
        active.add(t);
        try {
            executor.execute(t::start);
        } catch (RejectedExecutionException e) {
            t.stop();
        }
        return t.future();
    }

    private static void checkRegister(int register) {
        if (register < 0 || register > 0xFFFF) {
            throw new IllegalArgumentException(String.format("register 0x%X is outside 0..0xFFFF", register));
        }
    }

    // ---- for RegisterTransaction ----

    VregCodec codec() {
        return codec;
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    void ended(RegisterTransaction t) {
        active.remove(t);
    }

    /** Transactions not yet ended (for tests). */
    int activeCount() {
        return active.size();
    }
}
