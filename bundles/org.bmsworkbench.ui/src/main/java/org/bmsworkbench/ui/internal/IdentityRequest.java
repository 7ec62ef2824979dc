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
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.WorkbenchSession;

/**
 * Asks the BMS once for its identity registers (product, firmware, serial number, installed
 * capacity and configuration: VREG registers the MG Master LV only sends when asked), on a live
 * session while VREG decodes, and again after each reconnect. The answers are broadcast, so the
 * session's decoding puts their values into the model like any other; what is kept here is how
 * each read ended, for the overview to say where a value came from or why it is missing.
 * UI thread only, except the connection's state listener; never blocks.
 */
final class IdentityRequest {
    /** Product id, firmware, serial number, installed capacity, installed configuration (guide 1.5.4.2). */
    static final List<Integer> REGISTERS = List.of(0x0100, 0x0102, 0x010A, 0x1000, 0x0380);

    private final Supplier<RegisterAccess> access;
    private final Executor uiExecutor;
    private final Runnable changed;
    private final AtomicInteger connects = new AtomicInteger();
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();
    private WorkbenchSession session;
    private Subscription stateSubscription = () -> { };
    private int askedAt = -1;
    private boolean pending;

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
        connects.set(0);
        if (newSession != null && !newSession.isOffline()) {
            stateSubscription = newSession.connection().onStateChange((state, detail) -> {
                if (state == ConnectionState.RECONNECTING) {
                    connects.incrementAndGet(); // the device may have been exchanged: ask again once connected
                }
            });
        }
    }

    /** Called on each refresh: sends the requests when due. */
    void poll() {
        RegisterAccess a = access.get();
        WorkbenchSession s = session;
        if (a == null || s == null || s.isOffline() || pending || askedAt == connects.get()
                || s.connection().state() != ConnectionState.CONNECTED
                || !s.bms().activeProtocols().contains("vreg")) {
            return;
        }
        askedAt = connects.get();
        pending = true;
        a.readAll(s.connection(), REGISTERS, a.defaults()).whenComplete((results, failure) -> uiExecutor.execute(() -> {
            if (session != s) {
                return; // a later session: these answers are about another device
            }
            pending = false;
            if (results != null) {
                LocalTime now = LocalTime.now();
                results.forEach(r -> answers.put(r.register(), new Answer(r, now)));
            }
            changed.run();
        }));
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
