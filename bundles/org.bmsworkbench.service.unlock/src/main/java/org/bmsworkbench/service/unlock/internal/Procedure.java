package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SafetyLockDiagnostics;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SnapshotFile;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * One unlock attempt: steps 1–5 here, the restart watch and the result check in {@link RestartWatch}.
 * Every field is touched on the procedure's own single thread only (the executor), so the state
 * machine needs no locks; callers get futures, listeners get immutable {@link UnlockState}s.
 */
public final class Procedure implements UnlockProcedure {
    private final Connection connection;
    private final BmsModel model;
    private final DeviceProfile profile;
    private final SafetyLockDiagnostics diagnostics;
    private final SystemSnapshots snapshots;
    private final AuditLog audit;
    private final CodeRoute route;
    final UnlockOptions options;
    final ScheduledExecutorService executor;
    private final List<Consumer<UnlockState>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<UnlockResult> result = new CompletableFuture<>();
    private volatile UnlockState published;

    /** Steps completed: 0 … 7. */
    private int done;
    private boolean busy;
    private String message;
    private DeviceIdentity device;
    private SafetyLockDiagnosis diagnosis;
    private Path snapshotPath;
    private String snapshotSha256 = "";
    private Set<ChecklistItem> checklist = EnumSet.noneOf(ChecklistItem.class);
    private UnlockCode code;
    private RestartWatch watch;
    private UnlockResult end;

    public Procedure(Connection connection, BmsModel model, DeviceProfile profile, SafetyLockDiagnostics diagnostics,
            SystemSnapshots snapshots, AuditLog audit, CodeRoute route, UnlockOptions options,
            ScheduledExecutorService executor) {
        this.connection = connection;
        this.model = model;
        this.profile = profile;
        this.diagnostics = diagnostics;
        this.snapshots = snapshots;
        this.audit = audit;
        this.route = route;
        this.options = options;
        this.executor = executor;
        this.device = identify();
        this.message = "Step 1: confirm that a Safety lock is active.";
        publish();
    }

    private DeviceIdentity identify() {
        Map<String, Object> values = new java.util.HashMap<>();
        model.values().forEach((k, v) -> values.put(k, v.value()));
        return DeviceIdentities.identify(connection, values, profile);
    }

    // ---- the API: every call hops onto the procedure's thread

    @Override
    public UnlockState state() {
        return published;
    }

    @Override
    public Subscription addListener(Consumer<UnlockState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean acknowledgementNeeded() {
        return !profile.unlockSettings().verified() && DeviceKind.of(connection.uri()) != DeviceKind.SIMULATED;
    }

    @Override
    public CompletableFuture<StepResult> confirmLock() {
        return on(UnlockStep.CONFIRM_LOCK, this::doConfirmLock);
    }

    @Override
    public CompletableFuture<StepResult> saveSnapshot(Path target, SnapshotOptions snapshotOptions) {
        return on(UnlockStep.SNAPSHOT, step -> {
            busy = true;
            message = "Taking a system snapshot into " + target + " …";
            publish();
            return snapshots.capture(connection, model, target, snapshotOptions, null)
                    .thenApplyAsync(file -> useOpened(file.path()), executor)
                    .exceptionallyAsync(e -> {
                        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                                ? e.getCause() : e;
                        return refuse(UnlockStep.SNAPSHOT, AuditOutcome.FAILED, "the snapshot could not be taken: "
                                + cause.getMessage());
                    }, executor)
                    .whenCompleteAsync((r, e) -> {
                        busy = false;
                        publish();
                    }, executor);
        });
    }

    @Override
    public CompletableFuture<StepResult> useSnapshot(Path snapshot) {
        return on(UnlockStep.SNAPSHOT, step -> CompletableFuture.completedFuture(useOpened(snapshot)));
    }

    @Override
    public CompletableFuture<StepResult> confirmChecklist(Set<ChecklistItem> confirmed) {
        Set<ChecklistItem> copy = confirmed.isEmpty() ? EnumSet.noneOf(ChecklistItem.class) : EnumSet.copyOf(confirmed);
        return on(UnlockStep.CHECKLIST, step -> {
            EnumSet<ChecklistItem> missing = EnumSet.complementOf(EnumSet.copyOf(copyOrNone(copy)));
            if (!missing.isEmpty()) {
                List<String> texts = missing.stream().map(ChecklistItem::confirmation).toList();
                return done(refuse(step, AuditOutcome.REFUSED, "the checklist is not complete: not confirmed: "
                        + String.join(" / ", texts)));
            }
            checklist = copy;
            return done(advance(step, "the technician confirmed: " + String.join(" / ",
                    copy.stream().map(ChecklistItem::confirmation).toList()), "Step 4: enter the unlock code."));
        });
    }

    private static Set<ChecklistItem> copyOrNone(Set<ChecklistItem> s) {
        return s.isEmpty() ? EnumSet.noneOf(ChecklistItem.class) : s;
    }

    @Override
    public CompletableFuture<StepResult> enterCode(String typed, boolean unverifiedAcknowledged) {
        return on(UnlockStep.ENTER_CODE, step -> {
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
        });
    }

    @Override
    public CompletableFuture<StepResult> sendCode() {
        return on(UnlockStep.SEND_CODE, this::doSendCode);
    }

    @Override
    public CompletableFuture<UnlockResult> result() {
        return result;
    }

    @Override
    public CompletableFuture<StepResult> cancel() {
        CompletableFuture<StepResult> f = new CompletableFuture<>();
        run(() -> {
            UnlockStep step = currentStep();
            if (end != null) {
                f.complete(StepResult.refused(step, "the attempt has already ended: " + end.summary()));
                return;
            }
            boolean codeAccepted = done >= UnlockStep.SEND_CODE.number();
            String reason = codeAccepted ? "cancelled while the restart was watched; the code had been accepted"
                    : "cancelled by the technician before a code was accepted";
            audit(step, AuditOutcome.CANCELLED, reason);
            if (watch != null) {
                watch.stop();
            }
            finish(new UnlockResult(UnlockResult.Outcome.CANCELLED, reason, List.of(), diagnosis));
            f.complete(StepResult.accepted(step, reason));
        }, f);
        return f;
    }

    @Override
    public void close() {
        try {
            executor.execute(() -> {
                if (watch != null) {
                    watch.stop();
                }
                if (end == null) {
                    finish(new UnlockResult(UnlockResult.Outcome.CANCELLED, "the procedure was closed", List.of(),
                            diagnosis));
                }
            });
        } catch (RejectedExecutionException e) {
            // already closed
        }
        executor.shutdown();
        listeners.clear();
    }

    // ---- steps 1, 2 and 5

    private CompletableFuture<StepResult> doConfirmLock(UnlockStep step) {
        if (DeviceKind.of(connection.uri()) == DeviceKind.RECORDING) {
            return done(refuse(step, AuditOutcome.REFUSED, connection.uri() + " is a recording: a replayed log or"
                    + " snapshot cannot be unlocked; connect to the BMS itself"));
        }
        busy = true;
        message = "Reading the BMS state, error and last errors …";
        publish();
        return diagnostics.diagnose(connection, model, options.node()).thenApplyAsync(d -> {
            busy = false;
            diagnosis = d;
            device = identify();
            if (d.status() != DiagnosisStatus.SAFETY_LOCK) {
                done = 0;
                return refuse(step, AuditOutcome.REFUSED, "no Safety lock to unlock: " + d.reason());
            }
            done = 0;
            return advance(step, "Safety lock confirmed: " + d.reason(), "Step 2: save a system snapshot. "
                    + org.bmsworkbench.service.unlock.GuideText.SNAPSHOT_MANDATORY);
        }, executor);
    }

    private StepResult useOpened(Path file) {
        UnlockStep step = UnlockStep.SNAPSHOT;
        SystemSnapshot s;
        try {
            s = snapshots.open(file);
        } catch (SnapshotException e) {
            return refuse(step, AuditOutcome.REFUSED, e.getMessage());
        }
        if (device.serialKnown() && !s.deviceSerial().equals(DeviceIdentity.UNKNOWN)
                && !s.deviceSerial().equals(device.serial())) {
            return refuse(step, AuditOutcome.REFUSED, "snapshot " + file + " is of the BMS with serial "
                    + s.deviceSerial() + ", not of this one (" + device.serial() + ")");
        }
        if (s.diagnosisStatus() != DiagnosisStatus.SAFETY_LOCK) {
            return refuse(step, AuditOutcome.REFUSED, "snapshot " + file + " does not show a Safety lock (its diagnosis: "
                    + s.diagnosisStatus() + "); take a snapshot of the failed system");
        }
        snapshotPath = file;
        snapshotSha256 = s.sha256();
        return advance(step, "snapshot " + file + " taken " + s.createdAt() + ", manifest verified",
                "Step 3: confirm the checklist.");
    }

    private CompletableFuture<StepResult> doSendCode(UnlockStep step) {
        String problem = snapshotProblem();
        if (problem != null) {
            done = UnlockStep.CONFIRM_LOCK.number();
            return done(refuse(step, AuditOutcome.REFUSED, problem));
        }
        busy = true;
        message = "Finding the BMS's address and claiming the workbench's own …";
        publish();
        return route.resolve(connection).handleAsync((addresses, failure) -> {
            busy = false;
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                done = UnlockStep.ENTER_CODE.number();
                return done(refuse(step, AuditOutcome.FAILED, "nothing was sent: " + cause.getMessage()));
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
        busy = true;
        message = "Code sent; waiting for the BMS to accept or refuse it …";
        publish();
        CompletableFuture<StepResult> answer = new CompletableFuture<>();
        watch = new RestartWatch(this, node, source, settings.registerId(), answer);
        try {
            watch.start(connection);
            connection.send(org.bmsworkbench.protocol.vreg.codec.VregCodec.INSTANCE.rawValue(settings.registerId(),
                    settings.payload(code), source, node, "can0", org.bmsworkbench.can.CanFrame.NO_TIMESTAMP));
        } catch (IOException | RuntimeException e) {
            watch.stop();
            busy = false;
            done = UnlockStep.ENTER_CODE.number();
            return done(refuse(step, AuditOutcome.FAILED, "could not send the code: " + e.getMessage()));
        }
        return answer;
    }

    /** Null if the snapshot in use is still there, unchanged; else why not. */
    private String snapshotProblem() {
        if (snapshotPath == null || !Files.isRegularFile(snapshotPath)) {
            return "the snapshot " + snapshotPath + " is missing: nothing goes further without it";
        }
        try {
            String now = snapshots.sha256(snapshotPath);
            if (!now.equals(snapshotSha256)) {
                return "the snapshot " + snapshotPath + " has changed since it was checked (SHA-256 " + now
                        + ", was " + snapshotSha256 + "); check it again";
            }
        } catch (IOException e) {
            return "the snapshot " + snapshotPath + " cannot be read: " + e.getMessage();
        }
        return null;
    }

    // ---- used by RestartWatch, on the procedure's thread

    /** The BMS refused the code, or did not react to it: back to step 4. */
    StepResult codeRefused(AuditOutcome outcome, String reason) {
        busy = false;
        done = UnlockStep.CHECKLIST.number();
        code = null;
        watch = null;
        return refuse(UnlockStep.SEND_CODE, outcome, reason + "; enter the code again (step 4)");
    }

    /** The BMS took the code and restarts: step 5 done, step 6 runs. */
    StepResult codeAccepted(String reason) {
        done = UnlockStep.SEND_CODE.number();
        busy = true;
        audit(UnlockStep.SEND_CODE, AuditOutcome.ACCEPTED, reason);
        message = "Step 6: the BMS restarts. " + org.bmsworkbench.service.unlock.GuideText.AFTER_UNLOCK;
        publish();
        return StepResult.accepted(UnlockStep.SEND_CODE, reason);
    }

    void stepDone(UnlockStep step, AuditOutcome outcome, String reason) {
        if (outcome == AuditOutcome.ACCEPTED) {
            done = step.number();
        }
        audit(step, outcome, reason);
        publish();
    }

    void say(String text) {
        message = text;
        publish();
    }

    void finish(UnlockResult r) {
        end = r;
        busy = false;
        message = r.summary();
        if (r.outcome() == UnlockResult.Outcome.RUNNING) {
            done = UnlockStep.CHECK_RESULT.number();
        }
        publish();
        result.complete(r);
    }

    org.bmsworkbench.device.mg.BmsState profileState(int code) {
        return profile.state(code);
    }

    boolean ended() {
        return end != null;
    }

    CompletableFuture<SafetyLockDiagnosis> diagnoseNow() {
        return diagnostics.diagnose(connection, model, options.node());
    }

    List<org.bmsworkbench.service.unlock.RestartObservation> observations() {
        return watch == null ? List.of() : watch.observations();
    }

    // ---- the machinery

    private UnlockStep currentStep() {
        return UnlockStep.values()[Math.min(done, UnlockStep.values().length - 1)];
    }

    /** Runs {@code body} on the procedure's thread after the order checks, which refuse (and audit) a shortcut. */
    private CompletableFuture<StepResult> on(UnlockStep step,
            java.util.function.Function<UnlockStep, CompletableFuture<StepResult>> body) {
        CompletableFuture<StepResult> f = new CompletableFuture<>();
        run(() -> {
            String refusal = orderProblem(step);
            CompletableFuture<StepResult> r = refusal != null ? done(refuse(step, AuditOutcome.REFUSED, refusal))
                    : body.apply(step);
            r.whenComplete((v, e) -> {
                if (e != null) {
                    f.complete(StepResult.refused(step, "failed: " + e));
                } else {
                    f.complete(v);
                }
            });
        }, f);
        return f;
    }

    private void run(Runnable r, CompletableFuture<StepResult> f) {
        try {
            executor.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    f.complete(StepResult.refused(currentStep(), "failed: " + e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.complete(StepResult.refused(currentStep(), "the procedure is closed"));
        }
    }

    private String orderProblem(UnlockStep step) {
        if (end != null) {
            return "the attempt has ended (" + end.summary() + "); start a new one";
        }
        if (busy) {
            return "wait: " + currentStep().label() + " is still running";
        }
        if (done >= UnlockStep.SEND_CODE.number()) {
            return "the code has been accepted; steps cannot be repeated";
        }
        if (step.number() > done + 1) {
            UnlockStep needed = UnlockStep.values()[done];
            return step.label() + " needs " + needed.label() + " first" + (needed == UnlockStep.SNAPSHOT
                    ? ": " + org.bmsworkbench.service.unlock.GuideText.SNAPSHOT_MANDATORY : "");
        }
        if (step.number() > UnlockStep.SEND_CODE.number()) {
            return step.label() + " follows by itself once the code is accepted";
        }
        return null;
    }

    private StepResult advance(UnlockStep step, String reason, String next) {
        if (!audit(step, AuditOutcome.ACCEPTED, reason).isEmpty()) {
            return StepResult.refused(step, "not done: the audit log " + audit.path() + " cannot be written");
        }
        done = step.number();
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
    String audit(UnlockStep step, AuditOutcome outcome, String reason) {
        try {
            audit.append(new AuditRecord(device.serial(), connection.uri().toString(), step.auditName(), outcome,
                    reason, snapshotSha256));
            return "";
        } catch (IOException | RuntimeException e) {
            return "cannot write the audit log " + audit.path() + ": " + e.getMessage();
        }
    }

    private static CompletableFuture<StepResult> done(StepResult r) {
        return CompletableFuture.completedFuture(r);
    }

    void publish() {
        UnlockStep next = end != null ? null : UnlockStep.values()[Math.min(done, UnlockStep.values().length - 1)];
        published = new UnlockState(next, busy, message, device, diagnosis, snapshotPath, snapshotSha256, checklist,
                code == null ? "" : code.toString(), observations(), end);
        for (Consumer<UnlockState> l : listeners) {
            try {
                l.accept(published);
            } catch (RuntimeException e) {
                // a listener's failure is its own
            }
        }
    }

    List<String> problemsOf(SafetyLockDiagnosis d) {
        List<String> problems = new ArrayList<>();
        if (d.state() == null) {
            problems.add("the BMS state could not be read");
        } else if (d.state().category() != org.bmsworkbench.device.mg.BmsState.Category.RUNNING) {
            problems.add("the BMS is in state " + d.state() + ", not Running");
        }
        if (d.error() != null && d.error().code() != 0) {
            problems.add("error " + d.error() + ": " + d.error().whatToCheck());
        }
        if (!d.activeAlarms().isEmpty()) {
            problems.add("alarms still raised: " + String.join(", ", d.activeAlarms()));
        }
        return problems;
    }
}
