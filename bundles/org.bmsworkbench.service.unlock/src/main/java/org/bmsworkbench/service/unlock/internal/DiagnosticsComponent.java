package org.bmsworkbench.service.unlock.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.MgMasterLv;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SafetyLockDiagnostics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** {@link SafetyLockDiagnostics} with the device profile's rules and the registers read through {@link RegisterAccess}. */
@Component(name = "org.bmsworkbench.service.unlock.diagnostics", service = SafetyLockDiagnostics.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class DiagnosticsComponent implements SafetyLockDiagnostics {
    /** State, error, flags, last errors 1–4 and their times, cell voltages. */
    static final List<Integer> EVIDENCE_REGISTERS = List.of(MgMasterLv.REG_BMS_STATE, MgMasterLv.REG_BMS_ERROR,
            MgMasterLv.REG_STATUS_FLAGS, MgMasterLv.REG_LAST_ERRORS, 0x2111, 0x2112, 0x2113, 0x2114, 0x0385);

    private final Diagnoser diagnoser;
    private final RegisterAccess access;

    @Activate
    public DiagnosticsComponent(@Reference DeviceProfile profile, @Reference RegisterAccess access) {
        this.diagnoser = new Diagnoser(profile);
        this.access = access;
    }

    @Override
    public SafetyLockDiagnosis diagnose(Map<String, ?> values, Collection<AlarmRecord> alarms, Instant time) {
        return diagnoser.diagnose(values, alarms, time);
    }

    @Override
    public CompletableFuture<SafetyLockDiagnosis> diagnose(Connection connection, BmsModel model) {
        return diagnose(connection, model, null);
    }

    @Override
    public CompletableFuture<SafetyLockDiagnosis> diagnose(Connection connection, BmsModel model, Integer node) {
        var options = node == null ? access.defaults(connection) : access.defaults(connection).towards(node);
        return access.readAll(connection, EVIDENCE_REGISTERS, options)
                .handle((results, failure) -> diagnoser.diagnose(merge(model, results == null ? List.of() : results),
                        model.alarms().values(), Instant.now()));
    }

    /** The model's values, overwritten by every register read successfully. */
    static Map<String, Object> merge(BmsModel model, List<RegisterResult> results) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, SignalValue> e : model.values().entrySet()) {
            values.put(e.getKey(), e.getValue().value());
        }
        for (RegisterResult r : results) {
            if (r.ok()) {
                values.putAll(r.values());
            }
        }
        return values;
    }
}
