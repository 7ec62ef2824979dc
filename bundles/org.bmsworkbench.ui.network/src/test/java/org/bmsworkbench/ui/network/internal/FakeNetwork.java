package org.bmsworkbench.ui.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;

/**
 * A {@link BusNetworks} whose tables hold what the test puts in them: every table it opened is in
 * {@link #opened}, and each counts how often it was read and whether it was closed.
 */
final class FakeNetwork implements BusNetworks {
    final List<Table> opened = new CopyOnWriteArrayList<>();
    private volatile List<BusDevice> devices = List.of();
    private volatile List<BatteryReading> batteries = List.of();

    /** Puts these devices and batteries in every table, now and later (each table's version moves on). */
    void set(List<BusDevice> newDevices, List<BatteryReading> newBatteries) {
        devices = List.copyOf(newDevices);
        batteries = List.copyOf(newBatteries);
        opened.forEach(t -> t.version.incrementAndGet());
    }

    /** The table opened last. */
    Table last() {
        return opened.get(opened.size() - 1);
    }

    @Override
    public DeviceTable follow(Connection connection) {
        Table t = new Table(connection);
        opened.add(t);
        return t;
    }

    final class Table implements DeviceTable {
        final Connection connection;
        final AtomicLong version = new AtomicLong(1);
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean closed;

        Table(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public List<BusDevice> devices() {
            reads.incrementAndGet();
            return new ArrayList<>(devices);
        }

        @Override
        public List<BatteryReading> batteries() {
            return new ArrayList<>(batteries);
        }

        @Override
        public long version() {
            return version.get();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
