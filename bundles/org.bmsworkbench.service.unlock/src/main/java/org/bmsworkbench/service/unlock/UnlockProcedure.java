package org.bmsworkbench.service.unlock;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bmsworkbench.can.Subscription;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One unlock attempt on one connection: a state machine through the seven {@link UnlockStep}s.
 * Each call returns at once; the work runs on the procedure's own thread, one call after the
 * other, and the future completes with a {@link StepResult} (never exceptionally). A call out of
 * order, or one that would skip a safety check, is refused with the reason, and audited like
 * every other call. Steps 1–4 may be done again before the code is sent (doing one again
 * undoes the steps after it); a code refused by the BMS sends the procedure back to step 4.
 *
 * <p>Listeners get every new {@link UnlockState} on the procedure's thread; they must not block
 * (a wizard hands it to its UI thread).
 */
@ProviderType
public interface UnlockProcedure extends AutoCloseable {

    /** The state now. */
    UnlockState state();

    /** Tells {@code listener} of every state from now on. */
    Subscription addListener(Consumer<UnlockState> listener);

    /** Step 1: reads the device and diagnoses it; accepted only for an active Safety lock. */
    CompletableFuture<StepResult> confirmLock();

    /** Step 2: takes a snapshot of the device now into {@code target} and uses it. */
    CompletableFuture<StepResult> saveSnapshot(Path target, SnapshotOptions options);

    /**
     * Step 2: uses a snapshot taken before. Refused when the file is missing, its manifest does not
     * verify, it is of another device, or it does not show a Safety lock.
     */
    CompletableFuture<StepResult> useSnapshot(Path snapshot);

    /** Step 3: accepted only when every {@link ChecklistItem} is confirmed. */
    CompletableFuture<StepResult> confirmChecklist(Set<ChecklistItem> confirmed);

    /** True when the device profile's unlock path is unverified and the device is not simulated. */
    boolean acknowledgementNeeded();

    /**
     * Step 4: checks the code's format; when {@link #acknowledgementNeeded()}, also that the
     * user acknowledged the profile's caution ({@code unverifiedAcknowledged}).
     */
    CompletableFuture<StepResult> enterCode(String typed, boolean unverifiedAcknowledged);

    /**
     * Step 5: checks that the snapshot file is still there unchanged, sends the code, and waits
     * for the BMS: an error ACK is a refused code (back to step 4), the start of a restart is an
     * accepted one. Steps 6 and 7 then follow by themselves; {@link #result()} gives their end.
     */
    CompletableFuture<StepResult> sendCode();

    /** The end of the attempt: completes after step 7, or when the attempt is cancelled or fails. */
    CompletableFuture<UnlockResult> result();

    /** Cancels the attempt (audited). After the code was accepted it only stops watching. */
    CompletableFuture<StepResult> cancel();

    /** Stops watching and releases the connection's subscriptions; the connection stays open. */
    @Override
    void close();
}
