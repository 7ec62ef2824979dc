package org.bmsworkbench.bms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.bmsworkbench.can.CanFrame;

/**
 * Fakes that score frames the way the real protocols do (their READMEs), and realistic buses to
 * feed them: an MG Master LV on SMA or General BMS (guide 1.3, 1.4), on NMEA 2000 with VREG
 * broadcasts (1.5), a VREG-only capture, and a Pylontech-style battery.
 */
final class BusModels {
    private BusModels() {
    }

    /** A protocol that only scores: what detection needs. */
    record ScoredProtocol(String id, int messageCount, List<String> companions, ToIntFunction<CanFrame> score)
            implements BmsProtocol {
        @Override
        public String label() {
            return id;
        }

        @Override
        public ProtocolSession newSession() {
            throw new UnsupportedOperationException("detection only");
        }

        @Override
        public int detectionScore(CanFrame frame) {
            return score.applyAsInt(frame);
        }

        @Override
        public List<MessageInfo> messages() {
            List<MessageInfo> m = new ArrayList<>();
            for (int i = 0; i < messageCount; i++) {
                m.add(new MessageInfo("m" + i, i, false, ""));
            }
            return m;
        }

        @Override
        public List<SignalDescriptor> signals() {
            return List.of();
        }
    }

    /** SMA frame ids and their full lengths (guide 1.3.2). */
    private static final Map<Integer, Integer> SMA_LENGTHS = Map.of(
            0x351, 8, 0x355, 6, 0x356, 6, 0x35A, 8, 0x35B, 1, 0x35E, 8, 0x35F, 8);

    /** SMA: a full-length SMA frame 10, 0x35B 2, 0x35E "MG-BMS" 100. */
    static int smaScore(CanFrame f) {
        Integer length = f.extended() ? null : SMA_LENGTHS.get(f.id());
        if (length == null || f.length() < length) {
            return 0;
        }
        return switch (f.id()) {
            case 0x35E -> "MG-BMS".equals(text(f)) ? 100 : 10;
            case 0x35B -> 2;
            default -> 10;
        };
    }

    static final BmsProtocol SMA = new ScoredProtocol("sma", 7, List.of(), BusModels::smaScore);

    /** General BMS: the SMA frames as SMA scores them, its own 0x373, 0x378, 0x380, 0x381 50 each. */
    static final BmsProtocol GENERAL_BMS = new ScoredProtocol("general-bms", 11, List.of(), f -> {
        if (!f.extended() && f.length() == 8 && (f.id() == 0x373 || f.id() == 0x378 || f.id() == 0x380 || f.id() == 0x381)) {
            return 50;
        }
        return smaScore(f);
    });

    /** NMEA 2000: PGN 127508 and 127506 (and its fast-packet frames) 50, any other 29-bit frame 1. */
    static final BmsProtocol NMEA2000 = new ScoredProtocol("nmea2000", 2, List.of("vreg"), f -> {
        if (!f.extended()) {
            return 0;
        }
        int pgn = (f.id() >>> 8) & 0x3FFFF;
        return pgn == 127508 || pgn == 127506 ? 50 : 1;
    });

    /** VREG: PGN 0xEF00 (1CEFddss) 50, an ACK on PGN 0xE800 20. */
    static final BmsProtocol VREG = new ScoredProtocol("vreg", 3, List.of(), f -> {
        if (!f.extended()) {
            return 0;
        }
        int pf = (f.id() >>> 16) & 0xFF;
        return pf == 0xEF ? 50 : pf == 0xE8 ? 20 : 0;
    });

    /** Pylontech: 0x359 with "PN" and 0x35C 100, 0x35E "PYLON" 100, its shared frames 2. */
    static final BmsProtocol PYLONTECH = new ScoredProtocol("pylontech", 6, List.of(), f -> {
        if (f.extended()) {
            return 0;
        }
        return switch (f.id()) {
            case 0x359 -> f.length() >= 7 && f.u8(5) == 'P' && f.u8(6) == 'N' ? 100 : 0;
            case 0x35C -> f.length() >= 1 ? 100 : 0;
            case 0x35E -> "PYLON".equals(text(f)) ? 100 : 0;
            case 0x351, 0x355, 0x356 -> 2;
            default -> 0;
        };
    });

    private static String text(CanFrame f) {
        byte[] d = Arrays.copyOf(f.data(), f.length());
        return new String(d, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    static CanFrame std(int id, int... bytes) {
        byte[] d = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            d[i] = (byte) bytes[i];
        }
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, false, d);
    }

    static CanFrame ext(int id, int... bytes) {
        CanFrame f = std(0, bytes);
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, true, f.data());
    }

    static CanFrame text(int id, String s) {
        byte[] d = Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), 8);
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, false, d);
    }

    /** One 500 ms cycle of an MG Master LV on SMA, guide 1.3.2, in guide order. */
    static List<CanFrame> smaCycle() {
        return List.of(std(0x351, 0x28, 0x02, 0xE8, 0x03, 0xE8, 0x03, 0xA4, 0x01),
                std(0x355, 87, 0, 100, 0, 0xFC, 0x21), std(0x356, 0xC0, 0x14, 0x85, 0xFF, 0xD7, 0x00),
                std(0x35A, 0, 0, 0, 0, 0, 0, 0, 0), std(0x35B, 0), text(0x35E, "MG-BMS"),
                std(0x35F, 0x9B, 0x3A, 0x01, 0x18, 0x2C, 0x01, 0, 0));
    }

    /** One cycle of an MG Master LV on General BMS, guide 1.4.2: the SMA frames first, then its own. */
    static List<CanFrame> generalBmsCycle() {
        List<CanFrame> c = new ArrayList<>(smaCycle());
        c.add(std(0x373, 0x0C, 0x0D, 0x20, 0x0D, 0x2A, 0x01, 0x2C, 0x01));
        c.add(std(0x378, 1, 0, 0, 0, 2, 0, 0, 0));
        c.add(text(0x380, "HQ220412"));
        c.add(text(0x381, "34567890"));
        return c;
    }

    /**
     * One cycle of an MG Master LV on NMEA 2000 (guide 1.5), source 0x50: PGN 127508 for the
     * three instances, PGN 127506 as a two-frame fast packet, VREG broadcasts of SOC and
     * voltage, an address claim, and a Powerfinn charger's 11-bit 0x600 frame.
     */
    static List<CanFrame> nmea2000Cycle() {
        return List.of(ext(0x19F21450, 0, 0x5E, 0x0A, 0x85, 0xFF, 0xAE, 0x74, 0), ext(0x19F21450, 1, 0x5E, 0x0A, 0, 0, 0, 0, 0),
                ext(0x19F21450, 2, 0x5E, 0x0A, 0, 0, 0, 0, 0), ext(0x19F21250, 0x20, 11, 0, 0, 87, 100, 0xFF, 0xFF),
                ext(0x19F21250, 0x21, 0x2C, 0x01, 0x10, 0x0E, 0xFF, 0xFF, 0xFF), ext(0x1CEFFF50, 0x10, 0x02, 0xFF, 0x0F, 0x2C, 0x22),
                ext(0x1CEFFF50, 0x10, 0x02, 0x8D, 0xED, 0x5E, 0x0A), ext(0x18EEFF50, 1, 2, 3, 4, 5, 6, 7, 8),
                std(0x600, 1, 2));
    }

    /** What a VREG tool sees from a device on a bare bus: register broadcasts and an ACK to a request. */
    static List<CanFrame> vregCycle() {
        return List.of(ext(0x1CEFFF50, 0x10, 0x02, 0xFF, 0x0F, 0x2C, 0x22), ext(0x1CEFFF50, 0x10, 0x02, 0x8D, 0xED, 0x5E, 0x0A),
                ext(0x1CEFFF50, 0x10, 0x02, 0x71, 0x03, 9, 0), ext(0x18E8FE50, 0x10, 0x02, 0x00, 0x01, 0x00, 0x80));
    }

    /** One cycle of a Pylontech US2000-style battery (public captures): note the 4-byte 0x355. */
    static List<CanFrame> pylontechCycle() {
        return List.of(std(0x351, 0x14, 0x02, 0x74, 0x0E, 0x74, 0x0E, 0xCC, 0x01), std(0x355, 0x1A, 0x00, 0x64, 0x00),
                std(0x356, 0x4E, 0x13, 0x02, 0x03, 0x04, 0x05), std(0x359, 0, 0, 0, 0, 0x0A, 'P', 'N'),
                std(0x35C, 0xC0, 0x00), text(0x35E, "PYLON   "));
    }

    static List<CanFrame> cycles(List<CanFrame> cycle, int times) {
        List<CanFrame> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(cycle);
        }
        return all;
    }
}
