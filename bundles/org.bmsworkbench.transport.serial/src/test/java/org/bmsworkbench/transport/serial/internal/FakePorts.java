package org.bmsworkbench.transport.serial.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Serial ports in memory: a port can be present or not, and its open line unplugged. */
final class FakePorts implements SerialPorts {
    volatile boolean present = true;
    final List<PortInfo> listed = new ArrayList<>();
    final List<FakeLine> opened = new CopyOnWriteArrayList<>();
    final List<SerialSettings> settings = new CopyOnWriteArrayList<>();

    @Override
    public SerialLine open(SerialSettings s) throws IOException {
        if (!present) {
            throw new IOException(s.port() + ": no such port");
        }
        settings.add(s);
        FakeLine line = new FakeLine();
        opened.add(line);
        return line;
    }

    @Override
    public List<PortInfo> list() {
        return listed;
    }

    FakeLine last() {
        return opened.get(opened.size() - 1);
    }

    static final class FakeLine implements SerialLine {
        private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean unplugged;
        volatile boolean closed;

        /** What the BMS sends, as one read. */
        void bmsSends(byte... bytes) {
            incoming.add(bytes);
        }

        synchronized byte[] written() {
            return written.toByteArray();
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
