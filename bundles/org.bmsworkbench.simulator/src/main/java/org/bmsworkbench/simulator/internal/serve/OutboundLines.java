package org.bmsworkbench.simulator.internal.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * What a served endpoint writes to one peer, on a writer thread of its own, so that a peer
 * that does not read never blocks the device: answers to the peer's commands are always
 * queued, frames only while fewer than {@code frameCapacity} are waiting — beyond that they
 * are dropped, as an adapter's buffer overflows. A write failure ends the writer and is
 * reported once (unless the endpoint closed it).
 */
final class OutboundLines implements AutoCloseable {
    private final OutputStream out;
    private final int frameCapacity;
    private final Consumer<IOException> onFailure;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Thread writer;
    private int framesQueued;
    private boolean writing;
    private boolean closed;

    OutboundLines(OutputStream out, int frameCapacity, String threadName, Consumer<IOException> onFailure) {
        this.out = out;
        this.frameCapacity = frameCapacity;
        this.onFailure = onFailure;
        this.writer = new Thread(this::writeLoop, threadName);
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    /** Queues an answer to the peer; never refused while open. */
    synchronized void reply(byte[] bytes) {
        if (!closed && bytes.length > 0) {
            queue.add(new Pending(bytes, false));
            notifyAll();
        }
    }

    /** Queues a frame line; false (dropped) when the peer is that far behind or the writer ended. */
    synchronized boolean offerFrame(byte[] bytes) {
        if (closed || framesQueued >= frameCapacity) {
            return false;
        }
        framesQueued++;
        queue.add(new Pending(bytes, true));
        notifyAll();
        return true;
    }

    private void writeLoop() {
        try {
            while (true) {
                Pending next;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    next = queue.poll();
                    if (next.frame()) {
                        framesQueued--;
                    }
                    writing = true;
                }
                out.write(next.bytes());
                out.flush();
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            boolean report;
            synchronized (this) {
                report = !closed;
                closed = true;
                queue.clear();
            }
            if (report) {
                onFailure.accept(e);
            }
        }
    }

    /** Waits (at most {@code millis}) until everything queued so far is written, or the writer ended. */
    void awaitDrained(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (this) {
            try {
                while ((writing || !queue.isEmpty()) && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    wait(Math.max(1, left / 1_000_000L));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the writer (what is still queued is dropped), waits briefly for it, closes the stream. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            notifyAll();
        }
        writer.interrupt();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    private record Pending(byte[] bytes, boolean frame) {
    }
}
