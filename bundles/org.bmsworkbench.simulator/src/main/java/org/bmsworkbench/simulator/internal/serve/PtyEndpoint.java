package org.bmsworkbench.simulator.internal.serve;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A served device on a pseudo-terminal: what both {@link SlcanPtyEndpoint} and
 * {@link SerialPtyEndpoint} do with the pty, leaving what the bytes mean to them.
 *
 * <p>The path is opened twice, as plain files — a read-only {@link FileChannel}, whose close
 * ends a blocked read at once, and an output stream — with no native library: a raw pty needs
 * no settings (socat's {@code raw,echo=0} has made it raw). Threads: the reader (THREAD) hands
 * what it reads to {@link #received}; the writer (THREAD{@code -writer}) writes what the
 * endpoint queues on {@link #out()}. The end of the pseudo-terminal (socat ended) ends serving.
 */
public abstract sealed class PtyEndpoint implements ServedEndpoint permits SlcanPtyEndpoint, SerialPtyEndpoint {
    private final Path path;
    private final String address;
    private final ServedEndpoint.Bus bus;
    private final String threadName;
    private final int backlog;
    private final int readSize;
    private final AtomicBoolean closing = new AtomicBoolean();
    private ReadableByteChannel in;
    private OutboundLines out;
    private Thread reader;

    /**
     * @param path       one end of a pty pair (or any character device that behaves like one)
     * @param address    the endpoint as the user typed it, for messages
     * @param threadName the reader thread's name; the writer's adds {@code -writer}
     * @param backlog    the items that may wait for a host that does not read
     * @param readSize   the most bytes one read takes
     */
    PtyEndpoint(Path path, String address, ServedEndpoint.Bus bus, String threadName, int backlog, int readSize) {
        this.path = path;
        this.address = address;
        this.bus = bus;
        this.threadName = threadName;
        this.backlog = backlog;
        this.readSize = readSize;
    }

    /** What the host wrote, on the reader thread ({@code length} may be 0). */
    abstract void received(byte[] bytes, int length);

    @Override
    public final void start() throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist (make a pseudo-terminal pair first, e.g. "
                    + "socat -d -d pty,raw,echo=0,link=/tmp/bms pty,raw,echo=0,link=/tmp/host, and serve on one end)");
        }
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory, not a pseudo-terminal");
        }
        if (Files.isRegularFile(path)) {
            throw new IOException(path + " is a regular file, not a pseudo-terminal (it is left as it is)");
        }
        ReadableByteChannel input;
        OutputStream output;
        try {
            input = FileChannel.open(path, StandardOpenOption.READ);
            try {
                output = new FileOutputStream(path.toFile());
            } catch (IOException e) {
                input.close();
                throw e;
            }
        } catch (AccessDeniedException e) {
            throw new IOException(path + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new IOException(path + " does not exist", e);
        }
        start(input, output);
    }

    /** Starts on streams that stand for the pseudo-terminal (tests use a pipe). */
    final void start(ReadableByteChannel input, OutputStream output) {
        this.in = input;
        this.out = new OutboundLines(output, backlog, threadName + "-writer",
                e -> fail("cannot write to " + path + ": " + e.getMessage()));
        this.reader = new Thread(this::readLoop, threadName);
        reader.setDaemon(true);
        out.start();
        reader.start();
    }

    /** The writer's queue; null before {@code start}. */
    final OutboundLines out() {
        return out;
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(readSize);
        try {
            while (!closing.get()) {
                buffer.clear();
                int n = in.read(buffer);
                if (n < 0) {
                    fail(path + " was closed at its other end (did socat end?)");
                    return;
                }
                received(buffer.array(), n);
            }
        } catch (ClosedChannelException e) {
            // closed by close()
        } catch (IOException e) {
            fail("cannot read " + path + " (did socat end?): " + e.getMessage());
        }
    }

    private void fail(String reason) {
        if (!closing.get()) {
            bus.failed(reason);
        }
    }

    @Override
    public final String address() {
        return address;
    }

    @Override
    public final void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (out != null) {
            out.close();
        }
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // nothing more to release
        }
        if (reader != null) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
