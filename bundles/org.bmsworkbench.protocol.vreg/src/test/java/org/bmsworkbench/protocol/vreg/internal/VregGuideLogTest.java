package org.bmsworkbench.protocol.vreg.internal;

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
 * vreg-guide.log, written by hand from guide 1.5.4 (broadcasts of status, limit, history,
 * configuration, device and setting registers with their not-available markers, the request /
 * reply / error ACK of 1.5.4.3, a write confirmed by a broadcast), decodes to exactly what
 * vreg-guide.jsonl says {@code bmswb decode --protocol vreg --format jsonl} prints (docs/SIGNALS.md).
 */
class VregGuideLogTest {
    /** Numbers as written: whole ones Integer/Long, others BigDecimal. */
    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Pattern CANDUMP_L = Pattern.compile("\\((\\d+)\\.(\\d{6})\\) (\\S+) ([0-9A-F]{3}|[0-9A-F]{8})#([0-9A-F]*)");

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = VregGuideLogTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static CanFrame parseCandump(String line) {
        Matcher m = CANDUMP_L.matcher(line);
        assertTrue(m.matches(), "candump -L line: " + line);
        long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
        return CanFrame.of(micros, m.group(3), Integer.parseInt(m.group(4), 16), m.group(4).length() == 8,
                HexFormat.of().parseHex(m.group(5)));
    }

    @Test
    void logDecodesToTheExpectedJsonl() throws Exception {
        List<String> log = lines("vreg-guide.log");
        List<String> jsonl = lines("vreg-guide.jsonl");
        assertEquals(log.size(), jsonl.size(), "one object per frame");
        ProtocolSession session = new VregProtocol().newSession();
        TreeSet<String> messages = new TreeSet<>();
        boolean sawNull = false;
        for (int n = 0; n < log.size(); n++) {
            CanFrame frame = parseCandump(log.get(n));
            DecodedMessage m = session.decode(frame);
            Map<String, Object> expected = READER.mapFrom(jsonl.get(n));
            String where = "line " + (n + 1) + ": " + log.get(n);
            assertNotNull(m, where);
            assertEquals(List.of("time", "bus", "protocol", "can_id", "source", "destination", "register"),
                    new ArrayList<>(expected.keySet()).subList(0, 7), where + ": key order of docs/SIGNALS.md");
            assertEquals(0, ((BigDecimal) expected.get("time"))
                    .compareTo(BigDecimal.valueOf(frame.timestampMicros(), 6)), where);
            assertEquals(expected.get("bus"), frame.bus(), where);
            assertEquals(expected.get("protocol"), m.protocol(), where);
            assertEquals(expected.get("can_id"), "0x" + frame.idHex(), where);
            assertEquals(expected.get("source"), m.source(), where);
            assertEquals(expected.get("destination"), m.destination(), where);
            assertEquals(expected.get("register"), String.format("0x%04X", m.register()), where);
            assertEquals(expected.get("code"), m.code() == null ? null : String.format("0x%04X", m.code()), where);
            assertNull(m.pgn(), where + ": no pgn field for VREG");
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
        assertEquals(new TreeSet<>(List.of("vreg", "vreg_request", "vreg_ack")), messages);
        assertTrue(sawNull, "the log shows not-available markers");
    }

    /**
     * jackson-jr reads a whole number as an Integer or Long and, with {@code USE_BIG_DECIMAL_FOR_FLOATS},
     * any other number as the BigDecimal written, so {@code 87} and {@code 87.0} stay apart.
     */
    private static void assertValue(Object json, Object actual, String where) {
        if (json == null) {
            assertNull(actual, where);
        } else if (json instanceof Integer || json instanceof Long) {
            assertTrue(actual instanceof Long, where + ": whole number, got " + actual);
            assertEquals(((Number) json).longValue(), ((Number) actual).longValue(), where);
        } else if (json instanceof BigDecimal expected) {
            assertInstanceOf(Double.class, actual, where);
            assertEquals(0, expected.compareTo(new BigDecimal(actual.toString())), where + ": " + expected + " != " + actual);
        } else {
            assertEquals(json, actual, where);
        }
    }
}
