package org.bmsworkbench.cli.internal.decode;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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

    /**
     * One batch for the writer: decoded messages and frames to print without one, in log order, as
     * {@link Records} (reused primitive storage, filled by the decoding thread as the sessions' sink).
     */
    static final class Batch {
        private final int capacity;
        final Records records;
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
            this.capacity = capacity;
            records = new Records(capacity);
        }

        int size() {
            return records.size();
        }

        /** Holds {@code capacity} records (a frame's message may still be added: the storage grows then). */
        boolean isFull() {
            return records.size() >= capacity;
        }

        /** Writes item {@code i}'s record. */
        void format(int i, OutputFormat format, TextBuffer out) {
            format.write(records, i, out);
        }

        /** Writes every item's record into {@link #text}. */
        void formatAll(OutputFormat format) {
            for (int i = 0; i < records.size(); i++) {
                format.write(records, i, text);
            }
            formatted = true;
        }

        /** Empties the batch, keeping its storage. */
        void clear() {
            records.clear();
            text.clear();
            formatted = false;
            flush = false;
            last = false;
            failure = null;
        }
    }
}
