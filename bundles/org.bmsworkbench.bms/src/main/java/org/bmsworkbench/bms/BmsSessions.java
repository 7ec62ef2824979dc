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
}
