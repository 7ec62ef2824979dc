package org.bmsworkbench.ui.cells.internal;

import java.util.Map;
import java.util.TreeSet;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.StandardSignals;

/**
 * Which cell and sensor numbers the model holds ({@code cell.<n>.voltage}, {@code cell.<n>.balancing},
 * {@code temperature.<n>} of SIGNALS.md "Cell-level BMS makes over serial"), so that a refresh can
 * look each one up with {@link BmsModel#get} instead of copying and sorting every key.
 *
 * <p>The numbers are learned from one pass over {@link BmsModel#values()} ({@link #scan}), which the
 * part repeats once a second; between scans {@link #probe} looks one number past the highest known
 * cell and sensor, so a pack that grows is seen on the next refresh.
 */
final class CellKeys {

    private final TreeSet<Integer> cells = new TreeSet<>();
    private final TreeSet<Integer> sensors = new TreeSet<>();
    private boolean anyKey;

    static String voltage(int n) {
        return "cell." + n + ".voltage";
    }

    static String balancing(int n) {
        return "cell." + n + ".balancing";
    }

    static String temperature(int n) {
        return "temperature." + n;
    }

    /** The cell number of {@code cell.<n>.voltage} or {@code cell.<n>.balancing}, else 0. */
    static int cellOf(String key) {
        if (!key.startsWith("cell.")) {
            return 0;
        }
        int dot = key.indexOf('.', 5);
        if (dot < 0) {
            return 0;
        }
        String rest = key.substring(dot + 1);
        if (!rest.equals("voltage") && !rest.equals("balancing")) {
            return 0;
        }
        return number(key.substring(5, dot));
    }

    /** The sensor number of {@code temperature.<n>}, else 0. */
    static int sensorOf(String key) {
        return key.startsWith("temperature.") ? number(key.substring(12)) : 0;
    }

    /** A number from 1 to {@link StandardSignals#MAX_CELLS} without sign or leading zero, else 0. */
    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 3 || digits.charAt(0) == '0') {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n <= StandardSignals.MAX_CELLS ? n : 0;
    }

    /** Learns every cell and sensor number from the model's keys, forgetting the ones it no longer holds (a cleared model). */
    void scan(Map<String, SignalValue> values) {
        clear();
        anyKey = !values.isEmpty();
        for (String key : values.keySet()) {
            int c = cellOf(key);
            if (c > 0) {
                cells.add(c);
                continue;
            }
            int s = sensorOf(key);
            if (s > 0) {
                sensors.add(s);
            }
        }
    }

    /** Looks one number past the highest known cell and sensor (the first ones when none is known yet). */
    void probe(BmsModel model) {
        int c = highestCell() + 1;
        while (c <= StandardSignals.MAX_CELLS && (model.get(voltage(c)).isPresent() || model.get(balancing(c)).isPresent())) {
            cells.add(c++);
        }
        int s = highestSensor() + 1;
        while (s <= StandardSignals.MAX_CELLS && model.get(temperature(s)).isPresent()) {
            sensors.add(s++);
        }
    }

    /** Whether the model held any key at all at the last {@link #scan}. */
    boolean anyKey() {
        return anyKey;
    }

    int highestCell() {
        return cells.isEmpty() ? 0 : cells.last();
    }

    int highestSensor() {
        return sensors.isEmpty() ? 0 : sensors.last();
    }

    Iterable<Integer> sensors() {
        return sensors;
    }

    void clear() {
        cells.clear();
        sensors.clear();
        anyKey = false;
    }
}
