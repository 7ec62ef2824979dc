package org.bmsworkbench.ui.cells.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.StandardSignals;

/**
 * What the model says about the pack's cells at one moment: one slot per cell from 1 to the
 * highest of {@code cell.count} and the highest cell number seen (a slot without a value is a
 * missing cell), the temperature sensors, and the pack-level {@code cell.voltage.min/max} and
 * {@code cell.temperature.min/max} that a BMS without per-cell values (the MG Master LV) sends.
 *
 * @param cells        slot n-1 is cell n
 * @param sensors      the temperature sensors seen, by number
 * @param declared     {@code cell.count}, or 0 when the BMS does not say
 * @param lowest       {@code cell.voltage.min}, or null
 * @param highest      {@code cell.voltage.max}, or null
 * @param coldest      {@code cell.temperature.min}, or null
 * @param warmest      {@code cell.temperature.max}, or null
 * @param newestMicros the newest time among the values read, or {@code Long.MIN_VALUE} when none
 */
record CellReading(List<Cell> cells, List<Sensor> sensors, int declared, Value lowest, Value highest, Value coldest,
        Value warmest, long newestMicros) {

    /**
     * Cell {@code number}: volts (null when missing or not available), balancing, whether the BMS
     * sent its voltage key at all, and the time of that key (0 if none).
     */
    record Cell(int number, Double volts, boolean balancing, boolean reported, long timeMicros) {
        boolean present() {
            return volts != null;
        }
    }

    /** Temperature sensor {@code number} in °C (null when not available) and its time. */
    record Sensor(int number, Double celsius, long timeMicros) {
    }

    /** A pack-level number and its time. */
    record Value(double value, long timeMicros) {
    }

    /** True when the BMS reports per-cell voltages (at least one {@code cell.<n>.voltage} key). */
    boolean perCell() {
        return cells.stream().anyMatch(Cell::reported);
    }

    /** Reads the cells and sensors {@code keys} knows of, one {@link BmsModel#get} each. */
    static CellReading read(BmsModel model, CellKeys keys) {
        long[] newest = {Long.MIN_VALUE};
        int declared = model.get("cell.count").map(SignalValue::value).filter(Number.class::isInstance)
                .map(v -> ((Number) v).intValue()).filter(n -> n > 0 && n <= StandardSignals.MAX_CELLS)
                .orElse(0);
        int slots = Math.max(declared, keys.highestCell());
        List<Cell> cells = new ArrayList<>(slots);
        for (int n = 1; n <= slots; n++) {
            Optional<SignalValue> v = model.get(CellKeys.voltage(n));
            Optional<SignalValue> b = model.get(CellKeys.balancing(n));
            Double volts = v.map(SignalValue::value).filter(Number.class::isInstance).map(x -> ((Number) x).doubleValue())
                    .orElse(null);
            long time = v.map(SignalValue::timeMicros).orElse(0L);
            newest[0] = Math.max(newest[0], v.isPresent() ? time : Long.MIN_VALUE);
            cells.add(new Cell(n, volts, b.map(SignalValue::value).filter(Boolean.TRUE::equals).isPresent(), v.isPresent(), time));
        }
        List<Sensor> sensors = new ArrayList<>();
        for (int n : keys.sensors()) {
            model.get(CellKeys.temperature(n)).ifPresent(s -> {
                newest[0] = Math.max(newest[0], s.timeMicros());
                sensors.add(new Sensor(n, s.value() instanceof Number x ? x.doubleValue() : null, s.timeMicros()));
            });
        }
        return new CellReading(List.copyOf(cells), List.copyOf(sensors), declared, value(model, "cell.voltage.min", newest),
                value(model, "cell.voltage.max", newest), value(model, "cell.temperature.min", newest),
                value(model, "cell.temperature.max", newest), newest[0]);
    }

    private static Value value(BmsModel model, String key, long[] newest) {
        Optional<SignalValue> v = model.get(key);
        if (v.isEmpty() || !(v.get().value() instanceof Number n)) {
            return null;
        }
        newest[0] = Math.max(newest[0], v.get().timeMicros());
        return new Value(n.doubleValue(), v.get().timeMicros());
    }
}
