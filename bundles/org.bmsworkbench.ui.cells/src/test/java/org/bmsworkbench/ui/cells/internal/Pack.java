package org.bmsworkbench.ui.cells.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A cell-level BMS as the model sees it, written by hand from SIGNALS.md "Cell-level BMS makes over
 * serial": {@code cell.count}, {@code cell.<n>.voltage} (V), {@code cell.<n>.balancing},
 * {@code temperature.<n>} (°C), {@code cell.voltage.min/max}, applied as one decoded message per
 * poll, the way a JBD's basic-info and cell-voltage answers reach it.
 */
final class Pack {

    static final long T0 = 1_760_000_000_000_000L;

    private Pack() {
    }

    /**
     * Sixteen LiFePO4 cells around 3.32 V: cell 7 low (3.281 V), cell 3 high and balancing
     * (3.342 V); four sensors.
     */
    static Map<String, Object> sixteen() {
        Map<String, Object> s = new LinkedHashMap<>();
        double[] v = {3.318, 3.321, 3.342, 3.317, 3.320, 3.319, 3.281, 3.322, 3.316, 3.320, 3.318, 3.321, 3.319, 3.317, 3.320,
            3.318};
        s.put("cell.count", 16L);
        for (int i = 0; i < v.length; i++) {
            s.put("cell." + (i + 1) + ".voltage", v[i]);
            s.put("cell." + (i + 1) + ".balancing", i == 2);
        }
        double[] t = {24.5, 25.1, 23.8, 27.9};
        for (int i = 0; i < t.length; i++) {
            s.put("temperature." + (i + 1), t[i]);
        }
        s.put("cell.voltage.min", 3.281);
        s.put("cell.voltage.max", 3.342);
        return s;
    }

    /** {@code n} cells at {@code base} + 1 mV per cell number modulo 7, none balancing, two sensors. */
    static Map<String, Object> cells(int n, double base) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cell.count", (long) n);
        for (int i = 1; i <= n; i++) {
            s.put("cell." + i + ".voltage", Math.round((base + (i % 7) * 0.001) * 1000) / 1000.0);
            s.put("cell." + i + ".balancing", false);
        }
        s.put("temperature.1", 21.0);
        s.put("temperature.2", 22.5);
        return s;
    }

    /** Applies {@code signals} as one message received at {@code micros}. */
    static void apply(BmsModel model, long micros, Map<String, Object> signals) {
        model.apply(DecodedMessage.of("jbd", "cell_voltages", CanFrame.chunk(micros, "ttyUSB0", Direction.RX, (byte) 0xDD),
                signals));
    }
}
