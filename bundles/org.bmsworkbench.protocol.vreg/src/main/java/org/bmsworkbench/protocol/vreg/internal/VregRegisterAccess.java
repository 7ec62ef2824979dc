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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@link RegisterAccess} for VREG (guide 1.5.4): requests, error ACKs addressed to us, writes
 * confirmed by the node's broadcast of the new value, read-back, timeouts and retries. Every
 * transaction runs on one owned thread, {@code bmswb-vreg-access}; the transport thread only
 * filters frames and hands them over. Activation starts that thread and returns at once.
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

    @Override
    public CompletableFuture<RegisterResult> read(Connection connection, int register, RequestOptions options) {
        checkRegister(register);
        return start(new RegisterTransaction(this, connection, register, options, null, null));
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
        CanFrame frame = codec.value(register, Map.of(field.key(), raw), options.source(), options.node(), BUS,
                CanFrame.NO_TIMESTAMP);
        return start(new RegisterTransaction(this, connection, register, options, frame, value));
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
