package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.Messages.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The lines of docs/SIGNALS.md, "bmswb decode --format jsonl", byte for byte. */
class JsonlFormatTest {
    private final JsonlFormat format = new JsonlFormat();

    private String line(DecodedMessage m) {
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, m, b);
        return b.toString();
    }

    @Test
    void generalBmsLineOfTheContract() {
        assertEquals("{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":\"general-bms\",\"can_id\":\"0x356\","
                + "\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12,\"pack.current\":-12.3,"
                + "\"pack.temperature\":21.5}}\n", line(Messages.generalBms()));
    }

    @Test
    void nmea2000LineOfTheContract() {
        assertEquals("{\"time\":1600000001.2,\"bus\":\"can0\",\"protocol\":\"nmea2000\",\"can_id\":\"0x19F21450\","
                + "\"pgn\":127508,\"source\":80,\"message\":\"battery_status\",\"signals\":{\"pack.voltage\":26.54,"
                + "\"pack.current\":-12.3,\"pack.temperature\":25.0}}\n", line(Messages.nmea2000()));
    }

    @Test
    void anNmea2000BatteryRecordCarriesItsInstanceAfterItsSource() {
        // docs/SIGNALS.md, "Other devices on the bus": "instance" at the top level beside "source"
        CanFrame f = CanFrame.of(1_600_000_001_200_000L, "can0", 0x19F21405, true, new byte[8]);
        DecodedMessage m = new DecodedMessage("nmea2000", "battery_status", f, 127508, 5, null, 33, null, null,
                signals("pack.voltage", 13.27));
        assertEquals("{\"time\":1600000001.2,\"bus\":\"can0\",\"protocol\":\"nmea2000\",\"can_id\":\"0x19F21405\","
                + "\"pgn\":127508,\"source\":5,\"instance\":33,\"message\":\"battery_status\","
                + "\"signals\":{\"pack.voltage\":13.27}}\n", line(m));
    }

    @Test
    void vregLineOfTheContract() {
        assertEquals("{\"time\":1600000002.0,\"bus\":\"can0\",\"protocol\":\"vreg\",\"can_id\":\"0x1CEFFF50\","
                + "\"source\":80,\"destination\":255,\"register\":\"0x0FFF\",\"message\":\"vreg\","
                + "\"signals\":{\"soc\":87.5}}\n", line(Messages.vreg()));
    }

    @Test
    void vregAckCarriesItsCode() {
        CanFrame f = CanFrame.of(1_600_000_003_000_000L, "can1", 0x18E8FF50, true, new byte[8]);
        DecodedMessage ack = new DecodedMessage("vreg", "vreg_ack", f, 0xE800, 80, 255, 0x0FFF, 0x8000, signals());
        assertEquals("{\"time\":1600000003.0,\"bus\":\"can1\",\"protocol\":\"vreg\",\"can_id\":\"0x18E8FF50\","
                + "\"pgn\":59392,\"source\":80,\"destination\":255,\"register\":\"0x0FFF\",\"code\":\"0x8000\","
                + "\"message\":\"vreg_ack\",\"signals\":{}}\n", line(ack));
    }

    @Test
    void valuesOfEveryKind() {
        CanFrame f = CanFrame.of(1_600_000_000_000_001L, "can0", 0x35E, false, new byte[8]);
        DecodedMessage m = DecodedMessage.of("sma", "x", f, signals("soc", null, "bms.type_id", 15003L,
                "n", 7, "bms.manufacturer", "MG \"Energy\"\\", "event.preventive_shutdown", true,
                "alarm.general", "raised", "nan", Double.NaN, "big", 1e7, "unit", "°C"));
        assertEquals("{\"time\":1600000000.000001,\"bus\":\"can0\",\"protocol\":\"sma\",\"can_id\":\"0x35E\","
                + "\"message\":\"x\",\"signals\":{\"soc\":null,\"bms.type_id\":15003,\"n\":7,"
                + "\"bms.manufacturer\":\"MG \\\"Energy\\\"\\\\\",\"event.preventive_shutdown\":true,"
                + "\"alarm.general\":\"raised\",\"nan\":null,\"big\":10000000.0,\"unit\":\"°C\"}}\n", line(m));
    }

    @Test
    void frameWithoutTimeHasNullTime() {
        CanFrame f = CanFrame.of(CanFrame.NO_TIMESTAMP, "vcan0", 0x7FF, false);
        assertEquals("{\"time\":null,\"bus\":\"vcan0\",\"protocol\":\"sma\",\"can_id\":\"0x7FF\","
                + "\"message\":\"m\",\"signals\":{}}\n", line(DecodedMessage.of("sma", "m", f, signals())));
    }

    @Test
    void unknownFrameKeepsTheShapeAndAddsData() {
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, Records.UNKNOWN, CanFrame.of(1_600_000_000_500_000L, "can0", 0x123, false, (byte) 0x01, (byte) 0xAB), b);
        assertEquals("{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x123\","
                + "\"message\":\"unknown\",\"signals\":{},\"data\":\"01AB\"}\n", b.toString());
    }

    @Test
    void errorFrameShowsItsClassAsCandumpDoesAndItsData() {
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, Records.ERROR_FRAME, CanFrame.error(1_600_000_000_500_000L, "can0", 0x80, new byte[8]), b);
        Messages.write(format, Records.ERROR_FRAME, CanFrame.error(1_600_000_000_500_000L, "can0", 0), b);
        assertEquals("{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x20000080\","
                + "\"message\":\"error_frame\",\"signals\":{},\"data\":\"0000000000000000\"}\n"
                + "{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x20000000\","
                + "\"message\":\"error_frame\",\"signals\":{},\"data\":\"\"}\n", b.toString());
    }

    @Test
    void remoteRequestShowsItsDlcAndNoData() {
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, Records.REMOTE_REQUEST, CanFrame.remote(1_600_000_000_500_000L, "can0", 0x123, false, 4), b);
        Messages.write(format, Records.REMOTE_REQUEST, CanFrame.remote(1_600_000_000_500_000L, "can0", 0x19F21450, true, 0), b);
        assertEquals("{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x123\","
                + "\"message\":\"remote_request\",\"signals\":{},\"dlc\":4}\n"
                + "{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":null,\"can_id\":\"0x19F21450\","
                + "\"message\":\"remote_request\",\"signals\":{},\"dlc\":0}\n", b.toString());
    }

    @Test
    void elevenBitIdsHaveThreeDigitsAndTwentyNineBitIdsEight() {
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, Records.UNKNOWN, CanFrame.of(0, "c", 0x5, false), b);
        Messages.write(format, Records.UNKNOWN, CanFrame.of(0, "c", 0x5, true), b);
        String s = b.toString();
        org.junit.jupiter.api.Assertions.assertTrue(s.contains("\"can_id\":\"0x005\""), s);
        org.junit.jupiter.api.Assertions.assertTrue(s.contains("\"can_id\":\"0x00000005\""), s);
    }

    /**
     * Text is escaped as the contract (SIGNALS.md, "JSON lines") and TextBuffer's JSON literal do it,
     * for every UTF-16 unit (RFC 8259 section 7: control characters escaped; U+007F too; a lone
     * surrogate as its escape, a pair as its 4-byte UTF-8 character).
     */
    @Test
    void everyCharacterIsEscapedAsTheContractSays() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            all.append(c);
        }
        for (char c = 0xE000; c != 0; c++) {
            all.append(c);
        }
        for (String text : List.of(all.toString(), "25 \u00B0C \u2713 \uD83D\uDD0B", "lone \uD83D x", "lone \uDD0B",
                "end \uD83D", "\uDD0B\uD83D", "a\"b\\c\n\t\b\f\r\u0001\u007F\u0080")) {
            CanFrame f = CanFrame.of(1_600_000_000_000_000L, "can0", 0x35E, false, new byte[8]);
            TextBuffer expected = new TextBuffer(64).append("{\"time\":1600000000.0,\"bus\":\"can0\",\"protocol\":\"sma\","
                    + "\"can_id\":\"0x35E\",\"message\":").appendJsonString(text).append(",\"signals\":{")
                    .appendJsonString(text).append(":").appendJsonString(text).append("}}\n");
            assertEquals(expected.toString(), line(DecodedMessage.of("sma", text, f, signals(text, text))));
        }
    }

    @Test
    void numbersAreNeverScientificAndTheGeneratorCarriesOnAfterManyRecords() {
        CanFrame f = CanFrame.of(1_600_000_000_000_100L, "can0", 0x356, false, new byte[8]);
        TextBuffer b = new TextBuffer(16);
        StringBuilder expected = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextGaussian() * 1e-5;
                case 1 -> random.nextGaussian() * 1e12;
                case 2 -> Math.rint(random.nextGaussian() * 1000) / 100;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            float x = (float) d;
            Messages.write(format, DecodedMessage.of("sma", "m", f, signals("d", d, "f", x, "l", (long) d)), b);
            TextBuffer e = new TextBuffer(64).append("{\"time\":1600000000.0001,\"bus\":\"can0\",\"protocol\":\"sma\","
                    + "\"can_id\":\"0x356\",\"message\":\"m\",\"signals\":{\"d\":");
            OutputFormat.appendValue(d, e).append(",\"f\":");
            OutputFormat.appendValue(x, e).append(",\"l\":").append((long) d).append("}}\n");
            expected.append(e);
        }
        String out = b.toString();
        assertEquals(expected.toString(), out);
        org.junit.jupiter.api.Assertions.assertFalse(out.contains("E"), "no scientific notation");
    }
}
