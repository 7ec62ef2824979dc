package org.bmsworkbench.service.unlock.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.SafetyLockDiagnostics;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * One unlock attempt as its callers see it. The steps are {@link Attempt}'s, whose every field is
 * touched on the procedure's own single thread only (the executor): each call here hops onto that
 * thread, so the state machine needs no locks. Callers get futures that never complete
 * exceptionally (a failure or a closed procedure is a refusal), listeners get immutable
 * {@link UnlockState}s.
 */
public final class Procedure implements UnlockProcedure {
    private final Attempt attempt;
    private final ScheduledExecutorService executor;
    private final List<Consumer<UnlockState>> listeners = new CopyOnWriteArrayList<>();
    private volatile UnlockState published;

    public Procedure(Connection connection, BmsModel model, DeviceProfile profile, SafetyLockDiagnostics diagnostics,
            SystemSnapshots snapshots, AuditLog audit, CodeRoute route, UnlockOptions options,
            ScheduledExecutorService executor) {
        this.executor = executor;
        this.attempt = new Attempt(connection, model, profile, diagnostics, snapshots, audit, route, options, executor,
                this::publish);
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
        return attempt.acknowledgementNeeded();
    }

    @Override
    public CompletableFuture<StepResult> confirmLock() {
        return on(UnlockStep.CONFIRM_LOCK, attempt::confirmLock);
    }

    @Override
    public CompletableFuture<StepResult> saveSnapshot(Path target, SnapshotOptions snapshotOptions) {
        return on(UnlockStep.SNAPSHOT, step -> attempt.saveSnapshot(target, snapshotOptions));
    }

    @Override
    public CompletableFuture<StepResult> useSnapshot(Path snapshot) {
        return on(UnlockStep.SNAPSHOT, step -> CompletableFuture.completedFuture(attempt.useOpened(snapshot)));
    }

    @Override
    public CompletableFuture<StepResult> confirmChecklist(Set<ChecklistItem> confirmed) {
        EnumSet<ChecklistItem> copy = confirmed.isEmpty() ? EnumSet.noneOf(ChecklistItem.class) : EnumSet.copyOf(confirmed);
        return on(UnlockStep.CHECKLIST, step -> attempt.confirmChecklist(step, copy));
    }

    @Override
    public CompletableFuture<StepResult> enterCode(String typed, boolean unverifiedAcknowledged) {
        return on(UnlockStep.ENTER_CODE, step -> attempt.enterCode(step, typed, unverifiedAcknowledged));
    }

    @Override
    public CompletableFuture<StepResult> sendCode() {
        return on(UnlockStep.SEND_CODE, attempt::sendCode);
    }

    @Override
    public CompletableFuture<UnlockResult> result() {
        return attempt.result();
    }

    @Override
    public CompletableFuture<StepResult> cancel() {
        CompletableFuture<StepResult> f = new CompletableFuture<>();
        run(() -> f.complete(attempt.cancel()), f);
        return f;
    }

    @Override
    public void close() {
        try {
            executor.execute(attempt::close);
        } catch (RejectedExecutionException e) {
            // already closed
        }
        executor.shutdown();
        listeners.clear();
    }

    // ---- the machinery

    /** Runs {@code body} on the procedure's thread after the order checks, which refuse (and audit) a shortcut. */
    private CompletableFuture<StepResult> on(UnlockStep step, Function<UnlockStep, CompletableFuture<StepResult>> body) {
        CompletableFuture<StepResult> f = new CompletableFuture<>();
        run(() -> attempt.ask(step, body).whenComplete((v, e) -> {
            if (e != null) {
                f.complete(StepResult.refused(step, "failed: " + e));
            } else {
                f.complete(v);
            }
        }), f);
        return f;
    }

    private void run(Runnable r, CompletableFuture<StepResult> f) {
        try {
            executor.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    f.complete(StepResult.refused(attempt.current(), "failed: " + e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.complete(StepResult.refused(attempt.current(), "the procedure is closed"));
        }
    }

    /** On the procedure's thread (the first state on the constructor's): kept for {@link #state()}, told to each listener. */
    private void publish(UnlockState state) {
        published = state;
        for (Consumer<UnlockState> l : listeners) {
            try {
                l.accept(state);
            } catch (RuntimeException e) {
                // a listener's failure is its own
            }
        }
    }
}
