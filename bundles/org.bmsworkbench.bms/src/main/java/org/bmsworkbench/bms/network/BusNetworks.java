package org.bmsworkbench.bms.network;

import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/** Keeps device tables of connections. A service. */
@ProviderType
public interface BusNetworks {

    /**
     * A new table following {@code connection} from now on, seeded with its recent frames;
     * close it when done.
     */
    DeviceTable follow(Connection connection);
}
