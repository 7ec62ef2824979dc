package org.bmsworkbench.service.unlock;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/** Diagnoses a Safety lock with the device profile's rules. Thread-safe. */
@ProviderType
public interface SafetyLockDiagnostics {

    /**
     * The diagnosis of readings already at hand (a model's values, a snapshot's registers).
     *
     * @param values model keys ({@code bms.state}, {@code bms.error}, {@code bms.flags},
     *               {@code error.history.1} … {@code .4}, {@code error.history.N.time},
     *               {@code cell.voltage.min/max}, {@code alarm.*}, {@code warning.*}) to values;
     *               missing keys are unknown
     * @param alarms alarm and warning records (a model's {@link BmsModel#alarms()}); may be empty
     * @param time   when the readings were taken
     */
    SafetyLockDiagnosis diagnose(Map<String, ?> values, Collection<AlarmRecord> alarms, Instant time);

    /**
     * Reads the BMS state, error, status flags and last errors 1–4 from the device (VREG) and
     * diagnoses them together with the model's values and alarms; a register that cannot be read
     * falls back to the model's value. Never completes exceptionally.
     */
    CompletableFuture<SafetyLockDiagnosis> diagnose(Connection connection, BmsModel model);

    /**
     * As {@link #diagnose(Connection, BmsModel)}, reading the registers of the device at
     * {@code node} on a bus of many (null: the BMS identified on the bus).
     */
    default CompletableFuture<SafetyLockDiagnosis> diagnose(Connection connection, BmsModel model, Integer node) {
        return diagnose(connection, model);
    }
}
