package org.bmsworkbench.ui.network.internal;

import static org.bmsworkbench.ui.network.internal.BoatNetwork.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.network.BusDevice;
import org.junit.jupiter.api.Test;

/** How the Network view's cells read, on the hand-written {@link BoatNetwork}. */
class NetworkRowsTest {

    @Test
    void addressesReadInDecimalAndHex() {
        assertEquals("80 (0x50)", NetworkRows.address(80));
        assertEquals("0 (0x00)", NetworkRows.address(0));
        assertEquals("253 (0xFD)", NetworkRows.address(253));
        assertEquals("—", NetworkRows.address(null));
    }

    @Test
    void manufacturersReadWithTheirCode() {
        assertEquals("MG Energy Systems B.V. (1160)", NetworkRows.manufacturer("MG Energy Systems B.V.", 1160));
        assertEquals("code 2047", NetworkRows.manufacturer(null, 2047));
        assertEquals("—", NetworkRows.manufacturer(null, null));
    }

    @Test
    void batteryPgnsAndTheAddressClaimComeFirstTheRestAreCounted() {
        // the MG Master LV: 127508 Battery Status, 127506 DC Detailed Status, 60928 Address Claim, then
        // 59904 ISO Request, 61184 (VREG), 126993 Heartbeat, 126996 Product Information
        assertEquals("127508, 127506, 60928 +4", NetworkRows.pgns(BoatNetwork.mg(true).pgns()));
        assertEquals("60928, 126993, 126996", NetworkRows.pgns(BoatNetwork.display().pgns()));
        assertEquals("60928, 59904, 126996 +1", NetworkRows.pgns(List.of(130306, 126996, 60928, 59904)));
        assertEquals("—", NetworkRows.pgns(List.of()));
        assertEquals("0x351, 0x355, 0x356 +3", NetworkRows.canIds(List.of(0x35F, 0x351, 0x356, 0x355, 0x35A, 0x35E)));
    }

    @Test
    void aDeviceWithoutARoleReadsAsItsClassAndFunction() {
        BusDevice unknown = new BusDevice(0x40, null, null, 999, null, 75, 130, null, null, null, List.of(130306),
                List.of(), T0, false, false);
        assertEquals("class 75/130", NetworkRows.role(unknown));
        assertEquals("code 999", NetworkRows.devices(List.of(unknown), DeviceChoice.NONE, T0).get(0)
                .cell(NetworkRows.DEVICE_MANUFACTURER));
        assertEquals("battery", NetworkRows.role(BoatNetwork.victron()));
    }

    @Test
    void theWorkbenchAndTheFollowedBmsAreMarked() {
        List<NetworkRows.Row> rows = NetworkRows.devices(BoatNetwork.devices(true), BoatNetwork.followingMg(), T0);
        assertEquals(List.of("", NetworkRows.SELF, "", "followed BMS"),
                rows.stream().map(r -> r.cell(NetworkRows.DEVICE_MARK)).toList());
        assertEquals(List.of(NetworkRows.Style.PLAIN, NetworkRows.Style.SELF, NetworkRows.Style.PLAIN,
                NetworkRows.Style.FOLLOWED), rows.stream().map(NetworkRows.Row::style).toList());
        NetworkRows.Row mg = rows.get(3);
        assertEquals("80 (0x50)", mg.cell(NetworkRows.DEVICE_ADDRESS));
        assertEquals("MG Energy Systems B.V. (1160)", mg.cell(NetworkRows.DEVICE_MANUFACTURER));
        assertEquals("bms", mg.cell(NetworkRows.DEVICE_ROLE));
        assertEquals("0 s ago", mg.cell(NetworkRows.DEVICE_SEEN));
        assertEquals("3 s ago", rows.get(0).cell(NetworkRows.DEVICE_SEEN));
    }

    @Test
    void aBatteryIsFollowedByItsSourceAndInstance() {
        List<NetworkRows.Row> mg = NetworkRows.batteries(BoatNetwork.batteries(true), BoatNetwork.devices(true),
                BoatNetwork.followingMg(), T0);
        assertEquals(List.of("", "", "followed, MG Master LV pack"), mg.stream().map(r -> r.cell(NetworkRows.BATTERY_MARK)).toList());
        List<NetworkRows.Row> user = NetworkRows.batteries(BoatNetwork.batteries(true), BoatNetwork.devices(true),
                BoatNetwork.userChoseVictron1(), T0);
        assertEquals(List.of("", "followed (your choice)", "MG Master LV pack"),
                user.stream().map(r -> r.cell(NetworkRows.BATTERY_MARK)).toList());
        List<NetworkRows.Row> none = NetworkRows.batteries(BoatNetwork.batteries(false), BoatNetwork.devices(false),
                BoatNetwork.ambiguous(), T0);
        assertEquals(List.of("", "", ""), none.stream().map(r -> r.cell(NetworkRows.BATTERY_MARK)).toList());
        // an 11-bit bus follows everything, but no (source, instance) is "the" followed one
        assertEquals(List.of("", "", "MG Master LV pack"), NetworkRows.batteries(BoatNetwork.batteries(true),
                BoatNetwork.devices(true), DeviceChoice.NONE, T0).stream().map(r -> r.cell(NetworkRows.BATTERY_MARK)).toList());
    }

    @Test
    void batteryValuesReadWithUnitsAndMissingOnesAsADash() {
        NetworkRows.Row r = NetworkRows.batteries(BoatNetwork.batteries(true), BoatNetwork.devices(true),
                BoatNetwork.followingMg(), T0).get(2);
        assertEquals(List.of("80 (0x50)", "MG Energy Systems B.V. · MG Master LV", "32", "26.54 V", "-12.3 A", "25.0 °C", "87 %", "0 s ago"),
                r.cells().subList(NetworkRows.BATTERY_SOURCE, NetworkRows.BATTERY_SEEN + 1));
        NetworkRows.Row starter = NetworkRows.batteries(BoatNetwork.batteries(true), List.of(), BoatNetwork.followingMg(), T0).get(1);
        assertEquals(List.of("—", "1", "12.61 V", "—", "—", "—"),
                starter.cells().subList(NetworkRows.BATTERY_DEVICE, NetworkRows.BATTERY_SOC + 1));
    }

    @Test
    void agesCountSecondsThenMinutesThenHours() {
        assertEquals("0 s ago", NetworkRows.age(T0, T0 + 999_999));
        assertEquals("119 s ago", NetworkRows.age(T0, T0 + 119_000_000));
        assertEquals("2 min ago", NetworkRows.age(T0, T0 + 120_000_000));
        assertEquals("2 h ago", NetworkRows.age(T0, T0 + 7_200_000_000L));
        assertEquals("0 s ago", NetworkRows.age(T0, T0 - 5_000_000)); // a frame stamped ahead of the clock
        assertEquals("—", NetworkRows.age(0, T0));
    }

    @Test
    void theChoiceLineSaysWhatIsFollowedOrAsksTheUserToChoose() {
        assertEquals("Following " + BoatNetwork.MG_REASON + ".", NetworkRows.choiceLine(BoatNetwork.followingMg(), List.of()));
        assertEquals("Choose one: 2 battery senders on the bus (48, 80), none identified as the BMS."
                + " Select the BMS below and press Follow (or double-click it).",
                NetworkRows.choiceLine(BoatNetwork.ambiguous(), List.of()));
        DeviceChoice twoMgs = new DeviceChoice(null, null, false, true,
                "2 MG Master LVs on the bus (80, 81): choose one with --device ADDR", List.of());
        assertEquals("Choose one: 2 MG Master LVs on the bus (80, 81). Select the BMS below and press Follow"
                + " (or double-click it).", NetworkRows.choiceLine(twoMgs, List.of()));
        BusDevice bms = new BusDevice(null, "bms", null, null, null, null, null, "MG-LV", null, null, List.of(),
                List.of(0x351, 0x355), T0, false, true);
        assertEquals("Following the BMS of this 11-bit bus: its devices have no addresses, every battery message is the BMS's.",
                NetworkRows.choiceLine(DeviceChoice.NONE, List.of(bms)));
        assertEquals("No battery sender seen yet: the session takes every battery message.",
                NetworkRows.choiceLine(DeviceChoice.NONE, List.of(BoatNetwork.workbench())));
    }

    @Test
    void theDetailLineListsTheNameAndEveryPgn() {
        assertEquals("Address 32 (0x20) · NAME 0xC0F082001CA04455 · device class 120, function 130 · PGNs 60928, 126993, 126996",
                NetworkRows.detail(BoatNetwork.display()));
    }
}
