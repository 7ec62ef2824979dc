package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command's {@code --format jsonl} record through {@link JsonLines}: members in order, the
 * number and text notation of SIGNALS.md ("JSON lines": times as seconds, doubles never
 * scientific, NaN as null, escapes of RFC 8259 section 7 plus U+007F), one line each.
 */
class JsonLinesTest {
    @Test
    void aRecordIsOneLineInTheContractsNotation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLines lines = new JsonLines(out);
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("address", 80);
        device.put("name", "MG \"Master\" LV\u007F\t°C");
        device.put("serial", null);
        device.put("pgns", List.of(127508L, 127506L));
        device.put("can_ids", List.of("0x356", "0x35E"));
        device.put("last_seen", JsonLines.seconds(1_600_000_000_120_000L));
        device.put("voltage", 53.12);
        device.put("small", 0.0001);
        device.put("large", 1e7);
        device.put("nan", Double.NaN);
        device.put("exact", new BigDecimal("1E+3"));
        device.put("self", false);
        device.put("nested", Map.of("k", 1));
        lines.write(device);
        lines.write(Map.of("id", "sma"));
        assertEquals("{\"address\":80,\"name\":\"MG \\\"Master\\\" LV\\u007F\\t°C\",\"serial\":null,"
                + "\"pgns\":[127508,127506],\"can_ids\":[\"0x356\",\"0x35E\"],\"last_seen\":1600000000.12,"
                + "\"voltage\":53.12,\"small\":0.0001,\"large\":10000000.0,\"nan\":null,\"exact\":1000,"
                + "\"self\":false,\"nested\":{\"k\":1}}\n{\"id\":\"sma\"}\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).count());
    }
}
