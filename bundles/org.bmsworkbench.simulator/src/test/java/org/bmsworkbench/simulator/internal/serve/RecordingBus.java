package org.bmsworkbench.simulator.internal.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.can.CanFrame;

/** A served endpoint's bus that records what it is told, and waiting on conditions (never on time). */
final class RecordingBus implements ServedEndpoint.Bus {
    final List<CanFrame> fromPeers = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    public void fromPeer(CanFrame frame) {
        fromPeers.add(frame);
    }

    @Override
    public void event(String line) {
        events.add(line);
    }

    @Override
    public void failed(String reason) {
        failures.add(reason);
    }

    /** Waits until the condition holds; fails after 20 s (a limit for a hung test, not a timing assertion). */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
