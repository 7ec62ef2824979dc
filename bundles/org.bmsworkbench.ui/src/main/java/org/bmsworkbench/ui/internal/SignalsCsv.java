package org.bmsworkbench.ui.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalValue;

/**
 * File → Export: the current value of every signal of the model as CSV, one row per key:
 * {@code key,value,unit,time,protocol} (time in ISO-8601 UTC). Values are written as the model
 * holds them; text is quoted when it needs to be.
 */
final class SignalsCsv {
    private SignalsCsv() {
    }

    static int write(BmsModel model, List<SignalDescriptor> catalogue, Path file) throws IOException {
        Map<String, String> units = catalogue.stream()
                .collect(Collectors.toMap(SignalDescriptor::key, SignalDescriptor::unit, (a, b) -> a));
        Map<String, SignalValue> values = model.values();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("key,value,unit,time,protocol\n");
            for (SignalValue v : values.values()) {
                w.write(String.join(",", quote(v.key()), quote(v.value() == null ? "" : String.valueOf(v.value())),
                        quote(units.getOrDefault(v.key(), "")), time(v.timeMicros()), quote(v.protocol())));
                w.write('\n');
            }
        }
        return values.size();
    }

    private static String time(long micros) {
        if (micros == Long.MIN_VALUE) {
            return "";
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L).toString();
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
