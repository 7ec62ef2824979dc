package org.bmsworkbench.protocol.nmea2000.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;

/** The identifier arithmetic agrees with {@link J1939Id} (J1939-21) for every 29-bit id; NAMEs round-trip. */
class NetworkMessagesPropertiesTest {
    @Property
    void pgnAndDestinationAsJ1939IdHasThem(@ForAll @IntRange(max = 0x1FFF_FFFF) int id) {
        CanFrame frame = CanFrame.of(0, "can0", id, true, new byte[8]);
        J1939Id parsed = J1939Id.parse(id);
        assertEquals(parsed.pgn(), NetworkMessages.pgnOf(frame));
        assertEquals(parsed.destination(), NetworkMessages.destinationOf(frame));
        assertEquals(parsed.source(), NetworkMessages.sourceOf(frame));
    }

    @Property
    void aNameSurvivesTheWire(@ForAll long value, @ForAll @IntRange(max = 253) int source) throws Exception {
        IsoName name = new IsoName(value);
        CanFrame claim = NetworkMessages.addressClaim(name, source, "can0", 0);
        assertEquals(name, IsoName.read(claim));
        assertEquals(source, NetworkMessages.sourceOf(claim));
        long rebuilt = IsoName.of(name.uniqueNumber(), name.manufacturerCode(), name.deviceInstance(),
                name.deviceFunction(), name.deviceClass(), name.systemInstance(), name.industryGroup(),
                name.arbitraryAddressCapable()).value();
        assertEquals(value & ~(1L << 48), rebuilt, "every field but the reserved bit 48");
    }
}
