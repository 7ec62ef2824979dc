package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SnapshotFile;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@link SystemSnapshots}: captures run one at a time on the thread {@code bmswb-snapshot}. */
@Component(name = "org.bmsworkbench.service.unlock.snapshots", service = SystemSnapshots.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SnapshotsComponent implements SystemSnapshots {
    private final SnapshotCapture capture;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bmswb-snapshot");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public SnapshotsComponent(@Reference RegisterAccess access, @Reference DeviceProfile profile,
            @Reference AuditLog audit, BundleContext context) {
        this(new SnapshotCapture(access, profile, audit, () -> bundles(context), Clock.systemUTC()));
    }

    /** The service around a capture (tests). */
    public SnapshotsComponent(SnapshotCapture capture) {
        this.capture = capture;
    }

    @Deactivate
    public void deactivate() {
        executor.shutdownNow();
    }

    static List<Map<String, Object>> bundles(BundleContext context) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.getSymbolicName());
            m.put("version", b.getVersion().toString());
            m.put("state", switch (b.getState()) {
                case Bundle.ACTIVE -> "ACTIVE";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.STARTING -> "STARTING";
                case Bundle.STOPPING -> "STOPPING";
                default -> "UNINSTALLED";
            });
            list.add(m);
        }
        return list;
    }

    @Override
    public CompletableFuture<SnapshotFile> capture(Connection connection, BmsModel model, Path target,
            SnapshotOptions options, Consumer<String> progress) {
        CompletableFuture<SnapshotFile> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(capture.capture(connection, model, target, options, progress));
                } catch (SnapshotException e) {
                    result.completeExceptionally(e);
                } catch (InterruptedException e) {
                    result.completeExceptionally(new SnapshotException("the snapshot was stopped"));
                } catch (RuntimeException e) {
                    result.completeExceptionally(new SnapshotException("the snapshot failed: " + e, e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new SnapshotException("the snapshot service has stopped"));
        }
        return result;
    }

    @Override
    public SystemSnapshot open(Path zip) throws SnapshotException {
        return SnapshotZip.open(zip);
    }

    @Override
    public String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
