package org.bmsworkbench.cli.internal.decode;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/**
 * The hand-over between the two threads of {@link DecodePipeline}: a fixed set of reusable
 * {@link Batch}es that circulate from the decoding thread (which fills them) to the formatting
 * thread (which writes them out and gives them back). There are never more batches than made
 * here, so the decoding thread can run at most {@code batches × capacity} items ahead of the
 * output, whatever the size of the log: memory is bounded by design. Batches come back in the
 * order they were published, which keeps the log's order.
 */
final class BatchRing {
    private final BlockingQueue<Batch> free;
    private final BlockingQueue<Batch> full;
    private final int batches;
    private final int capacity;

    /**
     * @param batches  how many batches circulate (at least 2: one being filled, one being written)
     * @param capacity items a batch holds
     */
    BatchRing(int batches, int capacity) {
        if (batches < 2 || capacity < 1) {
            throw new IllegalArgumentException(batches + " batches of " + capacity + " items");
        }
        this.batches = batches;
        this.capacity = capacity;
        free = new ArrayBlockingQueue<>(batches);
        full = new ArrayBlockingQueue<>(batches);
        for (int i = 0; i < batches; i++) {
            free.add(new Batch(capacity));
        }
    }

    int batches() {
        return batches;
    }

    int capacity() {
        return capacity;
    }

    /** An empty batch to fill; waits while every batch is filled or being written. */
    Batch empty() throws InterruptedException {
        return free.take();
    }

    /** Hands a filled batch to the writer. */
    void publish(Batch batch) throws InterruptedException {
        full.put(batch);
    }

    /** The next filled batch, in publishing order; waits for one. */
    Batch filled() throws InterruptedException {
        return full.take();
    }

    /** True while a filled batch waits for the writer, which is then the slower thread. */
    boolean writerBehind() {
        return !full.isEmpty();
    }

    /** Gives a written batch back, emptied. */
    void recycle(Batch batch) {
        batch.clear();
        free.add(batch); // never full: there are only `batches` of them
    }

    /** One batch of items for the writer: decoded messages and frames to print without one, in log order. */
    static final class Batch {
        /** A {@link DecodedMessage}. */
        static final byte MESSAGE = 0;
        /** A data frame no protocol decodes ({@code --all}). */
        static final byte UNKNOWN = 1;
        /** An error frame ({@code --all}). */
        static final byte ERROR_FRAME = 2;
        /** A remote frame ({@code --all}). */
        static final byte REMOTE_REQUEST = 3;

        final byte[] kinds;
        final Object[] items;
        int size;
        /** The batch's records, when the decoding thread formatted them ({@link #formatted}). */
        final TextBuffer text = new TextBuffer(1 << 14);
        /** Whether {@link #text} holds every item's record, so the writer only writes it. */
        boolean formatted;
        /** The writer flushes the output after this batch (a live input is about to wait). */
        boolean flush;
        /** Nothing follows this batch: the log ended, or reading it failed ({@link #failure}). */
        boolean last;
        /** Why reading or decoding stopped, with {@link #last}; null when the log ended. */
        Throwable failure;

        Batch(int capacity) {
            kinds = new byte[capacity];
            items = new Object[capacity];
        }

        boolean isFull() {
            return size == items.length;
        }

        void add(byte kind, Object item) {
            kinds[size] = kind;
            items[size++] = item;
        }

        /** Writes item {@code i}'s record. */
        void format(int i, OutputFormat format, TextBuffer out) {
            Object item = items[i];
            switch (kinds[i]) {
                case MESSAGE -> format.message((DecodedMessage) item, out);
                case UNKNOWN -> format.unknown((CanFrame) item, out);
                case ERROR_FRAME -> format.errorFrame((CanFrame) item, out);
                default -> format.remoteRequest((CanFrame) item, out);
            }
        }

        /** Writes every item's record into {@link #text}. */
        void formatAll(OutputFormat format) {
            for (int i = 0; i < size; i++) {
                format(i, format, text);
            }
            formatted = true;
        }

        /** Empties the batch; drops its references so that what was written can be collected. */
        void clear() {
            Arrays.fill(items, 0, size, null);
            size = 0;
            text.clear();
            formatted = false;
            flush = false;
            last = false;
            failure = null;
        }
    }
}
