package org.bmsworkbench.cli.internal.live;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes on only whole lines: the bytes after the last {@code '\n'} of a write wait for the
 * rest of their line. A log writer drains its buffer whenever it is full, possibly in the middle
 * of a line; through this stream the file holds whole lines only, so a process killed at any
 * moment leaves a log that reads without a fault. {@link #close()} writes what is left.
 */
public final class WholeLinesOutputStream extends FilterOutputStream {
    private byte[] pending = new byte[256];
    private int pendingSize;

    public WholeLinesOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int lastNewline = -1;
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            keep(b, off, len);
            return;
        }
        int head = lastNewline + 1 - off;
        if (pendingSize == 0) {
            out.write(b, off, head);
        } else {
            keep(b, off, head);
            out.write(pending, 0, pendingSize);
            pendingSize = 0;
        }
        keep(b, lastNewline + 1, len - head);
    }

    private void keep(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        if (pendingSize + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingSize + len));
        }
        System.arraycopy(b, off, pending, pendingSize, len);
        pendingSize += len;
    }

    /** Bytes held back because their line is not complete yet. */
    public int pendingBytes() {
        return pendingSize;
    }

    @Override
    public void close() throws IOException {
        try {
            if (pendingSize > 0) {
                out.write(pending, 0, pendingSize);
                pendingSize = 0;
            }
        } finally {
            out.close();
        }
    }
}
