package org.bmsworkbench.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;
import org.junit.jupiter.api.Test;

/**
 * The device table from frames written out by hand: PGN 127508 (guide 1.5.3.1: instance, voltage
 * 0.01 V, current 0.1 A, temperature 0.01 K, SID), the address claim (ISO 11783-5), product
 * information as a fast packet, and 11-bit SMA frames beside an inverter's.
 */
class NetworkTableTest {
    private static final IsoName MG = IsoName.of(1, 1160, 0, 170, 35, 0, 4, true);
    private static final IsoName MONITOR = IsoName.of(2, 358, 0, 170, 35, 0, 4, true);

    private static CanFrame frame(long t, int id, String hex) {
        return CanFrame.of(t, "can0", id, true, HexFormat.of().parseHex(hex));
    }

    @Test
    void listsEachAddressWithItsClaimProductAndBatteries() throws Exception {
        NetworkTable table = new NetworkTable();
        table.accept(NetworkMessages.addressClaim(MG, 0x50, "can0", 1_000_000));
        table.accept(NetworkMessages.addressClaim(MONITOR, 0x41, "can0", 1_000_000));
        // MG at base 0: pack 26.54 V -12.3 A 25.0 °C; lowest cells 3.30 V with field 3 0x7FFF
        table.accept(frame(2_000_000, 0x19F21450, "005E0A85FF77740A"));
        table.accept(frame(2_000_000, 0x19F21450, "014A01FF7F77740A"));
        // the monitor's two batteries: 12.80 V +5.0 A and 25.60 V -1.0 A
        table.accept(frame(3_000_000, 0x19F21441, "0000053200FFFFFF"));
        table.accept(frame(3_000_000, 0x19F21441, "01000AF6FFFFFFFF"));
        ProductInformation info = new ProductInformation(2100, 1234, "MG Master LV", "1.04", "A", "HQ2107ABCDE", 1, 2);
        int id = 0x19F01450;
        for (byte[] data : new FastPacketEncoder().encode(0x50, NetworkMessages.PRODUCT_INFORMATION, info.toBytes())) {
            table.accept(CanFrame.of(4_000_000, "can0", id, true, data));
        }

        List<BusDevice> devices = table.devices();
        assertEquals(List.of(0x41, 0x50), devices.stream().map(BusDevice::address).toList());
        BusDevice mg = devices.get(1);
        assertTrue(mg.bms());
        assertEquals("bms", mg.role());
        assertEquals(1160, mg.manufacturerCode());
        assertEquals("MG Master LV", mg.model());
        assertEquals("1.04", mg.software());
        assertEquals("HQ2107ABCDE", mg.serial());
        assertTrue(mg.pgns().containsAll(List.of(60928, 126996, 127508)));
        assertEquals(4_000_000, mg.lastSeenMicros());
        BusDevice monitor = devices.get(0);
        assertFalse(monitor.bms());
        assertEquals(358, monitor.manufacturerCode());
        assertEquals("battery", monitor.role());

        List<BatteryReading> batteries = table.batteries();
        assertEquals(3, batteries.size(), "the MG's pack and the monitor's two batteries, not the MG's cell instance");
        BatteryReading house = batteries.get(0);
        assertEquals(0x41, house.source());
        assertEquals(0, house.instance());
        assertEquals(12.8, house.voltage());
        assertEquals(5.0, house.current());
        assertNull(house.temperature());
        assertEquals(-1.0, batteries.get(1).current());
        BatteryReading pack = batteries.get(2);
        assertTrue(pack.mgMasterLv());
        assertEquals(26.54, pack.voltage());
        assertEquals(-12.3, pack.current());
        assertEquals(25.0, pack.temperature());
    }

    @Test
    void aNewNameOnAnAddressForgetsTheOldDevice() {
        NetworkTable table = new NetworkTable();
        table.accept(NetworkMessages.addressClaim(MG, 0x50, "can0", 1_000_000));
        table.accept(frame(2_000_000, 0x19F21450, "005E0A85FF77740A"));
        table.accept(NetworkMessages.addressClaim(MONITOR, 0x50, "can0", 3_000_000));
        BusDevice d = table.devices().get(0);
        assertEquals(358, d.manufacturerCode());
        assertEquals(List.of(60928), d.pgns());
        assertTrue(table.batteries().isEmpty());
    }

    @Test
    void marksTheWorkbenchByTheFramesItSent() {
        NetworkTable table = new NetworkTable();
        table.accept(NetworkMessages.addressClaim(WorkbenchName.of(5), 0x21, "can0", 1_000_000)
                .withDirection(Direction.TX));
        BusDevice self = table.devices().get(0);
        assertTrue(self.self());
        assertEquals("workbench", self.role());
        assertEquals(WorkbenchName.MANUFACTURER_CODE, self.manufacturerCode());
    }

    @Test
    void namesTheBmsAndTheInverterOfAnElevenBitBus() {
        NetworkTable table = new NetworkTable();
        table.accept(CanFrame.of(1, "can0", 0x35E, false, "MG-BMS".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        table.accept(CanFrame.of(2, "can0", 0x356, false, new byte[] {0x14, 0x15, 0, 0, 0, 0}));
        table.accept(CanFrame.of(3, "can0", 0x305, false, new byte[8]));
        table.accept(CanFrame.of(4, "can0", 0x307, false, new byte[] {0x12, 0x34, 0x56, 0x78, 'V', 'I', 'C', 0}));
        List<BusDevice> devices = table.devices();
        assertEquals(List.of("bms", "inverter"), devices.stream().map(BusDevice::role).toList());
        BusDevice bms = devices.get(0);
        assertNull(bms.address());
        assertEquals("MG-BMS", bms.manufacturer());
        assertEquals(List.of(0x356, 0x35E), bms.canIds());
        assertTrue(bms.bms());
        assertEquals(List.of(0x305, 0x307), devices.get(1).canIds());
        assertFalse(devices.get(1).bms());
    }
}
