package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.Sample;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.MgMasterLv;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.RegisterReading;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SnapshotFile;
import org.bmsworkbench.service.unlock.SnapshotOptions;

/**
 * Takes one snapshot, blocking its caller (the snapshot service's thread): waits until the frames
 * span one VREG cycle, reads every register of the catalogue, diagnoses, and writes the ZIP.
 */
public final class SnapshotCapture {
    private final RegisterAccess access;
    private final DeviceProfile profile;
    private final AuditLog audit;
    private final Supplier<List<Map<String, Object>>> bundles;
    private final Clock clock;

    public SnapshotCapture(RegisterAccess access, DeviceProfile profile, AuditLog audit,
            Supplier<List<Map<String, Object>>> bundles, Clock clock) {
        this.access = access;
        this.profile = profile;
        this.audit = audit;
        this.bundles = bundles;
        this.clock = clock;
    }

    public SnapshotFile capture(Connection connection, BmsModel model, Path target, SnapshotOptions options,
            Consumer<String> progress) throws SnapshotException, InterruptedException {
        Consumer<String> say = progress == null ? s -> { } : progress;
        long start = System.nanoTime();
        say.accept("collecting frames for at least " + options.minimumSpan().toMillis() / 1000.0 + " s of bus time");
        collect(connection, options);
        long collectMillis = (System.nanoTime() - start) / 1_000_000;

        long registersStart = System.nanoTime();
        List<RegisterReading> registers = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        model.values().forEach((k, v) -> values.put(k, v.value()));
        if (options.readRegisters()) {
            List<RegisterInfo> catalogue = access.catalogue().registers();
            say.accept("reading " + catalogue.size() + " registers");
            for (RegisterResult r : readAll(connection, catalogue, options.node())) {
                RegisterInfo info = access.catalogue().find(r.register()).orElse(null);
                registers.add(reading(r, info));
                if (r.ok()) {
                    values.putAll(r.values());
                }
            }
        }
        long registersMillis = (System.nanoTime() - registersStart) / 1_000_000;

        Instant created = clock.instant();
        SafetyLockDiagnosis diagnosis = new Diagnoser(profile).diagnose(values, model.alarms().values(), created);
        DeviceIdentity device = DeviceIdentities.identify(connection, values, profile);
        List<CanFrame> frames = window(connection.recentFrames(), options.frameWindow().toNanos() / 1000);
        List<String> auditLines;
        try {
            auditLines = device.serialKnown() ? audit.linesFor(device.serial()) : List.of();
        } catch (IOException e) {
            throw new SnapshotException("cannot read the audit log " + audit.path() + ": " + e.getMessage(), e);
        }
        say.accept("writing " + target);
        Map<String, Object> document = new SnapshotDocument(profile, bundles.get(), this::unit).build(created, connection, model,
                device, registers, diagnosis, frames, options, collectMillis, registersMillis);
        String sha256;
        try {
            sha256 = SnapshotZip.write(target, document, frames, auditLines);
        } catch (IOException e) {
            throw new SnapshotException("cannot write snapshot " + target + ": " + e, e);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        int ok = (int) registers.stream().filter(RegisterReading::ok).count();
        return new SnapshotFile(target, sha256, created, device.serial(), diagnosis, ok, registers.size() - ok,
                frames.size(), collectMillis, registersMillis, total);
    }

    /** Waits until the frames held span {@code minimumSpan} of bus time, or {@code maximumWait} has passed. */
    private static void collect(Connection connection, SnapshotOptions options) throws InterruptedException {
        long span = options.minimumSpan().toNanos() / 1000;
        List<CanFrame> held = connection.recentFrames();
        long oldest = held.stream().filter(CanFrame::hasTimestamp).mapToLong(CanFrame::timestampMicros).min()
                .orElse(Long.MAX_VALUE);
        AtomicLong first = new AtomicLong(oldest);
        AtomicLong latest = new AtomicLong(held.stream().filter(CanFrame::hasTimestamp)
                .mapToLong(CanFrame::timestampMicros).max().orElse(Long.MIN_VALUE));
        Object signal = new Object();
        try (Subscription s = connection.subscribe(f -> {
            if (f.hasTimestamp()) {
                first.accumulateAndGet(f.timestampMicros(), Math::min);
                latest.accumulateAndGet(f.timestampMicros(), Math::max);
            }
        })) {
            long deadline = System.nanoTime() + options.maximumWait().toNanos();
            while (latest.get() == Long.MIN_VALUE || latest.get() - first.get() < span) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                synchronized (signal) {
                    signal.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                }
            }
        }
    }

    /**
     * Reads every register; when the device does not answer the first one (product id), the rest
     * are not asked for: no VREG on this bus (SMA or General BMS), and 47 time-outs would take minutes.
     */
    private List<RegisterResult> readAll(Connection connection, List<RegisterInfo> catalogue, Integer node)
            throws SnapshotException,
            InterruptedException {
        RequestOptions options = node == null ? access.defaults(connection) : access.defaults(connection).towards(node);
        List<Integer> ids = catalogue.stream().map(RegisterInfo::id).toList();
        int probe = ids.contains(MgMasterLv.REG_PRODUCT_ID) ? MgMasterLv.REG_PRODUCT_ID : ids.get(0);
        RegisterResult first = await(access.read(connection, probe, options), options, 1);
        List<RegisterResult> results = new ArrayList<>();
        if (first.outcome() == Outcome.TIMEOUT || first.outcome() == Outcome.SEND_FAILED) {
            for (int id : ids) {
                results.add(id == probe ? first : new RegisterResult(id, options.node(), first.outcome(), null, Map.of(),
                        "", 0, "not asked: the device did not answer a request for " + String.format("0x%04X", probe)
                        + " (" + first.message() + ")"));
            }
            return results;
        }
        List<Integer> rest = ids.stream().filter(id -> id != probe).toList();
        List<RegisterResult> others = await(access.readAll(connection, rest, options), options, rest.size());
        results.add(first);
        results.addAll(others);
        results.sort(java.util.Comparator.comparingInt(r -> ids.indexOf(r.register())));
        return results;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future, RequestOptions options, int requests)
            throws SnapshotException, InterruptedException {
        long limit = options.timeout().toMillis() * options.tries() * Math.max(1, requests) * 2 + 5_000;
        try {
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new SnapshotException("reading the registers gave no result within " + limit / 1000 + " s");
        } catch (ExecutionException e) {
            throw new SnapshotException("reading the registers failed: " + e.getCause(), e.getCause());
        }
    }

    static RegisterReading reading(RegisterResult r, RegisterInfo info) {
        Map<String, String> units = new LinkedHashMap<>();
        if (info != null) {
            for (RegisterField f : info.fields()) {
                units.put(f.key(), f.unit());
            }
        }
        return new RegisterReading(r.register(), info == null ? "(not in the catalogue)" : info.name(),
                r.outcome().name(), r.values(), units, r.data(), r.message());
    }

    /** The frames within {@code windowMicros} of the newest, oldest first. */
    static List<CanFrame> window(List<CanFrame> frames, long windowMicros) {
        long newest = frames.stream().filter(CanFrame::hasTimestamp).mapToLong(CanFrame::timestampMicros).max()
                .orElse(Long.MIN_VALUE);
        if (newest == Long.MIN_VALUE) {
            return frames;
        }
        long from = newest - windowMicros;
        return frames.stream().filter(f -> !f.hasTimestamp() || f.timestampMicros() >= from).toList();
    }

    /** The unit of a model key, from the catalogue of docs/SIGNALS.md, else from the register that carries it. */
    String unit(String key) {
        return StandardSignals.find(key).map(d -> d.unit())
                .or(() -> access.catalogue().findByKey(key).flatMap(r -> r.fields().stream()
                        .filter(f -> f.key().equals(key)).findFirst().map(RegisterField::unit)))
                .orElse("");
    }

    static Map<String, Object> alarm(AlarmRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", a.state().name());
        m.put("first_raised", micros(a.firstRaisedMicros()));
        m.put("last_raised", micros(a.lastRaisedMicros()));
        m.put("last_cleared", micros(a.lastClearedMicros()));
        m.put("raise_count", a.raiseCount());
        return m;
    }

    static String micros(Long micros) {
        return micros == null ? null : Instant.EPOCH.plusNanos(micros * 1000).toString();
    }

    static List<Object> samples(List<Sample> history, long fromMicros) {
        List<Object> list = new ArrayList<>();
        for (Sample s : history) {
            if (s.timeMicros() >= fromMicros) {
                list.add(List.of(s.timeMicros() / 1e6, s.value()));
            }
        }
        return list;
    }

    static Map<String, Object> signal(SignalValue v, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("unit", unit);
        m.put("time", micros(v.timeMicros()));
        m.put("protocol", v.protocol());
        return m;
    }
}
