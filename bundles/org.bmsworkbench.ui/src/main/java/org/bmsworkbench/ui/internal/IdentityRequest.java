package org.bmsworkbench.ui.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.WorkbenchSession;

/**
 * Asks the BMS for its identity registers (product, firmware, serial number, installed capacity
 * and configuration: VREG registers the MG Master LV only sends when asked) when the user presses
 * the overview's button, never by itself: the workbench transmits nothing on a bus until a user
 * action needs it. The requests go to the device the session follows. The action is offered once
 * per connection, and again after each reconnect (the device may have been exchanged). The
 * answers are broadcast, so the session's decoding puts their values into the model like any
 * other; what is kept here is how each read ended, for the overview to say where a value came
 * from or why it is missing. UI thread only, except the connection's state listener; never blocks.
 */
final class IdentityRequest {
    /** Product id, firmware, serial number, installed capacity, installed configuration (guide 1.5.4.2). */
    static final List<Integer> REGISTERS = List.of(0x0100, 0x0102, 0x010A, 0x1000, 0x0380);

    /** Whether the identity can be asked for now, and if not, why. */
    enum Offer {
        /** Nothing to say: no session, or VREG does not decode on this bus (its registers would not be understood). */
        NONE,
        /** The button is offered: a live, connected session decoding VREG, not yet asked since it (re)connected. */
        OFFERED,
        /** The requests are under way. */
        PENDING,
        /** Asked since the connection (re)connected; offered again after a reconnect. */
        ASKED,
        /** The connection is not connected now (reconnecting). */
        NOT_CONNECTED,
        /** A recording: nothing is ever sent to it. */
        OFFLINE,
        /** The connection is listen-only: the workbench sends nothing on it. */
        LISTEN_ONLY,
        /** No register access service is installed. */
        NO_ACCESS
    }

    private final Supplier<RegisterAccess> access;
    private final Executor uiExecutor;
    private final Runnable changed;
    private final AtomicInteger connects = new AtomicInteger();
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();
    private WorkbenchSession session;
    private Subscription stateSubscription = () -> { };
    private int askedAt = -1;
    private boolean pending;
    private int askedNode = -1;
    private LocalTime askedTime;

    /** How one register read ended: the result and the time it arrived. */
    record Answer(RegisterResult result, LocalTime time) {
        String describe() {
            return result.ok()
                    ? "read from VREG " + result.registerHex() + String.format(" of node 0x%02X", result.node()) + " at "
                            + time.format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                    : result.message();
        }
    }

    IdentityRequest(Supplier<RegisterAccess> access, Executor uiExecutor, Runnable changed) {
        this.access = access;
        this.uiExecutor = uiExecutor;
        this.changed = changed;
    }

    void sessionChanged(WorkbenchSession newSession) {
        stateSubscription.close();
        stateSubscription = () -> { };
        session = newSession;
        answers.clear();
        askedAt = -1;
        pending = false;
        askedNode = -1;
        askedTime = null;
        connects.set(0);
        if (newSession != null && !newSession.isOffline()) {
            stateSubscription = newSession.connection().onStateChange((state, detail) -> {
                if (state == ConnectionState.RECONNECTING) {
                    connects.incrementAndGet(); // the device may have been exchanged: offer to ask again
                }
            });
        }
    }

    /** Whether the identity can be asked for now; cheap, called on each refresh. */
    Offer offer() {
        WorkbenchSession s = session;
        if (s == null) {
            return Offer.NONE;
        }
        if (!s.bms().activeProtocols().contains("vreg")) {
            return Offer.NONE;
        }
        if (s.isOffline()) {
            return Offer.OFFLINE;
        }
        if (s.connection().listenOnly()) {
            return Offer.LISTEN_ONLY;
        }
        if (access.get() == null) {
            return Offer.NO_ACCESS;
        }
        if (pending) {
            return Offer.PENDING;
        }
        if (askedAt == connects.get()) {
            return Offer.ASKED;
        }
        return s.connection().state() == ConnectionState.CONNECTED ? Offer.OFFERED : Offer.NOT_CONNECTED;
    }

    /**
     * The user asked: sends one request per identity register to the device the session follows
     * (else the BMS the bus identifies, else the configured node). Does nothing unless offered.
     */
    void ask() {
        if (offer() != Offer.OFFERED) {
            return;
        }
        RegisterAccess a = access.get();
        WorkbenchSession s = session;
        RequestOptions options = options(a, s);
        askedAt = connects.get();
        askedNode = options.node();
        askedTime = null;
        pending = true;
        a.readAll(s.connection(), REGISTERS, options).whenComplete((results, failure) -> uiExecutor.execute(() -> {
            if (session != s) {
                return; // a later session: these answers are about another device
            }
            pending = false;
            askedTime = LocalTime.now();
            if (results != null) {
                results.forEach(r -> answers.put(r.register(), new Answer(r, askedTime)));
            }
            changed.run();
        }));
        changed.run();
    }

    /** The options towards the device the session follows, as the Registers view sends them. */
    static RequestOptions options(RegisterAccess a, WorkbenchSession s) {
        RequestOptions defaults = a.defaults(s.connection());
        Integer followed = s.bms().deviceChoice().address();
        return followed == null ? defaults : defaults.towards(followed);
    }

    /** The node the last requests went to, or -1 when not asked in this session. */
    int askedNode() {
        return askedNode;
    }

    /** When the answers to the last requests were in, or null while under way or never asked. */
    LocalTime askedTime() {
        return askedTime;
    }

    /** How many identity registers the last requests read; 0 when never asked. */
    long answered() {
        return answers.values().stream().filter(a -> a.result().ok()).count();
    }

    /** How the read of a register ended, if it was read in this session. */
    Optional<Answer> answer(int register) {
        return Optional.ofNullable(answers.get(register));
    }

    /** True while the requests are under way. */
    boolean pending() {
        return pending;
    }

    void dispose() {
        stateSubscription.close();
        session = null;
    }
}
