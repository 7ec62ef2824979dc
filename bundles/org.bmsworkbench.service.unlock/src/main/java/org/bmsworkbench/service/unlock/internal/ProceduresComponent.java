package org.bmsworkbench.service.unlock.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.SafetyLockDiagnostics;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockProcedures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@link UnlockProcedures}: each attempt gets its own daemon thread {@code bmswb-unlock-N},
 * ended when the procedure is closed.
 */
@Component(name = "org.bmsworkbench.service.unlock.procedures", service = UnlockProcedures.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class ProceduresComponent implements UnlockProcedures {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final DeviceProfile profile;
    private final SafetyLockDiagnostics diagnostics;
    private final SystemSnapshots snapshots;
    private final AuditLog audit;
    private final RegisterAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BusPresence presence;

    @Activate
    public ProceduresComponent(@Reference DeviceProfile profile, @Reference SafetyLockDiagnostics diagnostics,
            @Reference SystemSnapshots snapshots, @Reference AuditLog audit, @Reference RegisterAccess access) {
        this.profile = profile;
        this.diagnostics = diagnostics;
        this.snapshots = snapshots;
        this.audit = audit;
        this.access = access;
    }

    @Override
    public UnlockProcedure start(Connection connection, BmsModel model, UnlockOptions options) {
        return create(connection, model, profile, diagnostics, snapshots, audit, c -> route(c, options.node()), options);
    }

    /**
     * The BMS is the one the user chose, else the one the connection's traffic identifies, else the
     * profile's node address; the
     * workbench sends from the address it claims there (else the register access's source).
     */
    private CompletableFuture<CodeRoute.Addresses> route(Connection connection, Integer chosen) {
        RequestOptions identified = access.defaults(connection);
        int node = chosen != null ? chosen
                : identified.node() != access.defaults().node() ? identified.node() : profile.nodeAddress();
        int preferred = identified.source() == node ? (node + 1) % 0xFE : identified.source();
        BusPresence p = presence;
        if (p == null) {
            return CompletableFuture.completedFuture(new CodeRoute.Addresses(node, preferred));
        }
        return p.claim(connection, preferred).thenApply(source -> new CodeRoute.Addresses(node, source));
    }

    /** A procedure with its own thread, sending from {@code source} to the profile's node (tests). */
    public static Procedure create(Connection connection, BmsModel model, DeviceProfile profile,
            SafetyLockDiagnostics diagnostics, SystemSnapshots snapshots, AuditLog audit, int source,
            UnlockOptions options) {
        return create(connection, model, profile, diagnostics, snapshots, audit,
                CodeRoute.fixed(profile.nodeAddress(), source), options);
    }

    static Procedure create(Connection connection, BmsModel model, DeviceProfile profile,
            SafetyLockDiagnostics diagnostics, SystemSnapshots snapshots, AuditLog audit, CodeRoute route,
            UnlockOptions options) {
        String name = "bmswb-unlock-" + COUNT.incrementAndGet();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName(name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new Procedure(connection, model, profile, diagnostics, snapshots, audit, route, options, executor);
    }
}
