package org.bmsworkbench.cli.internal;

import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;

/** The unit of each model key, for the table and CSV outputs of {@code decode} and {@code monitor}. */
final class SignalUnits {

    private SignalUnits() {
    }

    /**
     * The units of the installed protocols' keys; a key none declares (the per-cell keys,
     * {@code cell.7.voltage}, {@code temperature.2}) gets its standard unit when it has one, looked up
     * once.
     */
    static Map<String, String> of(ProtocolRegistry registry) {
        Map<String, String> units = new HashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String get(Object key) {
                String unit = super.get(key);
                if (unit == null && key instanceof String k) {
                    unit = StandardSignals.find(k).map(SignalDescriptor::unit).orElse(null);
                    if (unit != null) {
                        put(k, unit);
                    }
                }
                return unit;
            }

            @Override
            public String getOrDefault(Object key, String defaultValue) {
                String unit = get(key);
                return unit == null ? defaultValue : unit;
            }
        };
        for (SignalDescriptor d : registry.signals()) {
            units.put(d.key(), d.unit());
        }
        return units;
    }
}
