package org.bmsworkbench.cli.internal.decode;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.CanFrame;

/** The messages of docs/SIGNALS.md's JSONL example, built by hand. */
final class Messages {
    static final byte[] SMA_356 = {(byte) 0xC0, 0x14, (byte) 0x85, (byte) 0xFF, (byte) 0xD7, 0x00};

    private Messages() {
    }

    /** Writes {@code m} with {@code format}, through a record as the pipeline does. */
    static void write(OutputFormat format, DecodedMessage m, TextBuffer out) {
        format.write(record(m), 0, out);
    }

    /** One record of {@code m}. */
    static Records record(DecodedMessage m) {
        Records r = new Records(1);
        MessageSink.replay(m, r);
        return r;
    }

    /** Writes {@code frame} as a record of {@code kind} ({@link Records#UNKNOWN}, ...) with {@code format}. */
    static void write(OutputFormat format, byte kind, CanFrame frame, TextBuffer out) {
        Records r = new Records(1);
        r.frame(kind, frame);
        format.write(r, 0, out);
    }

    /** Alternating key, value. */
    static Map<String, Object> signals(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static DecodedMessage generalBms() {
        CanFrame f = CanFrame.of(1_600_000_000_500_000L, "can0", 0x356, false, SMA_356);
        return DecodedMessage.of("general-bms", "battery_basic_info", f,
                signals("pack.voltage", 53.12, "pack.current", -12.3, "pack.temperature", 21.5));
    }

    static DecodedMessage nmea2000() {
        CanFrame f = CanFrame.of(1_600_000_001_200_000L, "can0", 0x19F21450, true, new byte[8]);
        return new DecodedMessage("nmea2000", "battery_status", f, 127508, 80, null, null, null,
                signals("pack.voltage", 26.54, "pack.current", -12.3, "pack.temperature", 25.0));
    }

    static DecodedMessage vreg() {
        CanFrame f = CanFrame.of(1_600_000_002_000_000L, "can0", 0x1CEFFF50, true, new byte[8]);
        return new DecodedMessage("vreg", "vreg", f, null, 80, 255, 0x0FFF, null, signals("soc", 87.5));
    }
}
