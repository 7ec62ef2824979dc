package org.bmsworkbench.network.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Device tables of connections: one table per connection, shared by all who follow it, so the
 * connection's recent frames are read once (when the first follower comes), not for every
 * follower; it stops with its last follower, or when this component stops.
 */
@Component(name = "org.bmsworkbench.network.tables", service = BusNetworks.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class NetworksComponent implements BusNetworks {
    /** Guarded by this. */
    private final Map<Connection, LiveDeviceTable> tables = new HashMap<>();

    @Override
    public synchronized DeviceTable follow(Connection connection) {
        LiveDeviceTable table = tables.computeIfAbsent(connection, c -> new LiveDeviceTable(c, this::stopped));
        table.retain();
        return new Follower(table);
    }

    /** Under this (called from {@link LiveDeviceTable#release()}). */
    private void stopped(LiveDeviceTable table) {
        tables.remove(table.connection(), table);
    }

    private synchronized void release(LiveDeviceTable table) {
        table.release();
    }

    /** Open tables, for tests. */
    synchronized int open() {
        return tables.size();
    }

    @Deactivate
    synchronized void deactivate() {
        for (LiveDeviceTable t : List.copyOf(tables.values())) {
            while (tables.get(t.connection()) == t) {
                t.release();
            }
        }
    }

    /** One follower's view of a shared table; closing it lets go of the table once. */
    private final class Follower implements DeviceTable {
        private final LiveDeviceTable table;
        private boolean closed;

        Follower(LiveDeviceTable table) {
            this.table = table;
        }

        @Override
        public Connection connection() {
            return table.connection();
        }

        @Override
        public List<BusDevice> devices() {
            return table.devices();
        }

        @Override
        public List<BatteryReading> batteries() {
            return table.batteries();
        }

        @Override
        public long version() {
            return table.version();
        }

        @Override
        public void close() {
            synchronized (NetworksComponent.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(table);
        }
    }
}
