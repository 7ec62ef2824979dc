package org.bmsworkbench.transport.serial.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.bms.internal.LiveSessions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.serialport.JSerialCommPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/**
 * End to end over a real serial port: jSerialComm on one end of a socat pseudo-terminal pair, a
 * tiny JBD-like BMS on the other that answers the read of register 0x03 — {@code DD A5 03 00 FF FD
 * 77}, the contract — with a fixed reply (start 0xDD, register, status 0, length, data, the
 * checksum 0x10000 − sum(status, length, data), end 0x77), written in two parts so that it arrives
 * as more than one chunk. A live BMS session of a JBD-like test protocol polls it through the
 * transport, decodes the answers into the model, rides out an unplug (socat killed and restarted)
 * and polls again. Needs socat.
 */
class SerialPtyTest {
    private static final byte[] READ_03 = {(byte) 0xDD, (byte) 0xA5, 0x03, 0x00, (byte) 0xFF, (byte) 0xFD, 0x77};

    @TempDir
    Path dir;

    /** The fixed reply: register 0x03, two data bytes {@code first, 0x04}. */
    static byte[] reply(int first) {
        int[] data = {first, 0x04};
        int sum = 0 + data.length + first + 0x04;
        int cs = 0x10000 - sum;
        return new byte[] {(byte) 0xDD, 0x03, 0x00, (byte) data.length, (byte) first, 0x04, (byte) (cs >> 8), (byte) cs, 0x77};
    }

    @Test
    void aLiveSessionPollsTheBmsOverThePtyAndAgainAfterAnUnplug() throws Exception {
        Path host = dir.resolve("host");
        Path device = dir.resolve("device");
        SerialTransport transport = new SerialTransport(new JSerialCommPorts(), new SerialChannel.Timing(50, 400));
        LiveSessions sessions = new LiveSessions(new OneProtocol(new JbdLike()), quietLogger());
        Bms[] bms = {new Bms(host, device, 0x10)};
        ChannelConnection connection = new ChannelConnection(transport, "serial:" + host + "?protocol=jbd&poll=200");
        BmsSession session = sessions.attach(connection, "auto");
        try {
            await(() -> "[jbd]".equals(session.activeProtocols().toString()), "the URI's protocol");
            await(() -> Long.valueOf(0x10).equals(cells(session)), () -> "the first answer decoded: " + connection.states);
            await(() -> bms[0].requests.get() >= 3, "polling once every 200 ms");
            assertEquals("", bms[0].unexpected(), "every request was the contract's read of 0x03");

            bms[0].close(); // unplugged
            await(() -> connection.states.stream().anyMatch(s -> s.startsWith("RECONNECTING (port " + host + " gone")),
                    () -> "RECONNECTING: " + connection.states);
            bms[0] = new Bms(host, device, 0x11); // plugged in again, with a new value
            await(() -> connection.states.get(connection.states.size() - 1).startsWith("CONNECTED (reconnected to "
                    + host + " at 9600 8N1)"), () -> "CONNECTED: " + connection.states);
            // the bytes of an answer cut by the unplug are skipped (a problem), the new answers decoded
            await(() -> Long.valueOf(0x11).equals(cells(session)), () -> "answers after the replug: "
                    + session.lastProblem());
        } finally {
            session.close();
            connection.close();
            bms[0].close();
        }
    }

    private static Object cells(BmsSession session) {
        return session.model().get("cell.count").map(SignalValue::value).orElse(null);
    }

    private static Logger quietLogger() {
        return (Logger) Proxy.newProxyInstance(SerialPtyTest.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                        : method.getReturnType() == String.class ? "test" : null);
    }

    /** socat's pty pair with the BMS on the device end. */
    private static final class Bms implements AutoCloseable {
        private final Path host;
        private final Path device;
        private final Process socat;
        private final FileChannel in;
        private final OutputStream out;
        private final Thread answering;
        private final int value;
        final AtomicInteger requests = new AtomicInteger();
        private final StringBuilder unexpected = new StringBuilder();

        Bms(Path host, Path device, int value) throws IOException {
            this.host = host;
            this.device = device;
            this.value = value;
            String exe = List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                    .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                    .orElseThrow(() -> new AssertionError("socat is not installed (apt-get install socat)"));
            socat = new ProcessBuilder(exe, "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await(() -> Files.exists(host) && Files.exists(device) || !socat.isAlive(), "socat's links");
            if (!socat.isAlive()) {
                throw new AssertionError("socat ended at once");
            }
            in = FileChannel.open(device, StandardOpenOption.READ);
            out = new FileOutputStream(device.toFile());
            answering = new Thread(this::answer, "test-jbd-bms");
            answering.setDaemon(true);
            answering.start();
        }

        /** Collects the bytes into requests of 7; answers each read of 0x03 with the reply, in two writes. */
        private void answer() {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            List<Byte> request = new ArrayList<>();
            try {
                while (in.read(buffer.clear()) > 0) {
                    for (int i = 0; i < buffer.position(); i++) {
                        request.add(buffer.get(i));
                        if (request.size() < READ_03.length) {
                            continue;
                        }
                        byte[] r = new byte[READ_03.length];
                        for (int k = 0; k < r.length; k++) {
                            r[k] = request.get(k);
                        }
                        request.clear();
                        if (!java.util.Arrays.equals(r, READ_03)) {
                            synchronized (unexpected) {
                                unexpected.append(java.util.HexFormat.of().formatHex(r)).append(' ');
                            }
                            continue;
                        }
                        requests.incrementAndGet();
                        byte[] reply = reply(value);
                        out.write(reply, 0, 3);
                        out.flush();
                        Thread.sleep(5);
                        out.write(reply, 3, reply.length - 3);
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // socat ended: unplugged
            }
        }

        String unexpected() {
            synchronized (unexpected) {
                return unexpected.toString();
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (!socat.isAlive() && !Files.exists(host)) {
                return;
            }
            socat.destroy();
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            in.close();
            out.close();
            answering.join(5000);
            await(() -> !Files.exists(host) && !Files.exists(device), "socat's links to go");
        }
    }

    /** A registry of one protocol. */
    private record OneProtocol(BmsProtocol protocol) implements ProtocolRegistry {
        @Override
        public List<BmsProtocol> protocols() {
            return List.of(protocol);
        }

        @Override
        public Optional<BmsProtocol> find(String id) {
            return protocol.id().equals(id) ? Optional.of(protocol) : Optional.empty();
        }

        @Override
        public Subscription onChange(Consumer<List<BmsProtocol>> listener) {
            return () -> { };
        }

        @Override
        public List<SignalDescriptor> signals() {
            return List.of();
        }
    }

    /**
     * A JBD-like test protocol: asks for register 0x03 each cycle, decodes its answers (checksum
     * checked) into {@code cell.count} = the first data byte, keeping bytes across chunks.
     */
    private static final class JbdLike implements BmsProtocol {
        @Override public String id() { return "jbd"; }
        @Override public String label() { return "JBD-like"; }
        @Override public List<MessageInfo> messages() { return List.of(); }
        @Override public List<SignalDescriptor> signals() { return List.of(); }

        @Override
        public int detectionScore(CanFrame frame) {
            return frame.chunk() && frame.direction() == Direction.RX && frame.u8(0) == 0xDD ? 10 : 0;
        }

        @Override
        public ProtocolSession newSession() {
            return new ProtocolSession() {
                private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();

                @Override
                public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                    List<DecodedMessage> all = decodeAll(frame);
                    return all.isEmpty() ? null : all.get(0);
                }

                @Override
                public List<DecodedMessage> decodeAll(CanFrame frame) throws MalformedFrameException {
                    if (!frame.chunk() || frame.direction() != Direction.RX) {
                        return List.of();
                    }
                    held.write(frame.data(), 0, frame.length());
                    byte[] b = held.toByteArray();
                    List<DecodedMessage> out = new ArrayList<>();
                    int skipped = 0;
                    int p = 0;
                    while (b.length - p >= 4) {
                        int n = b[p + 3] & 0xFF;
                        if ((b[p] & 0xFF) != 0xDD) {
                            p++;
                            skipped++;
                            continue;
                        }
                        if (b.length - p < n + 7) {
                            break; // more to come
                        }
                        int sum = 0;
                        for (int i = p + 2; i < p + 4 + n; i++) {
                            sum += b[i] & 0xFF;
                        }
                        int cs = (b[p + 4 + n] & 0xFF) << 8 | (b[p + 5 + n] & 0xFF);
                        if ((b[p + 6 + n] & 0xFF) != 0x77 || ((sum + cs) & 0xFFFF) != 0) {
                            p++; // not an answer here: look for the next start byte
                            skipped++;
                            continue;
                        }
                        Map<String, Object> signals = new LinkedHashMap<>();
                        signals.put("cell.count", (long) (b[p + 4] & 0xFF));
                        out.add(new DecodedMessage("jbd", "r03", frame, null, null, null, null, 0x03, null, signals));
                        p += n + 7;
                    }
                    held.reset();
                    held.write(b, p, b.length - p);
                    if (skipped > 0) {
                        throw new MalformedFrameException("jbd: skipped " + skipped + " bytes", out);
                    }
                    return out;
                }

                @Override
                public List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
                    return byteStream ? List.of(CanFrame.chunk(timestampMicros, bus, Direction.TX, READ_03)) : List.of();
                }

                @Override
                public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                    throw new IllegalArgumentException("encodes nothing");
                }
            };
        }
    }
}
