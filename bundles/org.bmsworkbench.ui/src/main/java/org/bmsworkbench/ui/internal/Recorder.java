package org.bmsworkbench.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;

/**
 * File → Record: every frame of a connection written to a candump {@code -L} log, or ASC, TRC or BLF when
 * the file ends in {@code .asc}, {@code .trc} or {@code .blf}. The transport thread only queues the frame; the thread
 * {@code bmswb-ui-recorder} writes and flushes at least every {@value #FLUSH_MILLIS} ms, so a
 * crash loses less than a second. A BLF file gets its complete header (object count, sizes, stop
 * time) when recording stops. A full queue drops frames and counts them.
 */
final class Recorder implements AutoCloseable {
    static final long FLUSH_MILLIS = 500;
    private static final int QUEUE_CAPACITY = 1 << 17;

    private final Path file;
    private final CanLogWriter writer;
    private final BlockingQueue<CanFrame> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Subscription subscription;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile String failure;

    private Recorder(Path file, CanLogWriter writer, Connection connection) {
        this.file = file;
        this.writer = writer;
        this.thread = new Thread(this::drain, "bmswb-ui-recorder");
        thread.setDaemon(true);
        thread.start();
        this.subscription = connection.subscribe(f -> {
            if (!queue.offer(f)) {
                dropped.incrementAndGet();
            }
        });
    }

    /**
     * Starts recording; {@code file} is replaced if it exists. A serial line (its channel offers
     * {@code StreamLink}) is written as a serial trace, whatever the extension.
     */
    static Recorder start(Connection connection, Path file) throws IOException {
        boolean byteStream = connection.control(org.bmsworkbench.can.StreamLink.class).isPresent();
        return new Recorder(file, CanLogs.writer(file, LogFormat.forWriting(file, byteStream)), connection);
    }

    private void drain() {
        long lastFlush = System.nanoTime();
        try {
            while (!stopping || !queue.isEmpty()) {
                CanFrame f = queue.poll(100, TimeUnit.MILLISECONDS);
                if (f != null) {
                    writer.write(f);
                }
                if (System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS)) {
                    writer.flush();
                    lastFlush = System.nanoTime();
                }
            }
        } catch (IOException e) {
            failure = "recording to " + file.getFileName() + " stopped: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path file() {
        return file;
    }

    long framesWritten() {
        return writer.framesWritten();
    }

    long dropped() {
        return dropped.get();
    }

    /** Why recording stopped on its own, or null. */
    String failure() {
        return failure;
    }

    /** For the status bar: "● REC bench.log 12,345 frames". */
    String statusText() {
        String f = failure;
        if (f != null) {
            return "REC failed: " + f;
        }
        return String.format(Locale.ROOT, "● REC %s %,d frames%s", file.getFileName(), framesWritten(),
                dropped() > 0 ? String.format(Locale.ROOT, " (%,d dropped)", dropped()) : "");
    }

    /** Stops taking frames, writes what is queued and closes the file. */
    @Override
    public void close() throws IOException {
        subscription.close();
        stopping = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
