package org.bmsworkbench.cli.internal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.cli.CommandFailure;

/**
 * Finds the address of the BMS a command sends to on a bus of many devices, when the user gave
 * none: it asks every device for its address claim (which first claims the workbench's own
 * address) and watches the traffic until the MG Master LV is identified — by its claim with
 * manufacturer code 1160, its VREG traffic or the mark on its cell instances. One found is the
 * answer; several, or none within the wait, is a failure that says what to do.
 */
public final class BmsLocator {
    /** After the request went out, how long answers are awaited before deciding. */
    static final long ANSWER_MILLIS = 400;

    private BmsLocator() {
    }

    public static int locate(Connection connection, BusNetworks networks, BusPresence presence, Duration wait)
            throws CommandFailure, InterruptedException {
        try (DeviceTable table = networks.follow(connection)) {
            CompletableFuture<Void> asked = connection.listenOnly() ? CompletableFuture.completedFuture(null)
                    : presence.request(connection, 60928, 0xFF);
            long start = System.nanoTime();
            long deadline = start + wait.toNanos();
            long askedAt = -1;
            List<BusDevice> found = List.of();
            while (System.nanoTime() < deadline) {
                found = bmses(table);
                if (asked.isDone() && askedAt < 0) {
                    askedAt = System.nanoTime();
                }
                boolean answered = askedAt >= 0 && System.nanoTime() - askedAt > ANSWER_MILLIS * 1_000_000;
                if (found.size() == 1 && answered || found.size() > 1 && answered) {
                    break;
                }
                Thread.sleep(20);
            }
            if (found.size() == 1) {
                return found.get(0).address();
            }
            if (found.size() > 1) {
                throw new CommandFailure(found.size() + " MG Master LVs on the bus (" + found.stream()
                        .map(d -> String.valueOf(d.address())).collect(Collectors.joining(", "))
                        + "): choose one with --device ADDR");
            }
            String why = asked.isCompletedExceptionally() ? "; the workbench could not ask: " + failure(asked) : "";
            throw new CommandFailure("no MG Master LV identified on " + connection.uri() + " within "
                    + wait.toMillis() / 1000.0 + " s (no address claim with manufacturer code 1160, no VREG traffic)"
                    + why + "; give its address with --device ADDR");
        }
    }

    private static List<BusDevice> bmses(DeviceTable table) {
        List<BusDevice> list = new ArrayList<>();
        for (BusDevice d : table.devices()) {
            if (d.bms() && d.address() != null && !d.self()) {
                list.add(d);
            }
        }
        return list;
    }

    private static String failure(CompletableFuture<Void> f) {
        try {
            f.join();
            return "";
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        }
    }
}
