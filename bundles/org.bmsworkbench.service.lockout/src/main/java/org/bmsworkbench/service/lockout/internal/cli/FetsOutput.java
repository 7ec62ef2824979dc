package org.bmsworkbench.service.lockout.internal.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.service.lockout.LockoutDiagnosis;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.TrippedProtection;

/**
 * What {@code bmswb fets} prints: the state (MOSFETs, the diagnosis) and the result of a switch,
 * as lines of text or one JSON object each.
 */
final class FetsOutput {
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final PrintStream out;
    private final boolean jsonl;

    FetsOutput(PrintStream out, boolean jsonl) {
        this.out = out;
        this.jsonl = jsonl;
    }

    void state(String uri, List<String> protocols, LockoutDiagnosis d, Optional<FetControl> control) {
        if (!jsonl) {
            out.println("Connection: " + uri + " (" + (protocols.isEmpty() ? "no protocol recognised"
                    : "protocol " + String.join(", ", protocols)) + ")");
            out.println("Switching: " + control.map(FetsOutput::switchable).orElse("not offered for this protocol"));
            d.lines().forEach(out::println);
            return;
        }
        json(g -> {
            g.writeStringField("type", "state");
            g.writeStringField("uri", uri);
            g.writeArrayFieldStart("protocols");
            for (String p : protocols) {
                g.writeString(p);
            }
            g.writeEndArray();
            bool(g, "fet.charge", d.fetCharge());
            bool(g, "fet.discharge", d.fetDischarge());
            g.writeObjectFieldStart("switchable");
            g.writeBooleanField("charge", control.map(c -> c.canSwitch(true)).orElse(false));
            g.writeBooleanField("discharge", control.map(c -> c.canSwitch(false)).orElse(false));
            g.writeEndObject();
            g.writeStringField("summary", d.summary());
            g.writeArrayFieldStart("protections");
            for (TrippedProtection t : d.protections()) {
                tripped(g, t, t.active() ? "active" : "cleared");
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (TrippedProtection t : d.warnings()) {
                tripped(g, t, "raised");
            }
            g.writeEndArray();
        });
    }

    private static String switchable(FetControl c) {
        boolean charge = c.canSwitch(true);
        boolean discharge = c.canSwitch(false);
        return !charge && !discharge ? "not offered by the " + c.protocol() + " BMS"
                : "offered by the " + c.protocol() + " BMS for the " + (charge && discharge ? "charge and discharge"
                        : charge ? "charge" : "discharge") + " MOSFET" + (charge && discharge ? "s" : "");
    }

    private static void tripped(JsonGenerator g, TrippedProtection t, String state) throws IOException {
        Protection p = t.protection();
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("label", p.label());
        g.writeStringField("state", state);
        g.writeArrayFieldStart("opens");
        if (p.opensCharge()) {
            g.writeString("charge");
        }
        if (p.opensDischarge()) {
            g.writeString("discharge");
        }
        g.writeEndArray();
        g.writeStringField("evidence", t.evidence());
        g.writeStringField("meaning", p.meaning());
        g.writeStringField("causes", p.causes());
        g.writeStringField("check", p.check());
        g.writeEndObject();
    }

    void result(FetCommand command, String outcome, String detail, Boolean charge, Boolean discharge,
            List<String> sent) {
        if (!jsonl) {
            StringBuilder b = new StringBuilder("Result: ").append(outcome).append(": ").append(detail);
            if (charge != null || discharge != null) {
                b.append(" (charge MOSFET ").append(LockoutDiagnosis.state(charge)).append(", discharge MOSFET ")
                        .append(LockoutDiagnosis.state(discharge)).append(')');
            }
            out.println(b);
            return;
        }
        json(g -> {
            g.writeStringField("type", "result");
            g.writeObjectFieldStart("command");
            bool(g, "charge", command.charge());
            bool(g, "discharge", command.discharge());
            g.writeEndObject();
            g.writeStringField("outcome", outcome);
            g.writeStringField("detail", detail);
            bool(g, "fet.charge", charge);
            bool(g, "fet.discharge", discharge);
            g.writeArrayFieldStart("sent");
            for (String s : sent) {
                g.writeString(s);
            }
            g.writeEndArray();
        });
    }

    private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, value);
        }
    }

    private interface Members {
        void write(JsonGenerator g) throws IOException;
    }

    private void json(Members members) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            members.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
