package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmswb decode} and companion protocols (docs/SIGNALS.md: on an NMEA 2000 bus the PGNs and the
 * VREG registers travel together; {@code --protocol nmea2000} and {@code auto} decode both,
 * {@code --protocol vreg} decodes VREG alone), with fakes that claim 29-bit ids.
 */
class DecodeCompanionsTest {
    /** PGN 127508 from source 0x50. */
    static final int BATTERY_STATUS = 0x19F21450;
    /** VREG broadcast (PGN 0xEF00) from source 0x50 to all. */
    static final int VREG = 0x1CEFFF50;

    @TempDir
    Path dir;

    /** Claims (scores 50 and decodes) exactly the given 29-bit ids into {@code <id>.byte0}. */
    record BusProtocol(String id, List<Integer> canIds, List<String> companions) implements BmsProtocol {
        @Override
        public String label() {
            return id;
        }

        @Override
        public ProtocolSession newSession() {
            return new ProtocolSession() {
                @Override
                public DecodedMessage decode(CanFrame frame) {
                    if (!frame.extended() || !canIds.contains(frame.id())) {
                        return null;
                    }
                    Map<String, Object> signals = new LinkedHashMap<>();
                    signals.put(id + ".byte0", (long) frame.u8(0));
                    return DecodedMessage.of(id, id + "_message", frame, signals);
                }

                @Override
                public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long time) {
                    throw new IllegalArgumentException("not encodable");
                }
            };
        }

        @Override
        public int detectionScore(CanFrame frame) {
            return frame.extended() && canIds.contains(frame.id()) ? 50 : 0;
        }

        @Override
        public List<MessageInfo> messages() {
            return canIds.stream().map(i -> new MessageInfo(id + "_message", i, true, "")).toList();
        }

        @Override
        public List<SignalDescriptor> signals() {
            return List.of();
        }
    }

    private static final BusProtocol NMEA2000 = new BusProtocol("nmea2000", List.of(BATTERY_STATUS), List.of("vreg"));
    private static final BusProtocol VREG_PROTOCOL = new BusProtocol("vreg", List.of(VREG), List.of());

    private Console decode(FakeRegistry registry, String... args) throws Exception {
        Files.writeString(dir.resolve("n2k.log"), """
                (1600000000.000000) can0 19F21450#0100000000000000
                (1600000000.100000) can0 1CEFFF50#02FF0F0000000000
                (1600000000.500000) can0 19F21450#0300000000000000
                (1600000000.600000) can0 1CEFFF50#04FF0F0000000000
                """);
        Files.writeString(dir.resolve("vreg.log"), """
                (1600000000.100000) can0 1CEFFF50#02FF0F0000000000
                (1600000000.600000) can0 1CEFFF50#04FF0F0000000000
                """);
        Console c = new Console(dir);
        CommandContext context = c.context();
        assertEquals(0, CommandRunner.run("decode", new DecodeCommand(registry).commandLine(context), List.of(args),
                context, false), c.err());
        return c;
    }

    private static List<String> protocolsOfLines(Console c) {
        return c.out().lines().map(l -> l.replaceAll(".*\"protocol\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void explicitNmea2000DecodesVregToo() throws Exception {
        Console c = decode(new FakeRegistry(NMEA2000, VREG_PROTOCOL), "--protocol", "nmea2000", "--format", "jsonl", "n2k.log");
        assertEquals(List.of("nmea2000", "vreg", "nmea2000", "vreg"), protocolsOfLines(c));
        assertEquals("", c.err());
    }

    @Test
    void explicitVregDecodesVregAlone() throws Exception {
        Console c = decode(new FakeRegistry(NMEA2000, VREG_PROTOCOL), "--protocol", "vreg", "--format", "jsonl", "n2k.log");
        assertEquals(List.of("vreg", "vreg"), protocolsOfLines(c));
    }

    @Test
    void explicitNmea2000WithoutVregInstalledSaysSo() throws Exception {
        Console c = decode(new FakeRegistry(NMEA2000), "--protocol", "nmea2000", "--format", "jsonl", "n2k.log");
        assertEquals(List.of("nmea2000", "nmea2000"), protocolsOfLines(c));
        assertEquals("bmswb decode: nmea2000 is decoded without its companion vreg, which is not installed\n", c.err());
    }

    @Test
    void autoOnAnNmea2000BusChoosesNmea2000WithVreg() throws Exception {
        Console c = decode(new FakeRegistry(NMEA2000, VREG_PROTOCOL), "--format", "jsonl", "n2k.log");
        assertEquals(List.of("nmea2000", "vreg", "nmea2000", "vreg"), protocolsOfLines(c));
        assertEquals("bmswb decode: protocol auto-detected: nmea2000, vreg (nmea2000: 2 frames with id 0x19F21450 "
                + "(score 200, no other protocol scored); with companions: vreg (2 frames with id 0x1CEFFF50))\n", c.err());
    }

    @Test
    void autoOnAVregOnlyCaptureChoosesVregAlone() throws Exception {
        Console c = decode(new FakeRegistry(NMEA2000, VREG_PROTOCOL), "--format", "jsonl", "vreg.log");
        assertEquals(List.of("vreg", "vreg"), protocolsOfLines(c));
        assertEquals("bmswb decode: protocol auto-detected: vreg (vreg: 2 frames with id 0x1CEFFF50 "
                + "(score 100, no other protocol scored); with companions: —)\n", c.err());
    }
}
