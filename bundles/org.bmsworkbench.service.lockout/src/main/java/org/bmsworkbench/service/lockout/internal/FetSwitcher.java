package org.bmsworkbench.service.lockout.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.lockout.LockoutDiagnosis;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.TrippedProtection;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;

/**
 * The rules and the audit of {@link FetSwitching}, without OSGi: the controls come by protocol id
 * from a function, the audit log and the worker that writes it are given.
 */
public final class FetSwitcher implements FetSwitching {
    /** How long a control may take to confirm before the attempt ends as a time-out. */
    public static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String NOTHING_SENT = "; nothing was sent";

    private final AuditLog log;
    private final Function<String, Optional<FetControl>> controls;
    private final Executor worker;
    private final Duration resultTimeout;

    public FetSwitcher(AuditLog log, Function<String, Optional<FetControl>> controls, Executor worker,
            Duration resultTimeout) {
        this.log = log;
        this.controls = controls;
        this.worker = worker;
        this.resultTimeout = resultTimeout;
    }

    @Override
    public Optional<FetControl> control(BmsSession session) {
        for (String protocol : session.activeProtocols()) {
            Optional<FetControl> c = controls.apply(protocol);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> refusal(BmsSession session, FetCommand command) {
        Connection connection = session.connection();
        String uri = connection.uri().toString();
        if (connection.listenOnly()) {
            return refused("the connection " + uri + " is listen-only: switching the MOSFETs sends a request to the BMS");
        }
        String scheme = connection.uri().scheme();
        if (connection.control(PlaybackControl.class).isPresent() || "replay".equals(scheme)
                || "snapshot".equals(scheme)) {
            return refused(uri + " plays a recording: there is no BMS to switch");
        }
        if (connection.state() != ConnectionState.CONNECTED) {
            return refused("not connected to " + uri + " (" + connection.state().name().toLowerCase(java.util.Locale.ROOT)
                    + ")");
        }
        List<String> protocols = session.activeProtocols();
        if (protocols.isEmpty()) {
            return refused("no protocol decodes " + uri + " yet");
        }
        Optional<FetControl> control = control(session);
        if (control.isEmpty()) {
            return refused("no MOSFET control is installed for " + String.join(", ", protocols)
                    + " (this BMS's protocol offers no way to switch its MOSFETs)");
        }
        for (boolean charge : new boolean[] {true, false}) {
            if (asked(command, charge) != null && !control.get().canSwitch(charge)) {
                return refused("a " + control.get().protocol() + " BMS cannot switch its " + name(charge)
                        + " MOSFET from a host");
            }
        }
        LockoutDiagnosis diagnosis = LockoutDiagnosis.of(session.model());
        if (!diagnosis.cellLevel()) {
            return refused("the BMS has not reported its MOSFET or protection state yet");
        }
        boolean switchingOn = Boolean.TRUE.equals(command.charge()) || Boolean.TRUE.equals(command.discharge());
        if (switchingOn && !protectionsKnown(session)) {
            return refused("the BMS has not reported its protections yet, so whether one still holds a MOSFET off"
                    + " cannot be told");
        }
        List<String> blocked = new ArrayList<>();
        for (boolean charge : new boolean[] {true, false}) {
            if (Boolean.TRUE.equals(asked(command, charge))) {
                for (Protection p : diagnosis.blocking(charge)) {
                    blocked.add(blockText(diagnosis, p, charge));
                }
            }
        }
        if (!blocked.isEmpty()) {
            return refused(String.join("; ", blocked));
        }
        return Optional.empty();
    }

    /** Whether the model has the state of at least one protection (true or false). */
    public static boolean protectionsKnown(BmsSession session) {
        return session.model().values().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("protection.") && e.getValue().value() instanceof Boolean);
    }

    private static String blockText(LockoutDiagnosis diagnosis, Protection p, boolean charge) {
        String evidence = diagnosis.active().stream().filter(t -> t.protection().equals(p))
                .map(TrippedProtection::evidence).filter(e -> !e.isEmpty()).findFirst().map(e -> ", " + e).orElse("");
        return "the " + name(charge) + " MOSFET stays off: the " + p.label().toLowerCase(java.util.Locale.ROOT)
                + " protection is still active (the BMS still sees the cause" + evidence + "); check "
                + p.check().replaceAll("\\.$", "");
    }

    private static Optional<String> refused(String reason) {
        return Optional.of(reason + NOTHING_SENT);
    }

    private static Boolean asked(FetCommand command, boolean charge) {
        return charge ? command.charge() : command.discharge();
    }

    private static String name(boolean charge) {
        return charge ? "charge" : "discharge";
    }

    @Override
    public CompletableFuture<FetResult> apply(BmsSession session, FetCommand command) {
        CompletableFuture<FetResult> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    attempt(session, command, result);
                } catch (RuntimeException e) { // a broken session or control: the future still completes
                    result.complete(new FetResult(FetResult.Outcome.TIMEOUT, null, null, "the attempt failed: " + e,
                            List.of()));
                }
            });
        } catch (RuntimeException e) {
            result.complete(FetResult.refused("cannot start the attempt: " + e.getMessage() + NOTHING_SENT));
        }
        return result;
    }

    private void attempt(BmsSession session, FetCommand command, CompletableFuture<FetResult> result) {
        String uri = session.connection().uri().toString();
        String serial = serial(session);
        Optional<String> refusal;
        try {
            refusal = refusal(session, command);
        } catch (RuntimeException e) {
            refusal = refused("the state could not be checked: " + e);
        }
        if (refusal.isPresent()) {
            String problem = audit(serial, uri, FetSwitching.STEP, AuditOutcome.REFUSED, command + ": " + refusal.get());
            result.complete(FetResult.refused(refusal.get() + (problem.isEmpty() ? "" : " (" + problem + ")")));
            return;
        }
        Optional<FetControl> chosen = control(session);
        if (chosen.isEmpty()) { // left between the check and now
            String reason = "the MOSFET control went away" + NOTHING_SENT;
            String problem = audit(serial, uri, FetSwitching.STEP, AuditOutcome.REFUSED, command + ": " + reason);
            result.complete(FetResult.refused(reason + (problem.isEmpty() ? "" : " (" + problem + ")")));
            return;
        }
        FetControl control = chosen.get();
        LockoutDiagnosis before = LockoutDiagnosis.of(session.model());
        String problem = audit(serial, uri, FetSwitching.STEP, AuditOutcome.ACCEPTED, command + ": sending to the "
                + control.protocol() + " BMS (before: charge MOSFET " + LockoutDiagnosis.state(before.fetCharge())
                + ", discharge MOSFET " + LockoutDiagnosis.state(before.fetDischarge()) + ")");
        if (!problem.isEmpty()) {
            result.complete(FetResult.refused(problem + NOTHING_SENT));
            return;
        }
        CompletableFuture<FetResult> sent;
        try {
            sent = control.apply(session.connection(), command);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        String protocol = control.protocol();
        long timeout = resultTimeout.toMillis();
        sent.completeOnTimeout(new FetResult(FetResult.Outcome.TIMEOUT, null, null, "no result from the " + protocol
                + " MOSFET control within " + resultTimeout.toSeconds() + " s", List.of()), timeout, TimeUnit.MILLISECONDS)
                .handle((r, e) -> e == null ? r : new FetResult(FetResult.Outcome.TIMEOUT, null, null,
                        "the " + protocol + " MOSFET control failed: " + rootMessage(e), List.of()))
                .thenAcceptAsync(r -> {
                    String p = audit(serial, uri, FetSwitching.RESULT_STEP, outcome(r.outcome()), command + ": "
                            + resultText(r));
                    result.complete(p.isEmpty() ? r : new FetResult(r.outcome(), r.charge(), r.discharge(),
                            r.detail() + " (" + p + ")", r.sent()));
                }, worker);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The result as the audit log keeps it: outcome, detail, the MOSFETs after, and the bytes sent. */
    static String resultText(FetResult r) {
        StringBuilder b = new StringBuilder(r.outcome().name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                .append(r.detail());
        if (r.charge() != null || r.discharge() != null) {
            b.append("; charge MOSFET ").append(LockoutDiagnosis.state(r.charge())).append(", discharge MOSFET ")
                    .append(LockoutDiagnosis.state(r.discharge()));
        }
        if (!r.sent().isEmpty()) {
            b.append("; sent ").append(String.join(" ", r.sent().stream().map(FetSwitcher::bytes).toList()));
        }
        return b.toString();
    }

    private static String bytes(CanFrame f) {
        return f.chunk() ? f.dataHex() : f.idHex() + "#" + f.dataHex();
    }

    static AuditOutcome outcome(FetResult.Outcome o) {
        return switch (o) {
            case CONFIRMED -> AuditOutcome.ACCEPTED;
            case REJECTED, REFUSED -> AuditOutcome.REFUSED;
            case TIMEOUT -> AuditOutcome.FAILED;
        };
    }

    @Override
    public CompletableFuture<Void> declined(BmsSession session, FetCommand command, String reason) {
        String uri = session.connection().uri().toString();
        String serial = serial(session);
        try {
            return CompletableFuture.runAsync(() -> audit(serial, uri, FetSwitching.STEP, AuditOutcome.CANCELLED,
                    command + ": " + reason + NOTHING_SENT), worker);
        } catch (RuntimeException e) { // the worker has stopped (the service is going away)
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Appends one record; the problem in one line, or empty when written. */
    private String audit(String serial, String uri, String step, AuditOutcome outcome, String reason) {
        try {
            log.append(new AuditRecord(serial, uri, step, outcome, reason, ""));
            return "";
        } catch (IOException | RuntimeException e) {
            return "cannot write the audit log " + log.path() + ": " + e.getMessage();
        }
    }

    private static String serial(BmsSession session) {
        return session.model().get("bms.serial").map(v -> v.value() == null ? null : v.value().toString())
                .orElse("unknown");
    }
}
