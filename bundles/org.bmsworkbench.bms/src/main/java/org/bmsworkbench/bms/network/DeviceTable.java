package org.bmsworkbench.bms.network;

import java.util.List;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live table of the devices on one connection, kept from every frame received and sent.
 * Thread-safe; readers poll {@link #version()} and redraw when it changed.
 */
@ProviderType
public interface DeviceTable extends AutoCloseable {

    Connection connection();

    /**
     * The devices seen, sorted by address (11-bit buses: by role), the workbench's own entry
     * ({@link BusDevice#self()}) included once it holds an address.
     */
    List<BusDevice> devices();

    /** Every battery (source, instance) seen, sorted by source then instance. */
    List<BatteryReading> batteries();

    /** Increases with every change of the table. */
    long version();

    /** Stops following the connection (the connection stays open). */
    @Override
    void close();
}
