package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanFrame;

/** A raw socket in memory: the test queues frames or a failure; sent frames are kept. */
final class FakeRawSocket implements RawSocket {
    private static final Object FAIL = new Object();
    private final BlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger dropped = new AtomicInteger();
    volatile boolean closed;
    private volatile String failure;

    void deliver(CanFrame frame) {
        incoming.add(frame);
    }

    /** The next receive throws, as when the interface goes down (ENETDOWN). */
    void fail(String message) {
        failure = message;
        incoming.add(FAIL);
    }

    @Override
    public CanFrame receive() throws IOException {
        Object next;
        try {
            next = incoming.poll(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return null;
        }
        if (next == FAIL) {
            throw new IOException(failure);
        }
        return (CanFrame) next;
    }

    @Override
    public void send(CanFrame frame) {
        sent.add(frame);
    }

    @Override
    public int takeDropped() {
        return dropped.getAndSet(0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
