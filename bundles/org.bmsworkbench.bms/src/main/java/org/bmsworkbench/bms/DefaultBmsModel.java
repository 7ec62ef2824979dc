package org.bmsworkbench.bms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The standard {@link BmsModel}: thread-safe, bounded history per numeric key.
 *
 * <p>One thread applies messages (the decoding thread), any thread reads. {@link #apply} does
 * no copying beyond one map entry per signal and one history sample per numeric value; readers
 * get sorted snapshots. Times are the frame's timestamp, or the wall clock for frames without one.
 *
 * <p>Keys starting {@code alarm.} or {@code warning.} (values {@code "raised"}, {@code "cleared"},
 * null, or a {@link Boolean} from cell-level makes), {@code protection.} keys and {@code event.} keys
 * ({@link Boolean} true = raised, false = cleared) also keep an
 * {@link AlarmRecord}: a null value leaves the state as it was, and a repeated "raised" is one raise.
 */
public final class DefaultBmsModel implements BmsModel {

    private final int historyCapacity;
    private final LongSupplier wallClockMicros;
    private final ConcurrentHashMap<String, SignalValue> latest = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HistoryRing> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AlarmRecord> alarms = new ConcurrentHashMap<>();
    private volatile long version;

    /** @param historyCapacity samples kept per numeric key */
    public DefaultBmsModel(int historyCapacity) {
        this(historyCapacity, DefaultBmsModel::nowMicros);
    }

    /** For tests: the clock used for frames without a timestamp. */
    DefaultBmsModel(int historyCapacity, LongSupplier wallClockMicros) {
        if (historyCapacity < 1) {
            throw new IllegalArgumentException("history capacity " + historyCapacity + " is not positive");
        }
        this.historyCapacity = historyCapacity;
        this.wallClockMicros = wallClockMicros;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public synchronized void apply(DecodedMessage message) {
        long time = message.frame().hasTimestamp() ? message.frame().timestampMicros() : wallClockMicros.getAsLong();
        String protocol = message.protocol();
        for (Map.Entry<String, Object> e : message.signals().entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            latest.put(key, new SignalValue(key, value, time, protocol));
            if (value instanceof Number number) {
                HistoryRing ring = histories.get(key); // no capturing lambda per value (apply is the only writer)
                if (ring == null) {
                    ring = new HistoryRing(historyCapacity);
                    histories.put(key, ring);
                }
                ring.add(time, number.doubleValue());
            }
            if (isAlarmKey(key)) {
                updateAlarm(key, value, time);
            }
        }
        version++; // single writer (apply and clear are synchronized); readers see it through volatile
    }

    private static boolean isAlarmKey(String key) {
        return key.startsWith("alarm.") || key.startsWith("warning.") || key.startsWith("event.")
                || key.startsWith("protection.");
    }

    /** "raised"/true → RAISED, "cleared"/false → CLEARED, anything else leaves the state unchanged. */
    private static AlarmState stateOf(Object value) {
        if (value instanceof Boolean b) {
            return b ? AlarmState.RAISED : AlarmState.CLEARED;
        }
        if ("raised".equals(value)) {
            return AlarmState.RAISED;
        }
        if ("cleared".equals(value)) {
            return AlarmState.CLEARED;
        }
        return null;
    }

    private void updateAlarm(String key, Object value, long time) {
        AlarmRecord old = alarms.get(key);
        AlarmState next = stateOf(value);
        if (old == null) {
            old = new AlarmRecord(key, AlarmState.UNKNOWN, null, null, null, 0);
            if (next == null) {
                alarms.put(key, old);
                return;
            }
        }
        if (next == null || next == old.state()) {
            return;
        }
        AlarmRecord updated;
        if (next == AlarmState.RAISED) {
            updated = new AlarmRecord(key, AlarmState.RAISED,
                    old.firstRaisedMicros() == null ? time : old.firstRaisedMicros(), time,
                    old.lastClearedMicros(), old.raiseCount() + 1);
        } else {
            // a clear counts as one only when it ends a raise; first seeing "cleared" just sets the state
            Long cleared = old.state() == AlarmState.RAISED ? Long.valueOf(time) : old.lastClearedMicros();
            updated = new AlarmRecord(key, AlarmState.CLEARED, old.firstRaisedMicros(), old.lastRaisedMicros(),
                    cleared, old.raiseCount());
        }
        alarms.put(key, updated);
    }

    @Override
    public Optional<SignalValue> get(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    @Override
    public Map<String, SignalValue> values() {
        return Collections.unmodifiableMap(new TreeMap<>(latest));
    }

    @Override
    public List<Sample> history(String key) {
        HistoryRing ring = histories.get(key);
        return ring == null ? List.of() : ring.snapshot();
    }

    @Override
    public int historyCapacity() {
        return historyCapacity;
    }

    @Override
    public Map<String, AlarmRecord> alarms() {
        return Collections.unmodifiableMap(new TreeMap<>(alarms));
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public synchronized void clear() {
        latest.clear();
        histories.clear();
        alarms.clear();
        version++;
    }

    /** Time/value pairs in two primitive arrays that grow up to the capacity, then wrap. */
    private static final class HistoryRing {
        private final int capacity;
        private long[] times;
        private double[] values;
        private int start;
        private int size;

        HistoryRing(int capacity) {
            this.capacity = capacity;
            this.times = new long[Math.min(16, capacity)];
            this.values = new double[times.length];
        }

        synchronized void add(long time, double value) {
            if (size < times.length) {
                times[size] = time;
                values[size] = value;
                size++;
                return;
            }
            if (times.length < capacity) { // grow; until the ring is full start stays 0
                int length = (int) Math.min(capacity, times.length * 2L);
                times = java.util.Arrays.copyOf(times, length);
                values = java.util.Arrays.copyOf(values, length);
                times[size] = time;
                values[size] = value;
                size++;
                return;
            }
            times[start] = time;
            values[start] = value;
            start = (start + 1) % capacity;
        }

        synchronized List<Sample> snapshot() {
            List<Sample> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int j = (start + i) % times.length;
                list.add(new Sample(times[j], values[j]));
            }
            return Collections.unmodifiableList(list);
        }
    }
}
