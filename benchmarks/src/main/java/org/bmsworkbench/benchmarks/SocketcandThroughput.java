package org.bmsworkbench.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.transport.socketcand.internal.SocketcandTransport;

/**
 * Sustained frames/s through the socketcand transport on loopback TCP: a fake server pushes
 * {@code < frame … >} elements (General BMS and NMEA 2000 frames, 8 bytes each, as socketcand
 * prints them) as fast as the socket takes them; the channel parses them and hands them to a
 * counting listener. Prints frames/s, and the CPU time of the channel's reader thread and of the
 * whole process (server included) per million frames. Usage: SocketcandThroughput [FRAMES].
 */
public final class SocketcandThroughput {
    private SocketcandThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long frames = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        run(frames / 4, false); // warm-up
        run(frames, true);
    }

    private static void run(long frames, boolean print) throws Exception {
        byte[] block = block(1000);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread pusher = new Thread(() -> serve(server, block, frames), "bench-socketcand-server");
            pusher.setDaemon(true);
            pusher.start();
            AtomicLong received = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            CanChannel.Listener counter = new CanChannel.Listener() {
                @Override
                public void onFrame(CanFrame frame) {
                    if (received.incrementAndGet() == frames) {
                        done.countDown();
                    }
                }

                @Override
                public void onState(ConnectionState state, String detail) {
                }

                @Override
                public void onTransportError(String message) {
                    System.err.println("transport error: " + message);
                }
            };
            SocketcandTransport transport = new SocketcandTransport();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (CanChannel channel = transport.open(ConnectionUri.parse("socketcand://127.0.0.1:" + server.getLocalPort()
                    + "/can0"), counter)) {
                Thread reader = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("bmswb-socketcand-")).findFirst().orElseThrow();
                if (!done.await(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + received.get() + " of " + frames + " frames in 300 s");
                }
                long wall = System.nanoTime() - t0;
                long readerCpu = threads.getThreadCpuTime(reader.threadId());
                long processCpu = os.getProcessCpuTime() - cpu0;
                if (print) {
                    double perMillion = 1e6 / frames;
                    System.out.printf("  %,d frames in %.2f s: %,.0f frames/s; CPU per million frames: reader thread %.2f s,"
                            + " whole process (fake server included) %.2f s%n", frames, wall / 1e9, frames / (wall / 1e9),
                            readerCpu / 1e9 * perMillion, processCpu / 1e9 * perMillion);
                    System.out.printf("  at 8,000 frames/s (1 Mbit/s, 100 %% load) the reader would use %.1f %% of one core%n",
                            readerCpu / 1e9 / frames * 8000 * 100);
                }
            }
        }
    }

    /** {@code n} frame elements as socketcand writes them, alternating 11-bit and 29-bit ids. */
    private static byte[] block(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            String id = i % 2 == 0 ? String.format("%03X", 0x351 + i % 16) : String.format("%08X", 0x19F21450 + i % 8);
            out.writeBytes(String.format("< frame %s %d.%06d C01485%02X%02X000000 >", id, 1_600_000_000 + i / 1000,
                    i % 1000 * 1000, i & 0xFF, (i >> 8) & 0xFF).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** socketcand's handshake, then the block over and over until {@code frames} were written. */
    private static void serve(ServerSocket server, byte[] block, long frames) {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("< hi >".getBytes(StandardCharsets.US_ASCII));
            element(in);
            out.write("< ok >".getBytes(StandardCharsets.US_ASCII));
            element(in);
            out.write("< ok >".getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < frames; sent += 1000) {
                out.write(block);
            }
            out.flush();
            in.read(); // until the client closes
        } catch (IOException e) {
            // the client closed
        }
    }

    private static void element(InputStream in) throws IOException {
        int c;
        while ((c = in.read()) >= 0 && c != '>') {
            // skip
        }
    }
}
