package org.bmsworkbench.transport.loopback.internal;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * One named virtual bus: frames sent by a channel go into a bounded queue and are delivered
 * by the bus's own daemon thread ({@code bmswb-loop-NAME}) to every other channel on the bus
 * (and to the sender too when it asked for echo). A full queue drops the frame and tells the
 * sender; sending never blocks.
 */
final class VirtualBus {
    static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    private record Delivery(CanFrame frame, LoopbackChannel sender) {
    }

    private final String name;
    private final BlockingQueue<Delivery> queue;
    private final CopyOnWriteArrayList<LoopbackChannel> channels = new CopyOnWriteArrayList<>();
    private final Thread deliverer;
    private volatile boolean running = true;

    VirtualBus(String name, int queueCapacity) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.deliverer = new Thread(this::deliverLoop, "bmswb-loop-" + name);
        deliverer.setDaemon(true);
        deliverer.start();
    }

    String name() {
        return name;
    }

    void join(LoopbackChannel channel) {
        channels.add(channel);
    }

    /** Removes {@code channel}; true when the bus is now empty. */
    boolean leave(LoopbackChannel channel) {
        channels.remove(channel);
        return channels.isEmpty();
    }

    /** Queues {@code frame} for the others on the bus; false when the queue is full and it was dropped. */
    boolean transmit(CanFrame frame, LoopbackChannel sender) {
        CanFrame onBus = frame;
        if (!onBus.bus().equals(name)) {
            onBus = onBus.withBus(name);
        }
        if (onBus.direction() != Direction.RX) {
            onBus = onBus.withDirection(Direction.RX);
        }
        if (!onBus.hasTimestamp()) {
            onBus = onBus.withTimestamp(nowMicros());
        }
        return queue.offer(new Delivery(onBus, sender));
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private void deliverLoop() {
        while (running) {
            Delivery d;
            try {
                d = queue.take();
            } catch (InterruptedException e) {
                continue; // stop() clears running and interrupts
            }
            for (LoopbackChannel channel : channels) {
                if (channel != d.sender() || d.sender().echo()) {
                    channel.deliver(d.frame());
                }
            }
        }
    }

    /** Stops the delivery thread; frames still queued are discarded. Returns at once. */
    void stop() {
        running = false;
        deliverer.interrupt();
        queue.clear();
    }

    int queueCapacity() {
        return queue.remainingCapacity() + queue.size();
    }
}
