package org.bmsworkbench.ui.unlock.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.PastError;
import org.bmsworkbench.service.unlock.PossibleCause;
import org.bmsworkbench.service.unlock.RestartObservation;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * A procedure that answers like the real one, on its own thread, so that the wizard can be
 * driven through every page: the real procedure's rules are tested in the service bundle.
 */
final class FakeProcedure implements UnlockProcedure {
    static final String REFUSED_CODE = "DEADBEEF";
    private static final MgMasterLvProfile PROFILE = MgMasterLvProfile.defaults();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-procedure"));
    private final List<Consumer<UnlockState>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<UnlockResult> result = new CompletableFuture<>();
    final boolean acknowledgementNeeded;
    final boolean combined;
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    private volatile UnlockState state;

    FakeProcedure(boolean acknowledgementNeeded, boolean combined) {
        this.acknowledgementNeeded = acknowledgementNeeded;
        this.combined = combined;
        DeviceIdentity device = new DeviceIdentity("HQ2245ABCDE", "bms.serial", 0xA392, "MG Master LV 400", "1.07",
                acknowledgementNeeded ? DeviceKind.REAL : DeviceKind.SIMULATED);
        state = new UnlockState(UnlockStep.CONFIRM_LOCK, false, "Diagnose the BMS", device, null, null, "", Set.of(),
                "", List.of(), null);
    }

    static SafetyLockDiagnosis locked() {
        return new SafetyLockDiagnosis(Instant.parse("2026-11-22T06:10:00Z"), DiagnosisStatus.SAFETY_LOCK,
                PROFILE.state(10), PROFILE.error(13),
                "The BMS is in its error state with error 13 (Over voltage detected), which the MG Master LV profile"
                        + " counts as a Safety lock.",
                List.of(new PastError(1, PROFILE.error(13), Instant.parse("2026-11-22T05:58:12Z"), true),
                        new PastError(2, PROFILE.error(2), Instant.parse("2026-11-20T11:02:40Z"), false)),
                0x0000_0004L, List.of(), List.of("alarm.high_voltage"), List.of("warning.high_voltage"),
                List.of(new PossibleCause("over-voltage", "Over-voltage", true,
                                "error 13 Over voltage detected; alarm.high_voltage raised",
                                List.of("Measure each module's cell voltages", "Check the charger's and the"
                                        + " solar charger's absorption voltage against the battery manual")),
                        new PossibleCause("cell-imbalance", "Cell imbalance", false, "",
                                List.of("Compare the lowest and highest cell voltage"))));
    }

    private void publish(UnlockState next) {
        state = next;
        listeners.forEach(l -> l.accept(next));
    }

    private UnlockState with(UnlockStep next, boolean busy, String message) {
        UnlockState s = state;
        return new UnlockState(next, busy, message, s.device(), s.diagnosis(), s.snapshotPath(), s.snapshotSha256(),
                s.checklist(), s.code(), s.restart(), s.result());
    }

    private CompletableFuture<StepResult> run(String call, java.util.function.Supplier<StepResult> work) {
        calls.add(call);
        return CompletableFuture.supplyAsync(work, thread);
    }

    @Override
    public UnlockState state() {
        return state;
    }

    @Override
    public Subscription addListener(Consumer<UnlockState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<StepResult> confirmLock() {
        return run("confirmLock", () -> {
            publish(with(UnlockStep.CONFIRM_LOCK, true, "Reading the BMS state, error and last errors"));
            UnlockState s = state;
            publish(new UnlockState(UnlockStep.SNAPSHOT, false, "Save a system snapshot", s.device(), locked(), null, "",
                    Set.of(), "", List.of(), null));
            return StepResult.accepted(UnlockStep.CONFIRM_LOCK, "Safety lock confirmed: error 13 Over voltage detected");
        });
    }

    @Override
    public CompletableFuture<StepResult> saveSnapshot(Path target, SnapshotOptions options) {
        return run("saveSnapshot " + target, () -> {
            publish(with(UnlockStep.SNAPSHOT, true, "Reading 47 registers"));
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, "snapshot");
            } catch (java.io.IOException e) {
                publish(with(UnlockStep.SNAPSHOT, false, "Save a system snapshot"));
                return StepResult.refused(UnlockStep.SNAPSHOT, "cannot write " + target + ": " + e.getMessage());
            }
            UnlockState s = state;
            publish(new UnlockState(UnlockStep.CHECKLIST, false, "Confirm the checklist", s.device(), s.diagnosis(),
                    target, "9f2c1e0a77b54d3e8a61c0f2d4b9e7a1c3d5f7091b2d4f6a8c0e2f4a6b8d0f21", Set.of(), "", List.of(),
                    null));
            return StepResult.accepted(UnlockStep.SNAPSHOT, "Snapshot saved: " + target);
        });
    }

    @Override
    public CompletableFuture<StepResult> useSnapshot(Path snapshot) {
        return run("useSnapshot " + snapshot, () -> Files.exists(snapshot)
                ? StepResult.accepted(UnlockStep.SNAPSHOT, "used")
                : StepResult.refused(UnlockStep.SNAPSHOT, "no snapshot at " + snapshot + ": save one first"));
    }

    @Override
    public CompletableFuture<StepResult> confirmChecklist(Set<ChecklistItem> confirmed) {
        return run("confirmChecklist " + confirmed.size(), () -> {
            Set<ChecklistItem> missing = EnumSet.allOf(ChecklistItem.class);
            missing.removeAll(confirmed);
            if (!missing.isEmpty()) {
                return StepResult.refused(UnlockStep.CHECKLIST, "not confirmed: " + missing);
            }
            UnlockState s = state;
            publish(new UnlockState(UnlockStep.ENTER_CODE, false, "Enter the code", s.device(), s.diagnosis(),
                    s.snapshotPath(), s.snapshotSha256(), confirmed, "", List.of(), null));
            return StepResult.accepted(UnlockStep.CHECKLIST, "Checklist confirmed");
        });
    }

    @Override
    public boolean acknowledgementNeeded() {
        return acknowledgementNeeded;
    }

    @Override
    public CompletableFuture<StepResult> enterCode(String typed, boolean unverifiedAcknowledged) {
        return run("enterCode " + typed, () -> {
            var problem = UnlockCode.problemWith(typed);
            if (problem.isPresent()) {
                return StepResult.refused(UnlockStep.ENTER_CODE, problem.get());
            }
            if (acknowledgementNeeded && !unverifiedAcknowledged) {
                return StepResult.refused(UnlockStep.ENTER_CODE, "acknowledge the unverified profile first");
            }
            UnlockState s = state;
            publish(new UnlockState(UnlockStep.SEND_CODE, false, "Send the code", s.device(), s.diagnosis(),
                    s.snapshotPath(), s.snapshotSha256(), s.checklist(), UnlockCode.parse(typed).toString(), List.of(),
                    null));
            return StepResult.accepted(UnlockStep.ENTER_CODE, "Code format correct");
        });
    }

    @Override
    public CompletableFuture<StepResult> sendCode() {
        return run("sendCode", () -> {
            if (state.code().equalsIgnoreCase(REFUSED_CODE)) {
                publish(with(UnlockStep.ENTER_CODE, false, "Enter the code again"));
                return StepResult.refused(UnlockStep.SEND_CODE,
                        "the BMS refused the code (ACK 0x8100: value out of range or wrong code); check it with your dealer");
            }
            publish(with(UnlockStep.WATCH_RESTART, true, "Code accepted; waiting for the BMS to restart"));
            thread.execute(this::restart);
            return StepResult.accepted(UnlockStep.SEND_CODE, "Code accepted by the BMS");
        });
    }

    private void restart() {
        List<RestartObservation> seen = new ArrayList<>();
        int[] states = combined ? new int[] {1, 2, 5} : new int[] {1, 3, 9};
        for (int i = 0; i < states.length; i++) {
            seen.add(new RestartObservation(Duration.ofMillis(400 + 900L * i), PROFILE.state(states[i])));
            UnlockState s = state;
            publish(new UnlockState(UnlockStep.WATCH_RESTART, true, "BMS state: " + PROFILE.state(states[i]).label(),
                    s.device(), s.diagnosis(), s.snapshotPath(), s.snapshotSha256(), s.checklist(), s.code(), seen, null));
        }
        UnlockResult end = combined
                ? new UnlockResult(UnlockResult.Outcome.WAITING_FOR_START_COMMAND,
                        "Unlocked and restarted; in Standby waiting for the SmartLink MX's start command.", List.of(), null)
                : new UnlockResult(UnlockResult.Outcome.RUNNING, "Unlocked: running, no error, alarms cleared.",
                        List.of(), null);
        finish(end);
    }

    private void finish(UnlockResult end) {
        UnlockState s = state;
        publish(new UnlockState(null, false, end.summary(), s.device(), s.diagnosis(), s.snapshotPath(),
                s.snapshotSha256(), s.checklist(), s.code(), s.restart(), end));
        result.complete(end);
    }

    @Override
    public CompletableFuture<UnlockResult> result() {
        return result;
    }

    @Override
    public CompletableFuture<StepResult> cancel() {
        return run("cancel", () -> {
            if (!state.finished()) {
                finish(new UnlockResult(UnlockResult.Outcome.CANCELLED, "Cancelled by the technician.", List.of(), null));
            }
            return StepResult.accepted(UnlockStep.CHECK_RESULT, "cancelled");
        });
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
    }
}
