package org.bmsworkbench.ui.network.internal;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.can.Connection;

/** A presence that records the requests and answers at once from address 0x21. */
final class FakePresence implements BusPresence {
    final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Integer> claim(Connection c, int preferred) {
        return CompletableFuture.completedFuture(0x21);
    }

    @Override
    public OptionalInt claimedAddress(Connection c) {
        return OptionalInt.of(0x21);
    }

    @Override
    public long name() {
        return 1;
    }

    @Override
    public CompletableFuture<Void> request(Connection c, int pgn, int destination) {
        requests.add(pgn + "->" + destination);
        return CompletableFuture.completedFuture(null);
    }
}
