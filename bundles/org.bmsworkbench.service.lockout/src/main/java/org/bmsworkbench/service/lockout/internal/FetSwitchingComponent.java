package org.bmsworkbench.service.lockout.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.unlock.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link FetSwitching} service: the protocols' {@link FetControl}s as they come and go, the
 * unlock service's audit log, and one worker thread ({@code bmswb-fets}) for the audit writes and
 * the waiting.
 */
@Component(name = "org.bmsworkbench.service.lockout.fets", service = FetSwitching.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class FetSwitchingComponent implements FetSwitching {
    private final CopyOnWriteArrayList<FetControl> controls = new CopyOnWriteArrayList<>();
    private final ExecutorService worker;
    private final FetSwitcher switcher;

    @Activate
    public FetSwitchingComponent(@Reference AuditLog log) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bmswb-fets");
            t.setDaemon(true);
            return t;
        });
        switcher = new FetSwitcher(log, this::controlFor, worker, FetSwitcher.RESULT_TIMEOUT);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addControl(FetControl control) {
        controls.add(control);
    }

    void removeControl(FetControl control) {
        controls.remove(control);
    }

    private Optional<FetControl> controlFor(String protocol) {
        return controls.stream().filter(c -> protocol.equals(c.protocol())).findFirst();
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public Optional<FetControl> control(BmsSession session) {
        return switcher.control(session);
    }

    @Override
    public Optional<String> refusal(BmsSession session, FetCommand command) {
        return switcher.refusal(session, command);
    }

    @Override
    public CompletableFuture<FetResult> apply(BmsSession session, FetCommand command) {
        return switcher.apply(session, command);
    }

    @Override
    public CompletableFuture<Void> declined(BmsSession session, FetCommand command, String reason) {
        return switcher.declined(session, command, reason);
    }
}
