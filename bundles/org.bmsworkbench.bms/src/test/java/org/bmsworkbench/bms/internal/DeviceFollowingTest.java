package org.bmsworkbench.bms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Which battery a live session's model follows on a bus of many (docs/SIGNALS.md "Other devices on
 * the bus"): the user's, else the identified BMS, else the only sender; never a guess.
 */
class DeviceFollowingTest {
    /** A protocol session whose battery senders the test sets. */
    static final class Sources implements MultiDeviceSession {
        final List<BatterySource> sources = new ArrayList<>();
        long version;
        int designated = -1;

        Sources add(int address, boolean identified, Integer... instances) {
            sources.add(new BatterySource(address, List.of(instances), identified,
                    identified ? "MG Master LV" : null, identified ? "address claim with manufacturer code 1160" : ""));
            version++;
            return this;
        }

        @Override
        public List<BatterySource> batterySources() {
            return List.copyOf(sources);
        }

        @Override
        public long sourcesVersion() {
            return version;
        }

        @Override
        public void designate(int address) {
            designated = address;
        }

        @Override
        public DecodedMessage decode(CanFrame frame) {
            return null;
        }

        @Override
        public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
            return List.of();
        }
    }

    @Test
    void followsTheIdentifiedBmsAmongOtherBatteries() {
        DeviceFollowing f = new DeviceFollowing();
        Sources s = new Sources().add(0x41, false, 0, 1).add(0x50, true, 32);
        f.update(s);
        DeviceChoice c = f.current();
        assertEquals(0x50, c.address());
        assertNull(c.instance());
        assertFalse(c.ambiguous());
        assertEquals("MG Master LV at 80 (address claim with manufacturer code 1160)", c.reason());
        assertTrue(c.follows(0x50, 33));
        assertFalse(c.follows(0x41, 0));
        assertTrue(c.follows(null, null), "11-bit and sourceless messages always apply");
    }

    @Test
    void theOnlySenderIsFollowedAtItsLowestInstance() {
        DeviceFollowing f = new DeviceFollowing();
        f.update(new Sources().add(0, false, 0, 1, 2, 3));
        DeviceChoice c = f.current();
        assertEquals(0, c.address());
        assertEquals(0, c.instance());
        assertTrue(c.follows(0, 0));
        assertFalse(c.follows(0, 1), "instance 1 is another battery");
    }

    @Test
    void severalUnidentifiedSendersAreAmbiguousAndNothingIsFollowed() {
        DeviceFollowing f = new DeviceFollowing();
        f.update(new Sources().add(4, false, 0).add(5, false, 0).add(60, false, 1));
        DeviceChoice c = f.current();
        assertTrue(c.ambiguous());
        assertNull(c.address());
        assertEquals("3 battery senders on the bus (4, 5, 60), none identified as the BMS: choose one with --device ADDR",
                c.reason());
        assertFalse(c.follows(4, 0));
        assertFalse(c.follows(60, 1));
    }

    @Test
    void theUsersChoiceWinsAndChangingTheDeviceAsksForAClearedModel() {
        DeviceFollowing f = new DeviceFollowing();
        Sources s = new Sources().add(0x41, false, 0, 1).add(0x50, true, 0);
        f.update(s);
        f.follow(0x41, 1);
        assertTrue(f.update(s), "another device: the model must forget the old one's values");
        DeviceChoice c = f.current();
        assertEquals(0x41, c.address());
        assertEquals(1, c.instance());
        assertTrue(c.byUser());
        f.follow(null, null);
        assertTrue(f.update(s));
        assertEquals(0x50, f.current().address());
        assertFalse(f.update(s), "nothing changed");
    }

    @Test
    void nothingSeenYetFollowsEverything() {
        DeviceFollowing f = new DeviceFollowing();
        f.update(new Sources());
        assertEquals(DeviceChoice.NONE, f.current());
        assertTrue(f.current().follows(0x50, null));
    }
}
