package org.bmsworkbench.can.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a BLF file as read, through one buffer of {@link #BUFFER_SIZE} bytes whatever the
 * size of the file, knowing the file offset of each.
 */
final class BlfFileInput implements Closeable {
    static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    final byte[] buf = new byte[BUFFER_SIZE];
    /** Next byte to read. */
    int pos;
    /** End of the bytes read into {@link #buf}. */
    int limit;
    /** File offset of {@code buf[0]}. */
    private long bufferOffset;
    private boolean eof;

    BlfFileInput(InputStream in) {
        this.in = in;
    }

    /** File offset of the next byte. */
    long offset() {
        return bufferOffset + pos;
    }

    /**
     * Makes at least {@code n} (at most {@link #BUFFER_SIZE}) bytes available from {@link #pos};
     * returns how many are, fewer only at the end of the file.
     */
    int require(int n) throws IOException {
        if (limit - pos >= n) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit;
    }

    /** Skips up to {@code n} bytes; returns how many were skipped, fewer only at the end of the file. */
    long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (pos == limit && require(1) == 0) {
                break;
            }
            int k = (int) Math.min(n - done, limit - pos);
            pos += k;
            done += k;
        }
        return done;
    }

    /**
     * Moves to the next {@code LOBJ} signature at or after the current byte; false (having read
     * everything) when there is none.
     */
    boolean findObjectSignature() throws IOException {
        while (true) {
            if (require(4) < 4) {
                pos = limit;
                return false;
            }
            for (int i = pos; i + 4 <= limit; i++) {
                if (buf[i] == 'L' && Blf.isObjectSignature(buf, i)) {
                    pos = i;
                    return true;
                }
            }
            pos = limit - 3;
            if (require(limit - pos + 1) <= 3) {
                pos = limit;
                return false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
