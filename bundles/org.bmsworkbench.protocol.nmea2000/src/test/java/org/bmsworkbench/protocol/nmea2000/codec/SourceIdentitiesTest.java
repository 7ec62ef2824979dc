package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.n2k;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * The identification rule of docs/SIGNALS.md, "Other devices on the bus": address claim with manufacturer
 * code 1160, else not when another maker's; else VREG traffic; else the user's choice; else the
 * guide's 0x7FFF mark on the cell instances (1.5.3.1: field 3 of instances base+1, base+2 "not
 * implemented (0x7FFF)"). Frames written by hand.
 */
class SourceIdentitiesTest {
    static final IsoName MG = IsoName.of(4711, 1160, 0, 170, 35, 0, 4, true);
    static final IsoName VICTRON = IsoName.of(12345, 358, 0, 170, 35, 0, 4, true);
    static final IsoName GARMIN_DISPLAY = IsoName.of(777, 229, 0, 130, 120, 0, 4, true);

    private final SourceIdentities ids = new SourceIdentities();

    static String claimData(IsoName name) {
        return Frames.hex(name.toBytes());
    }

    private void claim(IsoName name, int address) {
        ids.accept(NetworkMessages.addressClaim(name, address, "can0", 0));
    }

    /** PGN 127508 from {@code address}: instance, 13.20 V, current (raw), 25 °C. */
    private void status(int address, int instance, int current) {
        ids.accept(n2k(String.format("19F214%02X", address), String.format("%02X%02X%02X%02X%02X%s00", instance, 0x28, 0x05,
                current & 0xFF, current >>> 8, "7774")));
    }

    private void mgCycle(int address, int base) {
        status(address, base, 0xFF85);
        status(address, base + 1, 0x7FFF);
        status(address, base + 2, 0x7FFF);
    }

    @Test
    void anAddressClaimWithCode1160() {
        claim(MG, 0x50);
        assertTrue(ids.isMgMasterLv(0x50));
        assertEquals("address claim with manufacturer code 1160", ids.evidence(0x50));
        assertEquals(MG, ids.name(0x50));
        assertFalse(ids.isMgMasterLv(0x51));
        assertEquals("", ids.evidence(0x51));
        assertNull(ids.name(0x51));
    }

    @Test
    void anotherMakersClaimWinsOverEverythingElse() {
        claim(VICTRON, 0x0A);
        ids.accept(n2k("1CEFFF0A", "6699FF0F2823FFFF"));
        ids.designate(0x0A);
        mgCycle(0x0A, 0);
        assertFalse(ids.isMgMasterLv(0x0A));
        assertEquals("", ids.evidence(0x0A));
    }

    @Test
    void vregTrafficFromTheSource() {
        ids.accept(n2k("1CEFFF50", "6699FF0F2823FFFF")); // VREG 0x0FFF SOC broadcast, guide 1.5.4
        assertTrue(ids.isMgMasterLv(0x50));
        assertEquals("VREG traffic", ids.evidence(0x50));
        ids.accept(n2k("1CEF2051", "6699020002018000")); // an ACK to the requester 0x20
        assertEquals("VREG traffic", ids.evidence(0x51));
    }

    @Test
    void whatAToolSendsIsNotVregTrafficOfADevice() {
        ids.accept(n2k("1CEF5020", "669901000201FFFF")); // request from 0x20 (guide 1.5.4.3)
        ids.accept(n2k("1CEF5021", "669990030A00FFFF")); // a write addressed to 0x50
        ids.accept(n2k("1CEFFF22", "6699FF0F2823FFFF").withDirection(Direction.TX)); // our own frame
        ids.accept(n2k("1CEFFF03", "E5985B07040400")); // Garmin's 0xEF00, not VREG
        ids.accept(n2k("1CEFFF04", "66")); // too short to be one
        for (int a : List.of(0x20, 0x21, 0x22, 0x03, 0x04, 0x50)) {
            assertFalse(ids.isMgMasterLv(a), "address " + a);
        }
    }

    @Test
    void theUsersChoiceAndTakingItBack() {
        status(0x05, 1, 0x0010);
        assertFalse(ids.isMgMasterLv(0x05));
        ids.designate(0x05);
        assertEquals("chosen by the user", ids.evidence(0x05));
        assertEquals(0x05, ids.designated());
        ids.designate(-1);
        assertFalse(ids.isMgMasterLv(0x05));
        assertThrows(IllegalArgumentException.class, () -> ids.designate(254));
        assertThrows(IllegalArgumentException.class, () -> ids.designate(-2));
    }

    @Test
    void theGuidesMarkOnTheCellInstancesAfterThePack() {
        mgCycle(0x51, 32);
        assertTrue(ids.isMgMasterLv(0x51));
        assertEquals("0x7FFF mark on its cell instances", ids.evidence(0x51));
    }

    @Test
    void noMarkWithoutThePackInstanceFirstOrWithARealCurrent() {
        // a lone instance 1 with current not available (a display's battery): not the MG's lowest cells
        for (int i = 0; i < 10; i++) {
            status(0x06, 1, 0x7FFF);
        }
        assertFalse(ids.isMgMasterLv(0x06));
        // a battery bank whose instances 0, 1, 2 are three batteries with currents (a boat's bus)
        status(0x00, 0, 0xFF8F);
        status(0x00, 1, 0x0000);
        status(0x00, 2, 0x7FFF);
        assertFalse(ids.isMgMasterLv(0x00), "instance 1 carried a current: these are not cells");
        status(0x00, 1, 0x7FFF);
        assertFalse(ids.isMgMasterLv(0x00), "once contradicted, the mark is not believed");
    }

    @Test
    void precedenceClaimThenVregThenUserThenMark() {
        mgCycle(0x50, 0);
        assertEquals("0x7FFF mark on its cell instances", ids.evidence(0x50));
        ids.designate(0x50);
        assertEquals("chosen by the user", ids.evidence(0x50));
        ids.accept(n2k("1CEFFF50", "6699FF0F2823FFFF"));
        assertEquals("VREG traffic", ids.evidence(0x50));
        claim(MG, 0x50);
        assertEquals("address claim with manufacturer code 1160", ids.evidence(0x50));
    }

    @Test
    void aLateClaimChangesTheIdentificationAndANewNameForgetsTheOld() {
        mgCycle(0x50, 0);
        assertTrue(ids.isMgMasterLv(0x50));
        long before = ids.version();
        claim(VICTRON, 0x50);
        assertFalse(ids.isMgMasterLv(0x50), "the claim came late and names another maker");
        assertNotEquals(before, ids.version());
        claim(MG, 0x50);
        assertTrue(ids.isMgMasterLv(0x50));
        assertEquals(List.of(), ids.batterySources(), "a new NAME on the address: its batteries are forgotten");
        claim(MG, 0x50);
        assertEquals(MG, ids.name(0x50));
    }

    @Test
    void aNameThatMovesLeavesItsOldAddress() {
        claim(MG, 0x50);
        mgCycle(0x50, 0);
        claim(MG, 0x52);
        assertNull(ids.name(0x50));
        assertFalse(ids.isMgMasterLv(0x50));
        assertTrue(ids.isMgMasterLv(0x52));
        claim(VICTRON, 0x0A);
        ids.accept(NetworkMessages.cannotClaim(VICTRON, "can0", 0));
        assertNull(ids.name(0x0A), "cannot claim: it holds no address any more");
    }

    @Test
    void batterySourcesListEverySenderWithLabelsAndTheMgsPacksOnly() {
        claim(MG, 0x50);
        mgCycle(0x50, 0);
        ids.accept(n2k("19F21250", "000B00000057FF58")); // 127506 frame 0, DC instance 0 (guide 1.5.3.2)
        status(0x0A, 0, 0x0064);
        status(0x0A, 1, 0x0010);
        status(0x0A, 2, 0xFFF0);
        status(0x06, 1, 0x7FFF);
        claim(VICTRON, 0x0A);
        claim(GARMIN_DISPLAY, 0x06);
        claim(GARMIN_DISPLAY, 0x07); // moves: 0x06 is forgotten
        status(0x07, 1, 0x7FFF);
        assertEquals(List.of(
                new BatterySource(0x07, List.of(1), false, "Garmin display", ""),
                new BatterySource(0x0A, List.of(0, 1, 2), false, "Victron Energy battery monitor", ""),
                new BatterySource(0x50, List.of(0), true, "MG Master LV", "address claim with manufacturer code 1160")),
                ids.batterySources());
    }

    @Test
    void instancesOfTheWholeByteRangeAreListedInAscendingOrderOnce() {
        // instance is 127508 byte 0 and 127506 payload byte 1: any of 0..255 (canboat pgns.json, "Instance")
        for (int instance : new int[] {255, 64, 63, 0, 191, 128, 64, 255}) {
            status(0x0A, instance, 0x0064);
        }
        ids.accept(n2k("19F2120A", "000B000500000000")); // 127506 frame 0 of source 0x0A: length 11, SID, DC instance 5
        ids.accept(n2k("19F2120A", "200B009600000000")); // the next sequence: DC instance 150
        assertEquals(List.of(new BatterySource(0x0A, List.of(0, 5, 63, 64, 128, 150, 191, 255), false, null, "")),
                ids.batterySources());
        long v = ids.version();
        status(0x0A, 191, 0x0064);
        assertEquals(v, ids.version(), "an instance seen before");
    }

    @Test
    void theVersionChangesExactlyWhenTheListWould() {
        long v0 = ids.version();
        status(0x0A, 0, 0x0064);
        long v1 = ids.version();
        assertNotEquals(v0, v1);
        status(0x0A, 0, 0x0065);
        assertEquals(v1, ids.version(), "the same instance again");
        status(0x0A, 3, 0x0065);
        assertNotEquals(v1, ids.version(), "a new instance");
        long v2 = ids.version();
        ids.designate(0x0A);
        assertNotEquals(v2, ids.version());
        List<BatterySource> list = ids.batterySources();
        assertTrue(list.get(0).identified());
        assertEquals(list, ids.batterySources());
    }

    @Test
    void aSourceWithoutAClaimHasNoLabelUnlessIdentified() {
        status(0x0A, 0, 0x0064);
        assertNull(ids.label(0x0A));
        claim(IsoName.of(1, 2000, 0, 130, 120, 0, 4, true), 0x0B);
        assertEquals("manufacturer code 2000 display", ids.label(0x0B));
        claim(IsoName.of(1, 229, 0, 0, 0, 0, 4, true), 0x0C);
        assertEquals("Garmin", ids.label(0x0C));
    }
}
