package org.bmsworkbench.network.internal;

import java.util.List;
import java.util.function.Consumer;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;

/**
 * One connection's {@link NetworkTable}, shared by everyone who follows that connection: it is
 * seeded once from the connection's recent frames and fed from then on by its transport thread;
 * it is read from any thread under the table's lock (held for one frame, or for building one
 * listing). It stops when the last follower lets go ({@link #release()}).
 */
final class LiveDeviceTable {
    private final Connection connection;
    private final NetworkTable table = new NetworkTable();
    private final Subscription subscription;
    private final Consumer<LiveDeviceTable> onStop;
    private volatile long version;
    private volatile boolean stopped;
    /** Followers holding it; guarded by the component that shares it. */
    private int followers;

    LiveDeviceTable(Connection connection, Consumer<LiveDeviceTable> onStop) {
        this.connection = connection;
        this.onStop = onStop;
        synchronized (table) {
            for (CanFrame f : connection.recentFrames()) {
                table.accept(f);
            }
            version = table.version();
        }
        this.subscription = connection.subscribe(this::onFrame);
    }

    private void onFrame(CanFrame frame) {
        if (stopped) {
            return;
        }
        synchronized (table) {
            table.accept(frame);
            version = table.version();
        }
    }

    Connection connection() {
        return connection;
    }

    List<BusDevice> devices() {
        synchronized (table) {
            return table.devices();
        }
    }

    List<BatteryReading> batteries() {
        synchronized (table) {
            return table.batteries();
        }
    }

    long version() {
        return version;
    }

    /** One more follower. Under the sharing component's lock. */
    void retain() {
        followers++;
    }

    /** One follower less; the last one stops the table. Under the sharing component's lock. */
    void release() {
        if (--followers > 0 || stopped) {
            return;
        }
        stopped = true;
        subscription.close();
        onStop.accept(this);
    }
}
