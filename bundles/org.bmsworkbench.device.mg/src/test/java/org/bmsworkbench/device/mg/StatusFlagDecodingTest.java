package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Decoding the un32 of VREG 0x2100 (guide 1.5.4.2 "Status flags") into its named set bits. */
class StatusFlagDecodingTest {
    private final MgMasterLvProfile profile = MgMasterLvProfile.defaults();

    private List<String> labels(long raw) {
        return profile.setFlags(raw).stream().map(StatusFlag::toString).toList();
    }

    @Test
    void noBitsNoFlags() {
        assertEquals(List.of(), profile.setFlags(0));
    }

    @Test
    void aRunningBatteryChargingWithTheContactorClosed() {
        // bits 4 Charging, 7 and 8 contactor, 25 and 26 allowed to charge/discharge
        long raw = 1L << 4 | 1L << 7 | 1L << 8 | 1L << 25 | 1L << 26;
        assertEquals(0x0600_0190L, raw);
        assertEquals(List.of("bit 4 Charging", "bit 7 Main safety contactor closed", "bit 8 Main safety contactor closed",
                "bit 25 Allowed to charge", "bit 26 Allowed to discharge"), labels(raw));
    }

    @Test
    void warningsAndLowSoc() {
        long raw = 0x0000_0001L | 0x0000_0400L | 0x0000_1000L | 0x0001_0000L | 0x0020_0000L;
        assertEquals(List.of("bit 0 Charged", "bit 10 Warning over voltage", "bit 12 Warning under voltage",
                "bit 16 Warning over temperature", "bit 21 Low SOC (< 20%)"), labels(raw));
    }

    @Test
    void theBitsAddedInRevision7() {
        assertEquals(List.of("bit 13 Warning high charge current", "bit 14 Warning high discharge current"),
                labels(0x0000_6000L));
    }

    @Test
    void notImplementedBitsAreReportedAsSuch() {
        List<StatusFlag> set = profile.setFlags(1L << 9 | 1L << 24);
        assertEquals(List.of(9, 24), set.stream().map(StatusFlag::bit).toList());
        assertEquals(List.of(StatusFlag.Kind.NOT_IMPLEMENTED, StatusFlag.Kind.NOT_IMPLEMENTED),
                set.stream().map(StatusFlag::kind).toList());
    }

    @Test
    void bitsBeyondTheGuideAreUndocumented() {
        List<StatusFlag> set = profile.setFlags(0xF800_0000L);
        assertEquals(List.of(27, 28, 29, 30, 31), set.stream().map(StatusFlag::bit).toList());
        assertEquals("Undocumented bit 31", set.get(4).label());
        assertEquals(StatusFlag.Kind.UNDOCUMENTED, set.get(0).kind());
    }

    @Test
    void allBitsSet() {
        List<StatusFlag> set = profile.setFlags(0xFFFF_FFFFL);
        assertEquals(32, set.size());
        assertEquals(profile.statusFlags(), set.subList(0, 27));
    }

    @Test
    void aValueThatIsNotAnUn32IsRejected() {
        assertEquals("status flags are an un32 (0..0xFFFFFFFF), got -1",
                assertThrows(IllegalArgumentException.class, () -> profile.setFlags(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> profile.setFlags(0x1_0000_0000L));
    }

    @Property
    void theDecodedBitsAreExactlyTheSetBits(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long raw) {
        List<StatusFlag> set = profile.setFlags(raw);
        long back = set.stream().mapToLong(StatusFlag::mask).reduce(0, (a, b) -> a | b);
        assertEquals(raw, back);
        assertEquals(Long.bitCount(raw), set.size());
        for (int i = 1; i < set.size(); i++) {
            assertEquals(true, set.get(i - 1).bit() < set.get(i).bit());
        }
        set.forEach(f -> assertEquals(true, f.isSetIn(raw)));
    }
}
