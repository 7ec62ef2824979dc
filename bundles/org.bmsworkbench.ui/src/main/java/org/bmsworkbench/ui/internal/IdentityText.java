package org.bmsworkbench.ui.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.ui.internal.IdentityRequest.Answer;
import org.bmsworkbench.ui.internal.IdentityRequest.Offer;

/**
 * The overview's identity lines in words: the value, where it came from (a tooltip), or why it is
 * not known: "not read yet", "asking the BMS…", "not reported by nmea2000, vreg", "not answered by
 * the BMS"; and the line under them that offers to ask the BMS, or says why it cannot be asked.
 * Plain Java.
 */
final class IdentityText {
    /** The overview's action: asks the BMS for its identity registers. */
    static final String READ = "Read identity from the BMS";

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
     * @param offer     whether the identity registers can be asked for, are being asked for, or why not
     * @param answers   how the read of a register ended, if it was read
     */
    static Shown shown(Field field, String value, BmsModel model, List<String> active, Offer offer,
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
        if (vreg && offer == Offer.PENDING) {
            return new Shown("asking the BMS…", String.format("reading VREG 0x%04X", field.register()), true);
        }
        if (vreg && answer.isPresent() && !answer.get().result().ok()) {
            return new Shown("not answered by the BMS", answer.get().describe(), true);
        }
        String onlyWhenAsked = String.format("VREG 0x%04X is sent only when asked", field.register());
        if (vreg && offer == Offer.OFFLINE) {
            return new Shown("not in this recording", onlyWhenAsked + "; this recording holds it only if it was read"
                    + " while recording", true);
        }
        if (vreg && offer == Offer.OFFERED) {
            return new Shown("not read yet", onlyWhenAsked + ": \"" + READ + "\" below asks for it", true);
        }
        if (vreg && offer == Offer.LISTEN_ONLY) {
            return new Shown("not asked (listen-only)", onlyWhenAsked + ", and this connection is listen-only:"
                    + " the workbench sends nothing on it", true);
        }
        if (vreg && offer == Offer.NOT_CONNECTED) {
            return new Shown("not read yet", onlyWhenAsked + "; it can be asked for once connected", true);
        }
        return new Shown("not reported by " + protocols, capitalised(field.carriers()) + "; " + protocols
                + (active.size() == 1 ? " does" : " do") + " not.", true);
    }

    /**
     * The line beside the action: what asking sends and to whom, how the last ask ended, or why
     * nothing can be asked; empty when there is nothing to say.
     *
     * @param node     the node the last requests went to, or -1 when not asked in this session
     * @param time     when their answers were in, or null
     * @param answered how many registers they read
     */
    static String note(Offer offer, int node, LocalTime time, long answered) {
        int total = IdentityRequest.REGISTERS.size();
        return switch (offer) {
            case NONE -> "";
            case OFFERED -> node >= 0
                    ? "Reconnected since the last read: the device may have been exchanged. Nothing is sent until you ask."
                    : "The BMS sends these registers only when asked. Nothing is sent until you ask: one VREG request"
                            + " per register, to the BMS the session follows.";
            case PENDING -> String.format("Asking node 0x%02X for %d registers…", node, total);
            case ASKED -> String.format("Read from node 0x%02X at %s: %d of %d registers answered.", node,
                    time == null ? "?" : time.format(DateTimeFormatter.ofPattern("HH:mm:ss")), answered, total)
                    + " Offered again after a reconnect.";
            case NOT_CONNECTED -> "Not connected now: the identity can be asked for once the connection is back.";
            case OFFLINE -> "A recording: nothing is sent to it; the identity is what the recording holds.";
            case LISTEN_ONLY -> "Listen-only connection: the workbench sends nothing on it, so the identity registers"
                    + " cannot be asked for. Values the BMS sends by itself still show.";
            case NO_ACCESS -> "The identity registers cannot be asked for: no register access (the VREG bundle) is installed.";
        };
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
