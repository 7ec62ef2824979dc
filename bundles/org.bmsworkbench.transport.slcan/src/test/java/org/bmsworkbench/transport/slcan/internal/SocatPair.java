package org.bmsworkbench.transport.slcan.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.testing.RecordingListener;

/**
 * A {@code socat pty,raw,echo=0,link=HOST pty,raw,echo=0,link=DEVICE} pair standing in for a
 * USB adapter, with a minimal LAWICEL adapter answering on the device end: CR to set-up
 * commands, {@code z}/{@code Z} to frames, {@code F00} to status requests. Killing socat is
 * unplugging the adapter. Needs socat ({@code .ci/run} installs it).
 */
final class SocatPair implements AutoCloseable {
    private final Path host;
    private final Path device;
    private final Process socat;
    private final FileChannel in;
    private final OutputStream out;
    private final Thread answering;
    final StringBuilder received = new StringBuilder();

    SocatPair(Path host, Path device) throws IOException, InterruptedException {
        this.host = host;
        this.device = device;
        String exe = List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                .orElseThrow(() -> new AssertionError("socat is not installed (apt-get install socat; .ci/run installs it)"));
        socat = new ProcessBuilder(exe, "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RecordingListener.await(() -> Files.exists(host) && Files.exists(device) || !socat.isAlive(), "socat's links");
        if (!socat.isAlive()) {
            throw new AssertionError("socat ended at once");
        }
        in = FileChannel.open(device, StandardOpenOption.READ);
        out = new FileOutputStream(device.toFile());
        answering = new Thread(this::answer, "test-lawicel-adapter");
        answering.setDaemon(true);
        answering.start();
    }

    private void answer() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        StringBuilder line = new StringBuilder();
        try {
            while (in.read(buffer.clear()) > 0) {
                for (int i = 0; i < buffer.position(); i++) {
                    char c = (char) (buffer.get(i) & 0xFF);
                    if (c != '\r') {
                        line.append(c);
                        continue;
                    }
                    String cmd = line.toString();
                    line.setLength(0);
                    synchronized (received) {
                        received.append(cmd).append('\n');
                    }
                    String reply = cmd.isEmpty() ? "" : switch (cmd.charAt(0)) {
                        case 't', 'r' -> "z\r";
                        case 'T', 'R' -> "Z\r";
                        case 'F' -> "F00\r";
                        default -> "\r";
                    };
                    send(reply);
                }
            }
        } catch (IOException e) {
            // socat ended: the adapter is unplugged
        }
    }

    synchronized void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    String received() {
        synchronized (received) {
            return received.toString();
        }
    }

    /** Unplugs: socat ends, both links disappear, the device end's files are closed. */
    @Override
    public void close() throws IOException, InterruptedException {
        socat.destroy();
        if (!socat.waitFor(10, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        in.close();
        out.close();
        answering.join(5000);
        RecordingListener.await(() -> !Files.exists(host) && !Files.exists(device), "socat's links to go");
    }
}
