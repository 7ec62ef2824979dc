package org.bmsworkbench.ui.internal;

import java.util.Locale;
import java.util.Optional;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;

/** The overview's wording of model values; "—" for a value not (yet) known. Plain Java. */
final class OverviewText {
    static final String UNKNOWN = "—";

    private OverviewText() {
    }

    static String number(BmsModel model, String key, String format) {
        Object v = raw(model, key);
        return v instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : UNKNOWN;
    }

    static String text(BmsModel model, String key) {
        Object v = raw(model, key);
        return v == null || v.toString().isBlank() ? UNKNOWN : v.toString().strip();
    }

    static Optional<Long> code(BmsModel model, String key) {
        return raw(model, key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** The product's name from its id when a profile knows it, else the type id the SMA frames carry. */
    static String product(BmsModel model, DeviceProfile profile) {
        Optional<Long> id = code(model, "bms.product_id");
        if (id.isPresent()) {
            return profile != null ? profile.productName(id.get().intValue())
                    : String.format(Locale.ROOT, "product 0x%04X", id.get());
        }
        Optional<Long> type = code(model, "bms.type_id");
        return type.map(t -> "type " + t).orElse(UNKNOWN);
    }

    /** "4 batteries × 4 cells (1 parallel, 4 series)", from what of it is known. */
    static String configuration(BmsModel model) {
        Optional<Long> batteries = code(model, "config.batteries");
        Optional<Long> cells = code(model, "config.cells_per_battery");
        Optional<Long> parallel = code(model, "config.parallel");
        Optional<Long> series = code(model, "config.series");
        StringBuilder b = new StringBuilder();
        if (batteries.isPresent()) {
            b.append(batteries.get()).append(batteries.get() == 1 ? " battery" : " batteries");
            cells.ifPresent(c -> b.append(" × ").append(c).append(" cells"));
        }
        if (parallel.isPresent() || series.isPresent()) {
            b.append(b.isEmpty() ? "" : " (").append(parallel.map(p -> p + " parallel").orElse(""))
                    .append(parallel.isPresent() && series.isPresent() ? ", " : "")
                    .append(series.map(s -> s + " series").orElse("")).append(batteries.isPresent() ? ")" : "");
        }
        if (b.isEmpty()) {
            Optional<Long> hw = code(model, "bms.hw_config");
            return hw.map(h -> "hardware configuration " + h).orElse(UNKNOWN);
        }
        return b.toString();
    }

    private static Object raw(BmsModel model, String key) {
        return model == null ? null : model.get(key).map(SignalValue::value).orElse(null);
    }
}
