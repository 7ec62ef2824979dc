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
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A simulated JBD or Daly UART on a pseudo-terminal: the program on the other end of a
 * {@code socat} pty pair talks to it as to a USB-serial adapter wired to the BMS. Bytes read
 * from the pty go to the device as TX chunks, as they came; the device's RX chunks are written
 * as they are. Opened like {@link SlcanPtyEndpoint} (two plain files, no native library; socat's
 * {@code raw,echo=0} has made the pty raw). Threads: the reader {@code bmswb-serve-serial} and
 * the writer {@code bmswb-serve-serial-writer}; the end of the pty (socat ended) ends serving.
 */
public final class SerialPtyEndpoint implements ServedEndpoint {
    /** Answers that may wait for a host that does not read. */
    static final int BACKLOG = 1000;

    private final Path path;
    private final String address;
    private final String port;
    private final Bus bus;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private ReadableByteChannel in;
    private OutboundLines out;
    private Thread reader;

    /**
     * @param path    one end of a pty pair
     * @param address the endpoint as the user typed it, for messages
     * @param port    the port name the chunks for the device carry
     */
    public SerialPtyEndpoint(Path path, String address, String port, Bus bus) {
        this.path = path;
        this.address = address;
        this.port = port;
        this.bus = bus;
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
        this.out = new OutboundLines(output, BACKLOG, "bmswb-serve-serial-writer",
                e -> fail("cannot write to " + path + ": " + e.getMessage()));
        this.reader = new Thread(this::readLoop, "bmswb-serve-serial");
        reader.setDaemon(true);
        out.start();
        reader.start();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(CanFrame.MAX_CHUNK_LENGTH);
        try {
            while (!closing.get()) {
                buffer.clear();
                int n = in.read(buffer);
                if (n < 0) {
                    fail(path + " was closed at its other end (did socat end?)");
                    return;
                }
                if (n > 0) {
                    bytesIn.addAndGet(n);
                    bus.fromPeer(CanFrame.chunk(System.currentTimeMillis() * 1000, port, Direction.TX,
                            Arrays.copyOf(buffer.array(), n)));
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

    /** A chunk the device sent: its bytes go to the host. CAN frames have no place on a UART and are ignored. */
    @Override
    public void deliver(CanFrame frame) {
        if (!frame.chunk() || out == null) {
            return;
        }
        if (out.offerFrame(frame.data())) {
            bytesOut.addAndGet(frame.length());
        } else {
            dropped.incrementAndGet();
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String summary() {
        return address + ": " + bytesOut.get() + " bytes sent to the host, " + bytesIn.get() + " received from it"
                + (dropped.get() > 0 ? ", " + dropped.get() + " answers dropped (the host did not read)" : "");
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
