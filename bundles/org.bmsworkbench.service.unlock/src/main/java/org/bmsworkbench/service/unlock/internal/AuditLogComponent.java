package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.AuditVerification;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link AuditLog} service: a {@link FileAuditLog} at the configured path, by default
 * {@code audit.log} in the user directory ({@code bmswb.user.dir}, which {@code bin/bmswb} sets to
 * {@code ~/.bmsworkbench} or {@code $BMSWB_USER_DIR}).
 */
@Component(name = AuditLog.PID, service = AuditLog.class, configurationPid = AuditLog.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditLogComponent.Config.class)
public final class AuditLogComponent implements AuditLog {

    @ObjectClassDefinition(name = "BMS Workbench unlock audit log",
            description = "Where every unlock attempt is recorded, append-only and hash-chained.")
    public @interface Config {
        @AttributeDefinition(name = "File", description = "The audit log file; empty: audit.log in the user directory"
                + " (~/.bmsworkbench).")
        String path() default "";
    }

    private final String userDir;
    private volatile FileAuditLog log;

    @Activate
    public AuditLogComponent(BundleContext context, Config config) {
        this.userDir = context.getProperty("bmswb.user.dir");
        modified(config);
    }

    @Modified
    void modified(Config config) {
        log = new FileAuditLog(location(config.path(), userDir), Clock.systemUTC());
    }

    static Path location(String configured, String userDir) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        Path dir = userDir != null && !userDir.isBlank() ? Path.of(userDir)
                : Path.of(System.getProperty("user.home"), ".bmsworkbench");
        return dir.resolve("audit.log");
    }

    @Override
    public Path path() {
        return log.path();
    }

    @Override
    public AuditEntry append(AuditRecord record) throws IOException {
        return log.append(record);
    }

    @Override
    public List<AuditEntry> entries() throws IOException {
        return log.entries();
    }

    @Override
    public List<String> linesFor(String serial) throws IOException {
        return log.linesFor(serial);
    }

    @Override
    public AuditVerification verify() throws IOException {
        return log.verify();
    }
}
