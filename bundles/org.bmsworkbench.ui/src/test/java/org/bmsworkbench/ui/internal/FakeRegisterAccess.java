package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Connection;

/**
 * Register reads answered from a table on a thread of their own, as the VREG service answers on
 * its thread: a register in {@link #values} is read (and {@link #broadcast} gets its values, as the
 * session would decode the BMS's broadcast answer), any other is answered with ACK 0x8000.
 */
final class FakeRegisterAccess implements RegisterAccess {
    final Map<Integer, Map<String, Object>> values;
    final Function<Map<String, Object>, Void> broadcast;
    final List<List<Integer>> asked = new CopyOnWriteArrayList<>();
    /** The options of each call in {@link #asked}: where the requests went. */
    final List<RequestOptions> options = new CopyOnWriteArrayList<>();

    FakeRegisterAccess(Map<Integer, Map<String, Object>> values, Function<Map<String, Object>, Void> broadcast) {
        this.values = values;
        this.broadcast = broadcast;
    }

    @Override
    public RegisterCatalogue catalogue() {
        throw new UnsupportedOperationException("the overview does not need the catalogue");
    }

    @Override
    public RequestOptions defaults() {
        return RequestOptions.DEFAULT;
    }

    @Override
    public CompletableFuture<RegisterResult> read(Connection connection, int register, RequestOptions options) {
        return readAll(connection, List.of(register), options).thenApply(l -> l.get(0));
    }

    @Override
    public CompletableFuture<List<RegisterResult>> readAll(Connection connection, List<Integer> registers, RequestOptions options) {
        asked.add(List.copyOf(registers));
        this.options.add(options);
        return CompletableFuture.supplyAsync(() -> {
            List<RegisterResult> results = new ArrayList<>();
            for (int r : registers) {
                Map<String, Object> v = values.get(r);
                if (v != null) {
                    broadcast.apply(v);
                    results.add(new RegisterResult(r, options.node(), Outcome.OK, null, v, "00", 1, "ok"));
                } else {
                    results.add(new RegisterResult(r, options.node(), Outcome.UNKNOWN_REGISTER, 0x8000, Map.of(), "", 1,
                            String.format("node 0x%02X answered the request for 0x%04X with ACK 0x8000 (unknown register or invalid request)",
                                    options.node(), r)));
                }
            }
            return results;
        });
    }

    @Override
    public CompletableFuture<RegisterResult> write(Connection connection, int register, Number value, RequestOptions options) {
        throw new UnsupportedOperationException("the overview never writes");
    }
}
