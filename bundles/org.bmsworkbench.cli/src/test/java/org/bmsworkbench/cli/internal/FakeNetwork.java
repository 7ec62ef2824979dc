package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;

/** A bus network set by the test: the devices every table lists, and a presence that claims at once. */
final class FakeNetwork implements BusNetworks, BusPresence {
    final List<BusDevice> devices = new CopyOnWriteArrayList<>();
    final List<BatteryReading> batteries = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int claimed = 0x21;

    static BusDevice device(int address, int manufacturerCode, String manufacturer, boolean bms, boolean self) {
        return new BusDevice(address, bms ? "bms" : self ? "workbench" : "battery", 0x80001234L + address,
                manufacturerCode, manufacturer, 35, 170, bms ? "MG Master LV" : null, bms ? "1.04" : null,
                bms ? "HQ2107ABCDE" : null, List.of(60928, 127508), List.of(), 1_600_000_000_500_000L, self, bms);
    }

    FakeNetwork withMg(int address) {
        devices.add(device(address, 1160, "MG Energy Systems", true, false));
        return this;
    }

    @Override
    public DeviceTable follow(Connection connection) {
        return new DeviceTable() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public List<BusDevice> devices() {
                return new ArrayList<>(devices);
            }

            @Override
            public List<BatteryReading> batteries() {
                return new ArrayList<>(batteries);
            }

            @Override
            public long version() {
                return devices.size();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public CompletableFuture<Integer> claim(Connection connection, int preferred) {
        return CompletableFuture.completedFuture(claimed);
    }

    @Override
    public OptionalInt claimedAddress(Connection connection) {
        return OptionalInt.of(claimed);
    }

    @Override
    public long name() {
        return 0xA00A0000_00000001L;
    }

    @Override
    public CompletableFuture<Void> request(Connection connection, int pgn, int destination) {
        requests.add(pgn + "->" + destination);
        return CompletableFuture.completedFuture(null);
    }
}
