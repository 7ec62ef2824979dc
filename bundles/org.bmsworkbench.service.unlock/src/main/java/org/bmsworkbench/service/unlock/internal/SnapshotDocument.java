package org.bmsworkbench.service.unlock.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.RegisterReading;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.SystemSnapshots;

/** Builds {@code snapshot.json}: a document a dealer reads, members in a fixed order. */
final class SnapshotDocument {
    static final String FORMAT = "bmsworkbench-snapshot";
    static final int FORMAT_VERSION = 1;

    private final DeviceProfile profile;
    private final List<Map<String, Object>> bundles;
    private final Function<String, String> unitOf;

    SnapshotDocument(DeviceProfile profile, List<Map<String, Object>> bundles, Function<String, String> unitOf) {
        this.profile = profile;
        this.bundles = bundles;
        this.unitOf = unitOf;
    }

    Map<String, Object> build(Instant created, Connection connection, BmsModel model, DeviceIdentity device,
            List<RegisterReading> registers, SafetyLockDiagnosis diagnosis, List<CanFrame> frames,
            SnapshotOptions options, long collectMillis, long registersMillis) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", FORMAT);
        d.put("format_version", FORMAT_VERSION);
        d.put("created", created.toString());
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "BMS Workbench");
        tool.put("version", bundles.stream().filter(b -> "org.bmsworkbench.service.unlock".equals(b.get("name")))
                .map(b -> b.get("version")).findFirst().orElse("unknown"));
        tool.put("java", System.getProperty("java.version"));
        tool.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        d.put("tool", tool);
        d.put("bundles", bundles);
        d.put("connection", connection(connection, device));
        d.put("device", device(device));
        d.put("registers", registers(registers));
        d.put("signals", signals(model));
        d.put("alarms", alarms(model));
        long from = frames.isEmpty() || !frames.get(frames.size() - 1).hasTimestamp() ? Long.MIN_VALUE
                : frames.get(frames.size() - 1).timestampMicros() - options.frameWindow().toNanos() / 1000;
        Map<String, Object> history = new LinkedHashMap<>();
        for (String key : model.values().keySet()) {
            List<Object> samples = SnapshotCapture.samples(model.history(key), from);
            if (!samples.isEmpty()) {
                history.put(key, samples);
            }
        }
        d.put("history", history);
        d.put("diagnosis", DiagnosisDocument.of(diagnosis));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("entry", SystemSnapshots.FRAMES_LOG);
        f.put("format", "candump -L");
        f.put("count", frames.size());
        f.put("window_s", options.frameWindow().toSeconds());
        f.put("first", frames.isEmpty() ? null : SnapshotCapture.micros(frames.get(0).timestampMicros()));
        f.put("last", frames.isEmpty() ? null : SnapshotCapture.micros(frames.get(frames.size() - 1).timestampMicros()));
        d.put("frames", f);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("collect_ms", collectMillis);
        timing.put("registers_ms", registersMillis);
        d.put("timing", timing);
        return d;
    }

    private static Map<String, Object> connection(Connection c, DeviceIdentity device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", c.uri().toString());
        m.put("scheme", c.uri().scheme());
        m.put("state", c.state().name());
        m.put("device_kind", device.kind().name());
        ConnectionStatistics s = c.statistics();
        if (s != null) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("rx_frames", s.rxFrames());
            stats.put("tx_frames", s.txFrames());
            stats.put("error_frames", s.errorFrames());
            stats.put("transport_errors", s.transportErrors());
            m.put("statistics", stats);
        }
        return m;
    }

    private Map<String, Object> device(DeviceIdentity id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", id.serial());
        m.put("serial_source", id.serialSource());
        m.put("product_id", id.productId() == null ? null : String.format("0x%04X", id.productId()));
        m.put("product", id.productName());
        m.put("firmware", id.firmware());
        m.put("profile", profile.deviceName());
        m.put("node_address", String.format("0x%02X", profile.nodeAddress()));
        m.put("safety_lock_error_codes", List.copyOf(new java.util.TreeSet<>(profile.safetyLockErrorCodes())));
        m.put("unlock_register", profile.unlockSettings().registerHex());
        m.put("unlock_register_verified", profile.unlockSettings().verified());
        return m;
    }

    private static List<Object> registers(List<RegisterReading> registers) {
        List<Object> list = new ArrayList<>();
        for (RegisterReading r : registers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.idHex());
            m.put("name", r.name());
            m.put("outcome", r.outcome());
            m.put("values", r.values());
            m.put("units", r.units());
            m.put("raw", r.raw());
            m.put("message", r.message());
            list.add(m);
        }
        return list;
    }

    private Map<String, Object> signals(BmsModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, SignalValue> e : model.values().entrySet()) {
            m.put(e.getKey(), SnapshotCapture.signal(e.getValue(), unitOf.apply(e.getKey())));
        }
        return m;
    }

    private static Map<String, Object> alarms(BmsModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, AlarmRecord> e : model.alarms().entrySet()) {
            m.put(e.getKey(), SnapshotCapture.alarm(e.getValue()));
        }
        return m;
    }
}
