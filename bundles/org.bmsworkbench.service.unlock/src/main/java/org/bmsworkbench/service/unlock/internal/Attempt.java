package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.RestartObservation;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SafetyLockDiagnostics;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * The steps of one unlock attempt: 1–5 here, the restart watch and the result check in
 * {@link RestartWatch}; which step may run is {@link StepOrder}'s rule, every call is written by
 * {@link AttemptAudit}, whether a snapshot may be used is {@link SnapshotCheck}'s. Every field is
 * touched on the attempt's own single thread only (the executor; {@link Procedure} hops each call
 * onto it), so the state machine needs no locks; each change goes out as an immutable
 * {@link UnlockState}.
 */
final class Attempt {
    private final Connection connection;
    private final BmsModel model;
    private final DeviceProfile profile;
    private final SafetyLockDiagnostics diagnostics;
    private final SystemSnapshots snapshots;
    private final AttemptAudit audit;
    private final SnapshotCheck snapshotCheck;
    private final CodeRoute route;
    final UnlockOptions options;
    final ScheduledExecutorService executor;
    private final Consumer<UnlockState> published;
    private final CompletableFuture<UnlockResult> result = new CompletableFuture<>();

    private final StepOrder order = new StepOrder();
    private String message;
    private DeviceIdentity device;
    private SafetyLockDiagnosis diagnosis;
    private Path snapshotPath;
    private String snapshotSha256 = "";
    private Set<ChecklistItem> checklist = EnumSet.noneOf(ChecklistItem.class);
    private UnlockCode code;
    private RestartWatch watch;

    /** @param published told each state, on the attempt's thread (the first one at once, on the caller's) */
    Attempt(Connection connection, BmsModel model, DeviceProfile profile, SafetyLockDiagnostics diagnostics,
            SystemSnapshots snapshots, AuditLog audit, CodeRoute route, UnlockOptions options,
            ScheduledExecutorService executor, Consumer<UnlockState> published) {
        this.connection = connection;
        this.model = model;
        this.profile = profile;
        this.diagnostics = diagnostics;
        this.snapshots = snapshots;
        this.audit = new AttemptAudit(audit, connection.uri().toString());
        this.snapshotCheck = new SnapshotCheck(snapshots);
        this.route = route;
        this.options = options;
        this.executor = executor;
        this.published = published;
        this.device = identify();
        this.message = "Step 1: confirm that a Safety lock is active.";
        publish();
    }

    private DeviceIdentity identify() {
        Map<String, Object> values = new HashMap<>();
        model.values().forEach((k, v) -> values.put(k, v.value()));
        return DeviceIdentities.identify(connection, values, profile);
    }

    /** Any thread: whether entering a code needs the acknowledgement of the unverified unlock register. */
    boolean acknowledgementNeeded() {
        return !profile.unlockSettings().verified() && DeviceKind.of(connection.uri()) != DeviceKind.SIMULATED;
    }

    /** Any thread. */
    CompletableFuture<UnlockResult> result() {
        return result;
    }

    // ---- the steps, each after the order's check (ask)

    /** Runs {@code body} unless the order refuses the step as a shortcut (refused and audited). */
    CompletableFuture<StepResult> ask(UnlockStep step, Function<UnlockStep, CompletableFuture<StepResult>> body) {
        String refusal = order.problem(step);
        return refusal != null ? done(refuse(step, AuditOutcome.REFUSED, refusal)) : body.apply(step);
    }

    /** The step to do next (for a call that failed or found the attempt closed). */
    UnlockStep current() {
        return order.current();
    }

    CompletableFuture<StepResult> confirmLock(UnlockStep step) {
        if (DeviceKind.of(connection.uri()) == DeviceKind.RECORDING) {
            return done(refuse(step, AuditOutcome.REFUSED, connection.uri() + " is a recording: a replayed log or"
                    + " snapshot cannot be unlocked; connect to the BMS itself"));
        }
        order.busy(true);
        message = "Reading the BMS state, error and last errors …";
        publish();
        return diagnostics.diagnose(connection, model, options.node()).thenApplyAsync(d -> {
            order.busy(false);
            diagnosis = d;
            device = identify();
            order.restart();
            if (d.status() != DiagnosisStatus.SAFETY_LOCK) {
                return refuse(step, AuditOutcome.REFUSED, "no Safety lock to unlock: " + d.reason());
            }
            return advance(step, "Safety lock confirmed: " + d.reason(), "Step 2: save a system snapshot. "
                    + GuideText.SNAPSHOT_MANDATORY);
        }, executor);
    }

    CompletableFuture<StepResult> saveSnapshot(Path target, SnapshotOptions snapshotOptions) {
        order.busy(true);
        message = "Taking a system snapshot into " + target + " …";
        publish();
        return snapshots.capture(connection, model, target, snapshotOptions, null)
                .thenApplyAsync(file -> useOpened(file.path()), executor)
                .exceptionallyAsync(e -> {
                    return refuse(UnlockStep.SNAPSHOT, AuditOutcome.FAILED, "the snapshot could not be taken: "
                            + unwrapped(e).getMessage());
                }, executor)
                .whenCompleteAsync((r, e) -> {
                    order.busy(false);
                    publish();
                }, executor);
    }

    StepResult useOpened(Path file) {
        UnlockStep step = UnlockStep.SNAPSHOT;
        SystemSnapshot s;
        try {
            s = snapshots.open(file);
        } catch (SnapshotException e) {
            return refuse(step, AuditOutcome.REFUSED, e.getMessage());
        }
        String refusal = SnapshotCheck.refusal(file, s, device);
        if (refusal != null) {
            return refuse(step, AuditOutcome.REFUSED, refusal);
        }
        snapshotPath = file;
        snapshotSha256 = s.sha256();
        return advance(step, "snapshot " + file + " taken " + s.createdAt() + ", manifest verified",
                "Step 3: confirm the checklist.");
    }

    /** @param confirmed the caller's items, copied on the caller's thread */
    CompletableFuture<StepResult> confirmChecklist(UnlockStep step, EnumSet<ChecklistItem> confirmed) {
        EnumSet<ChecklistItem> missing = EnumSet.complementOf(confirmed);
        if (!missing.isEmpty()) {
            List<String> texts = missing.stream().map(ChecklistItem::confirmation).toList();
            return done(refuse(step, AuditOutcome.REFUSED, "the checklist is not complete: not confirmed: "
                    + String.join(" / ", texts)));
        }
        checklist = confirmed;
        return done(advance(step, "the technician confirmed: " + String.join(" / ",
                confirmed.stream().map(ChecklistItem::confirmation).toList()), "Step 4: enter the unlock code."));
    }

    CompletableFuture<StepResult> enterCode(UnlockStep step, String typed, boolean unverifiedAcknowledged) {
        var problem = UnlockCode.problemWith(typed);
        if (problem.isPresent()) {
            return done(refuse(step, AuditOutcome.REFUSED, "bad unlock code: " + problem.get()));
        }
        if (acknowledgementNeeded() && !unverifiedAcknowledged) {
            return done(refuse(step, AuditOutcome.REFUSED, "not acknowledged: "
                    + profile.unlockSettings().caution()));
        }
        code = UnlockCode.parse(typed);
        String ack = acknowledgementNeeded() ? "; the unverified unlock register was acknowledged" : "";
        return done(advance(step, "code " + code + " entered" + ack, "Step 5: send the code."));
    }

    CompletableFuture<StepResult> sendCode(UnlockStep step) {
        String problem = snapshotCheck.changed(snapshotPath, snapshotSha256);
        if (problem != null) {
            order.doneThrough(UnlockStep.CONFIRM_LOCK);
            return done(refuse(step, AuditOutcome.REFUSED, problem));
        }
        order.busy(true);
        message = "Finding the BMS's address and claiming the workbench's own …";
        publish();
        return route.resolve(connection).handleAsync((addresses, failure) -> {
            order.busy(false);
            if (failure != null) {
                order.doneThrough(UnlockStep.ENTER_CODE);
                return done(refuse(step, AuditOutcome.FAILED, "nothing was sent: " + unwrapped(failure).getMessage()));
            }
            return sendCode(step, addresses.node(), addresses.source());
        }, executor).thenCompose(f -> f);
    }

    private CompletableFuture<StepResult> sendCode(UnlockStep step, int node, int source) {
        var settings = profile.unlockSettings();
        String sent = "code " + code + " sent to VREG " + settings.registerHex() + String.format(" of node 0x%02X", node);
        if (!audit(step, AuditOutcome.ACCEPTED, sent + "; waiting for the BMS").isEmpty()) {
            return done(StepResult.refused(step, "nothing was sent: the audit log " + audit.path()
                    + " cannot be written"));
        }
        order.busy(true);
        message = "Code sent; waiting for the BMS to accept or refuse it …";
        publish();
        CompletableFuture<StepResult> answer = new CompletableFuture<>();
        watch = new RestartWatch(this, node, source, settings.registerId(), answer);
        try {
            watch.start(connection);
            connection.send(VregCodec.INSTANCE.rawValue(settings.registerId(),
                    settings.payload(code), source, node, "can0", org.bmsworkbench.can.CanFrame.NO_TIMESTAMP));
        } catch (IOException | RuntimeException e) {
            watch.stop();
            order.busy(false);
            order.doneThrough(UnlockStep.ENTER_CODE);
            return done(refuse(step, AuditOutcome.FAILED, "could not send the code: " + e.getMessage()));
        }
        return answer;
    }

    /** The technician gives up: audited, the watch stopped, the attempt ended; refused once it has ended. */
    StepResult cancel() {
        UnlockStep step = order.current();
        if (order.ended()) {
            return StepResult.refused(step, "the attempt has already ended: " + order.end().summary());
        }
        String reason = order.codeAccepted() ? "cancelled while the restart was watched; the code had been accepted"
                : "cancelled by the technician before a code was accepted";
        audit(step, AuditOutcome.CANCELLED, reason);
        if (watch != null) {
            watch.stop();
        }
        finish(new UnlockResult(UnlockResult.Outcome.CANCELLED, reason, List.of(), diagnosis));
        return StepResult.accepted(step, reason);
    }

    /** The procedure is closed: the watch stops, an attempt still going on ends as cancelled. */
    void close() {
        if (watch != null) {
            watch.stop();
        }
        if (!order.ended()) {
            finish(new UnlockResult(UnlockResult.Outcome.CANCELLED, "the procedure was closed", List.of(), diagnosis));
        }
    }

    // ---- used by RestartWatch, on the attempt's thread

    /** The BMS refused the code, or did not react to it: back to step 4. */
    StepResult codeRefused(AuditOutcome outcome, String reason) {
        order.busy(false);
        order.doneThrough(UnlockStep.CHECKLIST);
        code = null;
        watch = null;
        return refuse(UnlockStep.SEND_CODE, outcome, reason + "; enter the code again (step 4)");
    }

    /** The BMS took the code and restarts: step 5 done, step 6 runs. */
    StepResult codeAccepted(String reason) {
        order.doneThrough(UnlockStep.SEND_CODE);
        order.busy(true);
        audit(UnlockStep.SEND_CODE, AuditOutcome.ACCEPTED, reason);
        message = "Step 6: the BMS restarts. " + GuideText.AFTER_UNLOCK;
        publish();
        return StepResult.accepted(UnlockStep.SEND_CODE, reason);
    }

    void stepDone(UnlockStep step, AuditOutcome outcome, String reason) {
        if (outcome == AuditOutcome.ACCEPTED) {
            order.doneThrough(step);
        }
        audit(step, outcome, reason);
        publish();
    }

    void say(String text) {
        message = text;
        publish();
    }

    void finish(UnlockResult r) {
        order.end(r);
        message = r.summary();
        publish();
        result.complete(r);
    }

    BmsState profileState(int code) {
        return profile.state(code);
    }

    boolean ended() {
        return order.ended();
    }

    CompletableFuture<SafetyLockDiagnosis> diagnoseNow() {
        return diagnostics.diagnose(connection, model, options.node());
    }

    List<RestartObservation> observations() {
        return watch == null ? List.of() : watch.observations();
    }

    // ---- recording each outcome

    private StepResult advance(UnlockStep step, String reason, String next) {
        if (!audit(step, AuditOutcome.ACCEPTED, reason).isEmpty()) {
            return StepResult.refused(step, "not done: the audit log " + audit.path() + " cannot be written");
        }
        order.doneThrough(step);
        message = next;
        publish();
        return StepResult.accepted(step, reason);
    }

    private StepResult refuse(UnlockStep step, AuditOutcome outcome, String reason) {
        audit(step, outcome, reason);
        message = step.label() + " refused: " + reason;
        publish();
        return StepResult.refused(step, reason);
    }

    /** Appends to the audit log; returns the problem, or empty when written. */
    private String audit(UnlockStep step, AuditOutcome outcome, String reason) {
        return audit.append(device.serial(), step, outcome, reason, snapshotSha256);
    }

    private static CompletableFuture<StepResult> done(StepResult r) {
        return CompletableFuture.completedFuture(r);
    }

    /** What failed, not the CompletionException a later stage wrapped it in. */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void publish() {
        published.accept(new UnlockState(order.next(), order.busy(), message, device, diagnosis, snapshotPath,
                snapshotSha256, checklist, code == null ? "" : code.toString(), observations(), order.end()));
    }
}
