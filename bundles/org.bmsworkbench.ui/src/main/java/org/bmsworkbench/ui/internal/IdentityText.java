package org.bmsworkbench.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.ui.internal.IdentityRequest.Answer;

/**
 * The overview's identity lines in words: the value, where it came from (a tooltip), or why it is
 * not known: "asking the BMS…", "not reported by nmea2000, vreg", "not answered by the BMS".
 * Plain Java.
 */
final class IdentityText {

    /** One line as shown: the text, its tooltip, and whether it is an explanation rather than a value. */
    record Shown(String text, String tooltip, boolean muted) {
    }

    /**
     * One identity line.
     *
     * @param id       the label's name after "overview."
     * @param keys     the model keys that carry it, the first one decides where it came from
     * @param register the VREG register that carries it, or -1
     * @param carriers the frames that carry it, for "... carries it" ("the SMA frame 0x35E")
     */
    record Field(String id, List<String> keys, int register, String carriers) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("manufacturer", List.of("bms.manufacturer"), -1,
                    "only the SMA and General BMS frame 0x35E carries the manufacturer's name; the VREG registers have none"),
            new Field("product", List.of("bms.product_id", "bms.type_id"), 0x0100,
                    "VREG 0x0100 (product id) and the SMA frame 0x35F (type id) carry it"),
            new Field("serial", List.of("bms.serial"), 0x010A,
                    "the General BMS frames and VREG 0x010A (which the guide marks \"not implemented yet\") carry it"),
            new Field("firmware", List.of("bms.firmware"), 0x0102,
                    "VREG 0x0102 and the SMA frame 0x35F carry it"),
            new Field("capacity", List.of("capacity.installed"), 0x1000,
                    "VREG 0x1000 and the SMA frame 0x35F carry it"),
            new Field("configuration", List.of("config.batteries", "config.series", "config.parallel", "bms.hw_config"), 0x0380,
                    "VREG 0x0380 (batteries, cells, parallel, series) and the SMA frame 0x35F (hardware configuration) carry it"));

    private IdentityText() {
    }

    /**
     * @param value     the value in words, or {@link OverviewText#UNKNOWN}
     * @param active    the protocols decoding now
     * @param offline   a recording: nothing can be asked
     * @param asking    the identity registers are being read now
     * @param answers   how the read of a register ended, if it was read
     */
    static Shown shown(Field field, String value, BmsModel model, List<String> active, boolean offline, boolean asking,
            Function<Integer, Optional<Answer>> answers) {
        Optional<Answer> answer = field.register() < 0 ? Optional.empty() : answers.apply(field.register());
        if (!OverviewText.UNKNOWN.equals(value)) {
            return new Shown(value, source(field, model, answer), false);
        }
        if (model == null) {
            return new Shown(OverviewText.UNKNOWN, "not connected", true);
        }
        if (model.values().isEmpty() || active.isEmpty()) {
            return new Shown(OverviewText.UNKNOWN, "waiting for data", true);
        }
        String protocols = String.join(", ", active);
        boolean vreg = active.contains("vreg") && field.register() >= 0;
        if (vreg && answer.isPresent() && !answer.get().result().ok()) {
            return new Shown("not answered by the BMS", answer.get().describe(), true);
        }
        if (vreg && asking) {
            return new Shown("asking the BMS…", String.format("reading VREG 0x%04X", field.register()), true);
        }
        if (vreg && offline) {
            return new Shown("not in this recording", String.format("VREG 0x%04X is sent only when asked; this recording"
                    + " holds it only if it was read while recording", field.register()), true);
        }
        return new Shown("not reported by " + protocols, capitalised(field.carriers()) + "; " + protocols
                + (active.size() == 1 ? " does" : " do") + " not.", true);
    }

    /** Where a value came from, when that helps: the register read, or the protocol whose frames carried it. */
    private static String source(Field field, BmsModel model, Optional<Answer> answer) {
        Optional<SignalValue> v = field.keys().stream().map(model::get).flatMap(Optional::stream).findFirst();
        if (answer.isPresent() && answer.get().result().ok() && v.isPresent() && "vreg".equals(v.get().protocol())) {
            return answer.get().describe();
        }
        return v.map(s -> "reported in the " + s.protocol() + " frames").orElse("");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The value of a line in words, {@link OverviewText#UNKNOWN} when not known. */
    static String value(Field field, BmsModel model, DeviceProfile profile) {
        return switch (field.id()) {
            case "manufacturer" -> OverviewText.text(model, "bms.manufacturer");
            case "product" -> OverviewText.product(model, profile);
            case "serial" -> OverviewText.text(model, "bms.serial");
            case "firmware" -> OverviewText.text(model, "bms.firmware");
            case "capacity" -> OverviewText.number(model, "capacity.installed", "%.0f Ah");
            case "configuration" -> OverviewText.configuration(model);
            default -> throw new IllegalArgumentException(field.id());
        };
    }
}
