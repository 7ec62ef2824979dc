package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * nmea2000-guide.log, written by hand from guide 1.5.3 (all three 127508 instances at base 0 from
 * source 0x50 and at base 32 from source 0x51, both identified as MG Master LVs by the guide's 0x7FFF
 * mark on their cell instances after their pack instance, no address claims, 127506 as two-frame fast packets, the two sources'
 * fast packets interleaved, a 9-byte 127506, not-available and error markers), decodes to exactly
 * the lines of nmea2000-guide.jsonl, the expected {@code bmswb decode --protocol nmea2000 --format
 * jsonl} output (docs/SIGNALS.md; product/itests' CommandLineIT runs the real command on the same files).
 */
class Nmea2000GuideLogTest {
    private static final Pattern CANDUMP_L = Pattern.compile("\\((\\d+)\\.(\\d{6})\\) (\\S+) ([0-9A-F]{8})#([0-9A-F]*)");

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = Nmea2000GuideLogTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static CanFrame parseCandump(String line) {
        Matcher m = CANDUMP_L.matcher(line);
        assertTrue(m.matches(), "candump -L line: " + line);
        long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
        return CanFrame.of(micros, m.group(3), Integer.parseInt(m.group(4), 16), true, HexFormat.of().parseHex(m.group(5)));
    }

    /** One line as docs/SIGNALS.md writes it: doubles as Double.toString, whole numbers plain, null. */
    static String jsonl(DecodedMessage m) {
        BigDecimal seconds = BigDecimal.valueOf(m.frame().timestampMicros(), 6).stripTrailingZeros();
        StringBuilder b = new StringBuilder("{\"time\":").append(seconds.scale() <= 0 ? seconds.setScale(1).toPlainString()
                : seconds.toPlainString());
        b.append(",\"bus\":\"").append(m.frame().bus()).append("\",\"protocol\":\"").append(m.protocol())
                .append("\",\"can_id\":\"0x").append(m.frame().idHex()).append('"');
        if (m.pgn() != null) {
            b.append(",\"pgn\":").append(m.pgn());
        }
        if (m.source() != null) {
            b.append(",\"source\":").append(m.source());
        }
        if (m.instance() != null) {
            b.append(",\"instance\":").append(m.instance());
        }
        if (m.destination() != null) {
            b.append(",\"destination\":").append(m.destination());
        }
        b.append(",\"message\":\"").append(m.message()).append("\",\"signals\":{");
        List<String> signals = new ArrayList<>();
        m.signals().forEach((k, v) -> signals.add("\"" + k + "\":" + v));
        return b.append(String.join(",", signals)).append("}}").toString();
    }

    @Test
    void logDecodesToTheExpectedJsonl() throws Exception {
        ProtocolSession session = new Nmea2000Protocol().newSession();
        List<String> actual = new ArrayList<>();
        for (String line : lines("nmea2000-guide.log")) {
            DecodedMessage m = session.decode(parseCandump(line));
            if (m != null) {
                actual.add(jsonl(m));
            }
        }
        assertEquals(lines("nmea2000-guide.jsonl"), actual);
    }

    @Test
    void theLogShowsWhatItSaysItShows() throws Exception {
        String jsonl = String.join("\n", lines("nmea2000-guide.jsonl"));
        for (String wanted : List.of("\"pack.voltage\"", "\"cell.voltage.min\"", "\"cell.voltage.max\"", "\"source\":81",
                "\"capacity.remaining\":null", "\"pack.temperature\":null", "\"soc\":87")) {
            assertTrue(jsonl.contains(wanted), wanted);
        }
        assertTrue(lines("nmea2000-guide.jsonl").get(0).equals("{\"time\":1600000001.2,\"bus\":\"can0\",\"protocol\":\"nmea2000\","
                + "\"can_id\":\"0x19F21450\",\"pgn\":127508,\"source\":80,\"instance\":0,\"message\":\"battery_status\","
                + "\"signals\":{\"pack.voltage\":26.54,\"pack.current\":-12.3,\"pack.temperature\":25.0}}"),
                "docs/SIGNALS.md's example line, with the instance \"Other devices on the bus\" adds");
    }
}
