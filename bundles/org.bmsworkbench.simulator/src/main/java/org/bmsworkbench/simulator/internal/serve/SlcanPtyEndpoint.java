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
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;

/**
 * An SLCAN adapter on a pseudo-terminal: the served device appears to the program on the other
 * end of a {@code socat} pty pair as a LAWICEL adapter ({@link LawicelAdapter}) would.
 *
 * <p>The path is opened twice, as plain files — a read-only {@link FileChannel}, whose close
 * ends a blocked read at once, and an output stream — with no native library: a raw pty needs
 * no settings (socat's {@code raw,echo=0} has made it raw). Threads: the reader
 * ({@code bmswb-serve-slcan}) answers commands; the writer ({@code bmswb-serve-slcan-writer})
 * writes answers and frame lines, dropping frames when the host does not read (reported by
 * {@code F} as a data overrun). The end of the pseudo-terminal (socat ended) ends serving.
 */
public final class SlcanPtyEndpoint implements ServedEndpoint {
    /** Frame lines that may wait for a host that does not read (about 1 s of the bus at full load). */
    static final int FRAME_BACKLOG = 4000;

    private final Path path;
    private final String address;
    private final Bus bus;
    private final LawicelAdapter adapter;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean overrunReported = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private ReadableByteChannel in;
    private OutboundLines out;
    private Thread reader;

    /**
     * @param path       one end of a pty pair (or any character device that behaves like one)
     * @param address    the endpoint as the user typed it, for messages
     * @param busBitrate the served bus's bit rate (a host that sets another one is told)
     */
    public SlcanPtyEndpoint(Path path, String address, int busBitrate, Bus bus) {
        this.path = path;
        this.address = address;
        this.bus = bus;
        this.adapter = new LawicelAdapter(busBitrate, bus::fromPeer, bus::event);
    }

    @Override
    public void start() throws IOException {
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
    void start(ReadableByteChannel input, OutputStream output) {
        this.in = input;
        this.out = new OutboundLines(output, FRAME_BACKLOG, "bmswb-serve-slcan-writer",
                e -> fail("cannot write to " + path + ": " + e.getMessage()));
        this.reader = new Thread(this::readLoop, "bmswb-serve-slcan");
        reader.setDaemon(true);
        out.start();
        reader.start();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        try {
            while (!closing.get()) {
                buffer.clear();
                int n = in.read(buffer);
                if (n < 0) {
                    fail(path + " was closed at its other end (did socat end?)");
                    return;
                }
                synchronized (this) {
                    // an answer is queued before any frame the command lets through (O, then frames)
                    out.reply(adapter.receive(buffer.array(), 0, n));
                }
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
    public synchronized void deliver(CanFrame frame) {
        byte[] line = adapter.frameLine(frame);
        if (line == null || out == null) {
            return;
        }
        if (out.offerFrame(line)) {
            sent.incrementAndGet();
        } else {
            dropped.incrementAndGet();
            adapter.noteOverrun();
            if (overrunReported.compareAndSet(false, true)) {
                bus.event("the host does not read: frames are dropped (F reports a data overrun)");
            }
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String summary() {
        return address + ": " + sent.get() + " frames sent to the host, " + adapter.transmitted()
                + " received from it" + (dropped.get() > 0 ? ", " + dropped.get() + " dropped (the host did not read)" : "");
    }

    @Override
    public void close() {
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
