package org.bmsworkbench.can.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.serialport.Parity;
import org.bmsworkbench.serialport.SerialLine;
import org.bmsworkbench.serialport.SerialPorts;

/** Serial ports in memory: a port can be present or not, and its open line unplugged. */
public final class FakePorts implements SerialPorts {
    /** Whether {@code open} finds the port. */
    public volatile boolean present = true;
    /** What {@code list} returns. */
    public final List<PortInfo> listed = new ArrayList<>();
    /** Every line opened, in order. */
    public final List<FakeLine> opened = new CopyOnWriteArrayList<>();
    /** What each successful {@code open} was asked for, in order. */
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One {@code open} call's arguments. */
    public record Request(String port, int baud, Parity parity, int stopBits) {
    }

    @Override
    public SerialLine open(String port, int baud, Parity parity, int stopBits) throws IOException {
        if (!present) {
            throw new IOException(port + ": no such port");
        }
        requests.add(new Request(port, baud, parity, stopBits));
        FakeLine line = new FakeLine();
        opened.add(line);
        return line;
    }

    @Override
    public List<PortInfo> list() {
        return listed;
    }

    /** The line opened last. */
    public FakeLine last() {
        return opened.get(opened.size() - 1);
    }

    /** An open line: what the other end sends is read back one {@code sends} at a time. */
    public static final class FakeLine implements SerialLine {
        private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        /** Set to make reads and writes fail as on an unplugged port. */
        public volatile boolean unplugged;
        /** Whether the line was closed. */
        public volatile boolean closed;

        /** What the other end (adapter, BMS) sends, as one read. */
        public void sends(byte... bytes) {
            incoming.add(bytes);
        }

        /** What the other end sends, as ISO-8859-1 text in one read. */
        public void sends(String text) {
            sends(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Everything written so far. */
        public synchronized byte[] written() {
            return written.toByteArray();
        }

        /** Everything written so far, as ISO-8859-1 text. */
        public synchronized String writtenText() {
            return written.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            if (unplugged) {
                throw new IOException("reading failed (system error 5)");
            }
            try {
                byte[] b = incoming.poll(10, TimeUnit.MILLISECONDS);
                if (b == null) {
                    return 0;
                }
                System.arraycopy(b, 0, buffer, 0, b.length);
                return b.length;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        @Override
        public synchronized void write(byte[] data, int length) throws IOException {
            if (unplugged) {
                throw new IOException("writing failed (system error 5)");
            }
            written.write(data, 0, length);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
