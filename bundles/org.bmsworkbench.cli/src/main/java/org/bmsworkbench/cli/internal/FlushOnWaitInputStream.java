package org.bmsworkbench.cli.internal;

import java.io.FilterInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input for a live log ({@code candump -L can0 | bmswb decode -}): before a read
 * that would wait for more input, the output is flushed, so decoded lines appear as frames
 * arrive while a fast input still gets large output blocks. Closing leaves the process's
 * standard input open.
 */
final class FlushOnWaitInputStream extends FilterInputStream {
    private volatile Flushable output;

    FlushOnWaitInputStream(InputStream in) {
        super(in);
    }

    /** What to flush before waiting; null for nothing. */
    void flushBeforeWaiting(Flushable target) {
        this.output = target;
    }

    private void beforeRead() throws IOException {
        Flushable target = output;
        if (target != null && in.available() == 0) {
            target.flush();
        }
    }

    @Override
    public int read() throws IOException {
        beforeRead();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        beforeRead();
        return in.read(b, off, len);
    }

    @Override
    public void close() {
        // standard input belongs to the process
    }
}
