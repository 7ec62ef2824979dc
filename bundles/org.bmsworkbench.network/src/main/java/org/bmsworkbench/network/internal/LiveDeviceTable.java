package org.bmsworkbench.network.internal;

import java.util.List;
import java.util.function.Consumer;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;

/**
 * A {@link NetworkTable} fed by one connection's frames on its transport thread, read from any
 * thread under the table's lock (held for one frame, or for building one listing).
 */
final class LiveDeviceTable implements DeviceTable {
    private final Connection connection;
    private final NetworkTable table = new NetworkTable();
    private final Subscription subscription;
    private final Consumer<LiveDeviceTable> onClose;
    private volatile long version;
    private volatile boolean closed;

    LiveDeviceTable(Connection connection, Consumer<LiveDeviceTable> onClose) {
        this.connection = connection;
        this.onClose = onClose;
        synchronized (table) {
            for (CanFrame f : connection.recentFrames()) {
                table.accept(f);
            }
            version = table.version();
        }
        this.subscription = connection.subscribe(this::onFrame);
    }

    private void onFrame(CanFrame frame) {
        if (closed) {
            return;
        }
        synchronized (table) {
            table.accept(frame);
            version = table.version();
        }
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public List<BusDevice> devices() {
        synchronized (table) {
            return table.devices();
        }
    }

    @Override
    public List<BatteryReading> batteries() {
        synchronized (table) {
            return table.batteries();
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.close();
        onClose.accept(this);
    }
}
