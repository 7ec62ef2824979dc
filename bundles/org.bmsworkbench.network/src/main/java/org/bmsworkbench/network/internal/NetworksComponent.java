package org.bmsworkbench.network.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Device tables of connections: each follows its connection until closed, or until this component stops. */
@Component(name = "org.bmsworkbench.network.tables", service = BusNetworks.class)
public final class NetworksComponent implements BusNetworks {
    private final Set<LiveDeviceTable> open = ConcurrentHashMap.newKeySet();

    @Override
    public DeviceTable follow(Connection connection) {
        LiveDeviceTable table = new LiveDeviceTable(connection, open::remove);
        open.add(table);
        return table;
    }

    @Deactivate
    void deactivate() {
        for (LiveDeviceTable t : Set.copyOf(open)) {
            t.close();
        }
    }
}
