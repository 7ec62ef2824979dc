package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a device reported over virtual time, sampled every 500 ms like the frames: every change
 * of the watched keys as an event, in order. Assertions say which event came before which.
 */
final class Timeline {
    /** One change: at virtual ms {@code millis}, {@code key} became {@code value}. */
    record Event(long millis, String key, Object value) {
        @Override
        public String toString() {
            return String.format("%.1f s %s=%s", millis / 1000.0, key, value);
        }
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final MasterLvDevice device;
    private Map<String, Object> last = new HashMap<>();
    private long next;

    Timeline(MasterLvDevice device) {
        this.device = device;
    }

    static boolean watched(String key) {
        return key.startsWith("alarm.") || key.startsWith("warning.") || key.equals("bms.state")
                || key.equals("bms.error") || key.equals("relay.state");
    }

    /** Samples every 500 ms up to {@code seconds} of virtual time. */
    Timeline runTo(double seconds) {
        long until = Math.round(seconds * 1000);
        for (; next <= until; next += 500) {
            device.advanceTo(next);
            sample(next);
        }
        return this;
    }

    private void sample(long t) {
        Map<String, Object> now = DeviceSignals.of(device);
        now.put("transmitting", device.transmitting());
        for (Map.Entry<String, Object> e : now.entrySet()) {
            if ((watched(e.getKey()) || e.getKey().equals("transmitting"))
                    && !Objects.equals(last.get(e.getKey()), e.getValue())) {
                events.add(new Event(t, e.getKey(), e.getValue()));
            }
        }
        samples.add(now);
        last = now;
    }

    List<Event> events() {
        return events;
    }

    List<Map<String, Object>> samples() {
        return samples;
    }

    Map<String, Object> last() {
        return last;
    }

    /** Index of the first event {@code key=value} at or after {@code from}; fails when there is none. */
    int first(String key, Object value, int from) {
        for (int i = from; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.key().equals(key) && Objects.equals(e.value(), value)) {
                return i;
            }
        }
        return fail("no " + key + "=" + value + " after event " + from + " in " + events);
    }

    int first(String key, Object value) {
        return first(key, value, 0);
    }

    /** The first event {@code key=to} after the first {@code key=from}. */
    Event after(String key, Object from, Object to) {
        return events.get(first(key, to, first(key, from)));
    }

    boolean has(String key, Object value) {
        return events.stream().anyMatch(e -> e.key().equals(key) && Objects.equals(e.value(), value));
    }

    Event event(int index) {
        return events.get(index);
    }

    /** Asserts the events happened in this order, each strictly later in time than the one before. */
    void assertInOrder(String... keyValues) {
        int from = 0;
        long time = -1;
        for (String kv : keyValues) {
            String[] parts = kv.split("=", 2);
            Object value = parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1])
                    : parts[1].matches("true|false") ? (Object) Boolean.parseBoolean(parts[1]) : parts[1];
            int i = first(parts[0], value, from);
            Event e = events.get(i);
            assertTrue(e.millis() > time, () -> kv + " at " + e + " is not after the event before it: " + events);
            time = e.millis();
            from = i;
        }
    }

    /** The states the device went through, in order, without repeats. */
    List<Long> states() {
        return events.stream().filter(e -> e.key().equals("bms.state")).map(e -> (Long) e.value()).toList();
    }

    boolean never(Predicate<Event> p) {
        return events.stream().noneMatch(p);
    }
}
