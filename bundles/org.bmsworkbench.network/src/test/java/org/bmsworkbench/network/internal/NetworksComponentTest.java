package org.bmsworkbench.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.junit.jupiter.api.Test;

/** Followers of one connection share one table: its recent frames are read once, and it stops with the last. */
class NetworksComponentTest {
    private static final IsoName MG = IsoName.of(1, 1160, 0, 170, 35, 0, 4, true);

    @Test
    void followersShareOneTableWhichStopsWithTheLast() {
        NetworksComponent networks = new NetworksComponent();
        TestBus bus = new TestBus("loop:shared");
        bus.receive(NetworkMessages.addressClaim(MG, 0x50, "can0", 1_000_000));
        DeviceTable first = networks.follow(bus);
        DeviceTable second = networks.follow(bus);
        assertEquals(1, networks.open());
        assertEquals(1, bus.subscribers(), "one subscription for both followers");
        assertEquals(1160, second.devices().get(0).manufacturerCode(), "seeded from the recent frames");
        first.close();
        first.close(); // a second close lets go of nothing more
        assertEquals(1, networks.open());
        bus.receive(NetworkMessages.addressClaim(MG, 0x51, "can0", 2_000_000));
        assertEquals(2, second.devices().size(), "still fed after the other follower left");
        second.close();
        assertEquals(0, networks.open());
        assertEquals(0, bus.subscribers());
    }

    @Test
    void stoppingTheComponentStopsEveryTable() {
        NetworksComponent networks = new NetworksComponent();
        TestBus bus = new TestBus("loop:stop");
        networks.follow(bus);
        networks.follow(bus);
        networks.deactivate();
        assertEquals(0, networks.open());
        assertEquals(0, bus.subscribers());
    }
}
