package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every row of the profile's tables against communication guide rev. 8, section 1.5.4.2. */
class MgMasterLvTablesTest {
    private final MgMasterLvProfile profile = MgMasterLvProfile.defaults();

    @Test
    void productIdsAreTheGuides() {
        Map<Integer, String> guide = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(MG Master LV(?: \\w+)?) = 0x([0-9A-F]{4})").matcher(GuideText.PRODUCT_ID);
        while (m.find()) {
            guide.put(Integer.parseInt(m.group(2), 16), m.group(1).replace(" general", ""));
        }
        assertEquals(5, guide.size());
        Map<Integer, String> ours = new LinkedHashMap<>();
        profile.products().forEach(p -> ours.put(p.id(), p.name()));
        assertEquals(guide, ours);
        assertEquals("MG Master LV 150", profile.productName(0xA391));
        assertEquals("MG Master LV", profile.productName(0xA390));
        assertEquals("MG Master LV 1000", profile.product(0xA394).orElseThrow().name());
        assertEquals("0xA392", profile.product(0xA392).orElseThrow().hexId());
    }

    @Test
    void anOtherProductIdIsNamedUnknownInHex() {
        assertEquals("unknown product 0xA395", profile.productName(0xA395));
        assertEquals("unknown product 0x0000", profile.productName(0));
        assertEquals("unknown product 0xFFFF", profile.productName(0xFFFF));
        assertTrue(profile.product(0xA38F).isEmpty());
    }

    @Test
    void bmsStatesAreTheGuides() {
        Map<Integer, String> guide = GuideText.numbered(GuideText.BMS_STATE, "");
        assertEquals(17, guide.size(), "0-8, then 9..16");
        assertEquals(17, profile.states().size());
        for (BmsState s : profile.states()) {
            assertEquals(guide.get(s.code()), s.label(), "state " + s.code());
            assertEquals(s, profile.state(s.code()));
        }
    }

    @Test
    void bmsStatesHaveTheirCategories() {
        for (int code = 0; code <= 8; code++) {
            assertEquals(BmsState.Category.INITIALIZING, profile.state(code).category());
        }
        assertEquals(BmsState.Category.RUNNING, profile.state(9).category());
        assertEquals(BmsState.Category.ERROR, profile.state(10).category());
        assertEquals(BmsState.Category.NOT_IMPLEMENTED, profile.state(11).category());
        assertEquals(BmsState.Category.SHUTTING_DOWN, profile.state(12).category());
        assertEquals(BmsState.Category.UPDATING, profile.state(13).category());
        assertEquals(BmsState.Category.STANDBY, profile.state(14).category());
        assertEquals(BmsState.Category.STARTING, profile.state(15).category());
        assertEquals(BmsState.Category.STARTING, profile.state(16).category());
    }

    @Test
    void anUnlistedStateIsUnknown() {
        assertEquals(new BmsState(17, "Unknown state 17", BmsState.Category.UNKNOWN), profile.state(17));
        assertEquals(BmsState.Category.UNKNOWN, profile.state(0xFF).category());
        assertEquals(BmsState.Category.UNKNOWN, profile.state(-1).category());
    }

    @Test
    void bmsErrorsAreTheGuidesAllThirty() {
        Map<Integer, String> guide = GuideText.numbered(GuideText.BMS_ERROR, "");
        assertEquals(30, guide.size());
        assertEquals(30, profile.errors().size());
        for (BmsError e : profile.errors()) {
            assertEquals(guide.get(e.code()), e.label(), "error " + e.code());
            assertEquals(e, profile.error(e.code()));
            BmsError.Kind expected = switch (e.label()) {
                case "No error, system OK" -> BmsError.Kind.NO_ERROR;
                case "Not implemented" -> BmsError.Kind.NOT_IMPLEMENTED;
                case "Reserved" -> BmsError.Kind.RESERVED;
                default -> BmsError.Kind.ERROR;
            };
            assertEquals(expected, e.kind(), "kind of error " + e.code());
            assertFalse(e.explanation().isBlank(), "explanation of error " + e.code());
            assertFalse(e.whatToCheck().isBlank(), "what to check for error " + e.code());
            assertFalse(e.explanation().contains("\n") || e.whatToCheck().contains("\n"), "one line each");
        }
    }

    @Test
    void errorExplanationsPointWhereTheLockoutArticleDoes() {
        assertTrue(profile.error(13).whatToCheck().contains("charge voltage"));
        assertTrue(profile.error(14).explanation().contains("over-discharge"));
        assertTrue(profile.error(16).explanation().contains("0 °C"));
        assertTrue(profile.error(18).whatToCheck().contains("short circuit"));
        assertTrue(profile.error(23).whatToCheck().contains("lost communication"));
        assertTrue(profile.error(25).whatToCheck().contains("Turn off DC loads"));
        assertTrue(profile.error(26).explanation().contains("contactor"));
    }

    @Test
    void anUnlistedErrorIsUnknown() {
        BmsError e = profile.error(30);
        assertEquals("Unknown error 30", e.label());
        assertEquals(BmsError.Kind.UNKNOWN, e.kind());
        assertFalse(e.isError());
        assertEquals(BmsError.Kind.UNKNOWN, profile.error(0xFF).kind());
    }

    @Test
    void statusFlagBitsAreTheGuides() {
        Map<Integer, String> guide = GuideText.numbered(GuideText.STATUS_FLAGS, "bit ");
        assertEquals(27, guide.size());
        List<StatusFlag> flags = profile.statusFlags();
        assertEquals(27, flags.size());
        for (int bit = 0; bit < flags.size(); bit++) {
            StatusFlag f = flags.get(bit);
            assertEquals(bit, f.bit());
            assertEquals(guide.get(bit), f.label(), "bit " + bit);
            assertEquals(f.label().equals("Not implemented") ? StatusFlag.Kind.NOT_IMPLEMENTED : StatusFlag.Kind.NAMED,
                    f.kind(), "kind of bit " + bit);
        }
    }

    @Test
    void theDuplicatedContactorBitIsKeptAndNoted() {
        StatusFlag seven = profile.statusFlags().get(7);
        StatusFlag eight = profile.statusFlags().get(8);
        assertEquals("Main safety contactor closed", seven.label());
        assertEquals(seven.label(), eight.label());
        assertTrue(seven.note().contains("bit 7 and bit 8"));
        assertEquals(seven.note(), eight.note());
        assertTrue(profile.statusFlags().stream().filter(f -> f.bit() != 7 && f.bit() != 8).allMatch(f -> f.note().isEmpty()));
    }

    @Test
    void theRegistersTheProfileNamesAreTheGuides() {
        assertEquals(0x0100, MgMasterLv.REG_PRODUCT_ID);
        assertEquals(0x0371, MgMasterLv.REG_BMS_STATE);
        assertEquals(0x2100, MgMasterLv.REG_STATUS_FLAGS);
        assertEquals(0x2101, MgMasterLv.REG_BMS_ERROR);
        assertEquals(0x2110, MgMasterLv.REG_LAST_ERRORS);
        for (int reg : new int[] {0x0100, 0x010A, 0x0371, 0x2100, 0x2101, 0x2110, 0x2111, 0x2114, 0x0379, 0x0090}) {
            assertTrue(MgMasterLv.DOCUMENTED_REGISTERS.contains(reg), Integer.toHexString(reg));
        }
        assertEquals(47, MgMasterLv.DOCUMENTED_REGISTERS.size(), "the rows of the guide's VREG table");
    }

    @Test
    void theDeviceIsTheMgMasterLvAtTheGuidesAddress() {
        assertEquals("MG Master LV", profile.deviceName());
        assertEquals(0x50, profile.nodeAddress());
    }
}
