package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;

/**
 * docs/SIGNALS.md, "Other devices on the bus": the {@code cell.*} keys come only from the MG Master LV.
 * Whatever a source sends after an address claim naming another maker than 1160 — any 127508
 * instance and bytes (the guide's 0x7FFF mark included), 127506, VREG broadcasts, the user's
 * designation, more claims of its own — no message from it carries a {@code cell.*} key.
 */
class Nmea2000NetworkPropertiesTest {

    /** What the source does next: 0..3 a 127508 with these bytes, 4 a VREG broadcast, 5 designated, 6 claim again. */
    record Step(int kind, byte[] data) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 6).flatMap(kind -> Arbitraries.bytes().array(byte[].class)
                .ofSize(8).map(data -> {
                    if (kind == 1) {
                        data[0] = (byte) (data[0] & 0xE0 | 1); // a cell-role instance with the guide's mark
                        data[3] = (byte) 0xFF;
                        data[4] = 0x7F;
                    } else if (kind == 2) {
                        data[0] = (byte) (data[0] & 0xE0); // a pack instance
                    }
                    return new Step(kind, data);
                }));
        return step.list().ofMaxSize(60);
    }

    @Property
    void noCellKeyFromASourceWhoseClaimIsNot1160(@ForAll @IntRange(max = 253) int source,
            @ForAll @IntRange(max = 0x7FF) int manufacturer, @ForAll @IntRange(max = 0x1F_FFFF) int unique,
            @ForAll("steps") List<Step> steps, @ForAll boolean mgBeside) throws MalformedFrameException {
        int maker = manufacturer == 1160 ? 1161 : manufacturer;
        IsoName name = IsoName.of(unique, maker, 0, 170, 35, 0, 4, true);
        MultiDeviceSession session = (MultiDeviceSession) new Nmea2000Protocol().newSession();
        int mg = source == 0x50 ? 0x51 : 0x50;
        if (mgBeside) {
            session.decode(NetworkMessages.addressClaim(IsoName.of(1, 1160, 0, 170, 35, 0, 4, true), mg, "can0", 0));
        }
        session.decode(NetworkMessages.addressClaim(name, source, "can0", 0));
        int status = J1939Id.of(6, 127508, source, 255).canId();
        for (Step step : steps) {
            DecodedMessage m = switch (step.kind()) {
                case 4 -> session.decode(CanFrame.of(0, "can0", J1939Id.of(7, 0xEF00, source, 255).canId(), true,
                        HexFormat.of().parseHex("6699FF0F2823FFFF")));
                case 5 -> {
                    session.designate(source);
                    yield null;
                }
                case 6 -> session.decode(NetworkMessages.addressClaim(name, source, "can0", 0));
                default -> session.decode(CanFrame.of(0, "can0", status, true, step.data()));
            };
            if (m != null) {
                assertFalse(m.signals().keySet().stream().anyMatch(k -> k.startsWith("cell.")), m.toString());
            }
            if (mgBeside) {
                DecodedMessage cells = session.decode(CanFrame.of(0, "can0", J1939Id.of(6, 127508, mg, 255).canId(), true,
                        HexFormat.of().parseHex("014B01FF7F7D7300")));
                assertTrue(cells.signals().containsKey("cell.voltage.min"), "the MG beside still gives its cells");
            }
        }
    }
}
