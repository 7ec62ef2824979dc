package org.bmsworkbench.bms;

import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/** Attaches live decoding to connections. */
@ProviderType
public interface BmsSessions {

    /**
     * Starts decoding {@code connection} into a new model.
     *
     * @param protocol a protocol id (need not be installed yet) or {@code auto}
     */
    BmsSession attach(Connection connection, String protocol);

    /**
     * Starts decoding {@code connection}, following the device at {@code device} on a bus of
     * many (see {@link BmsSession#follow}); null chooses automatically.
     */
    default BmsSession attach(Connection connection, String protocol, Integer device) {
        BmsSession session = attach(connection, protocol);
        if (device != null) {
            session.follow(device, null);
        }
        return session;
    }
}
