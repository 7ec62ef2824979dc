/**
 * The Safety lock service, headless, used by the unlock wizard and by {@code bmswb snapshot} and
 * {@code bmswb unlock}: the diagnosis ({@link org.bmsworkbench.service.unlock.SafetyLockDiagnostics}),
 * the system snapshot ({@link org.bmsworkbench.service.unlock.SystemSnapshots}), the unlock procedure
 * as one state machine per attempt ({@link org.bmsworkbench.service.unlock.UnlockProcedures},
 * {@link org.bmsworkbench.service.unlock.UnlockProcedure}) and the append-only audit log
 * ({@link org.bmsworkbench.service.unlock.AuditLog}). Nothing here blocks a caller's thread: slow
 * work returns a {@link java.util.concurrent.CompletableFuture}.
 */
@Export
@Version("1.1.0")
package org.bmsworkbench.service.unlock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
