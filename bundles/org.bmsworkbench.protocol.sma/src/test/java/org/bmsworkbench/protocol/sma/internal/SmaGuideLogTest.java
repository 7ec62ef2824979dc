package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * sma-guide.log, one frame of each id of guide 1.3.2 written out by hand with realistic 48 V
 * values, decodes to exactly what sma-guide.jsonl says {@code bmswb decode --protocol sma
 * --format jsonl} prints (docs/SIGNALS.md).
 */
class SmaGuideLogTest {
    /** Numbers as written: whole ones Integer/Long, others BigDecimal. */
    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Pattern CANDUMP_L = Pattern.compile("\\((\\d+)\\.(\\d{6})\\) (\\S+) ([0-9A-F]{3}|[0-9A-F]{8})#([0-9A-F]*)");

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = SmaGuideLogTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static CanFrame parseCandump(String line) {
        Matcher m = CANDUMP_L.matcher(line);
        assertTrue(m.matches(), "candump -L line: " + line);
        long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
        return CanFrame.of(micros, m.group(3), Integer.parseInt(m.group(4), 16), m.group(4).length() == 8,
                HexFormat.of().parseHex(m.group(5)));
    }

    @Test
    void logDecodesToTheExpectedJsonl() throws Exception {
        List<String> log = lines("sma-guide.log");
        List<String> jsonl = lines("sma-guide.jsonl");
        assertEquals(log.size(), jsonl.size(), "one object per frame");
        ProtocolSession session = new SmaProtocol().newSession();
        TreeSet<String> messages = new TreeSet<>();
        boolean sawNull = false;
        for (int n = 0; n < log.size(); n++) {
            CanFrame frame = parseCandump(log.get(n));
            DecodedMessage m = session.decode(frame);
            Map<String, Object> expected = READER.mapFrom(jsonl.get(n));
            String where = "line " + (n + 1) + ": " + log.get(n);
            assertNotNull(m, where);
            assertEquals(0, ((BigDecimal) expected.get("time"))
                    .compareTo(BigDecimal.valueOf(frame.timestampMicros(), 6)), where);
            assertEquals(expected.get("bus"), frame.bus(), where);
            assertEquals(expected.get("protocol"), m.protocol(), where);
            assertEquals(expected.get("can_id"), "0x" + frame.idHex(), where);
            assertEquals(expected.get("message"), m.message(), where);
            @SuppressWarnings("unchecked")
            Map<String, Object> signals = (Map<String, Object>) expected.get("signals");
            assertEquals(new ArrayList<>(signals.keySet()), new ArrayList<>(m.signals().keySet()), where);
            for (Map.Entry<String, Object> e : signals.entrySet()) {
                assertValue(e.getValue(), m.signals().get(e.getKey()), where + " " + e.getKey());
                sawNull |= e.getValue() == null;
            }
            messages.add(m.message());
        }
        assertEquals(new TreeSet<>(List.of("bms_limits", "battery_status", "battery_basic_info", "alarms_warnings",
                "events", "manufacturer_name", "system_information")), messages, "every message of guide 1.3.2");
        assertTrue(sawNull, "the log shows a not-available marker");
    }

    /**
     * jackson-jr reads a whole number as an Integer or Long and, with {@code USE_BIG_DECIMAL_FOR_FLOATS},
     * any other number as the BigDecimal written, so {@code 87} and {@code 87.0} stay apart.
     */
    private static void assertValue(Object json, Object actual, String where) {
        if (json == null) {
            assertNull(actual, where);
        } else if (json instanceof Integer || json instanceof Long) {
            assertTrue(actual instanceof Long || actual instanceof Integer, where + ": whole number, got " + actual);
            assertEquals(((Number) json).longValue(), ((Number) actual).longValue(), where);
        } else if (json instanceof BigDecimal expected) {
            assertInstanceOf(Double.class, actual, where);
            assertEquals(0, expected.compareTo(new BigDecimal(actual.toString())), where + ": " + expected + " != " + actual);
        } else {
            assertEquals(json, actual, where);
        }
    }
}
