package org.bmsworkbench.service.unlock.internal;

import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.can.Connection;

/**
 * Where the unlock code goes on a connection: the BMS's address and the workbench's own, which on
 * a bus of many devices is claimed first (nothing is sent before).
 */
@FunctionalInterface
interface CodeRoute {

    /** The addresses, or a failure whose message says why nothing can be sent. */
    CompletableFuture<Addresses> resolve(Connection connection);

    /** @param node the BMS's address; @param source ours */
    record Addresses(int node, int source) {
    }

    static CodeRoute fixed(int node, int source) {
        return c -> CompletableFuture.completedFuture(new Addresses(node, source));
    }
}
