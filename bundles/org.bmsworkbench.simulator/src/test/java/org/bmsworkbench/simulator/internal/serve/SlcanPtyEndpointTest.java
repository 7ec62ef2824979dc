package org.bmsworkbench.simulator.internal.serve;

import static org.bmsworkbench.simulator.internal.serve.RecordingBus.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLCAN endpoint's threads and streams, with a pipe standing in for the pseudo-terminal. */
class SlcanPtyEndpointTest {
    private final RecordingBus bus = new RecordingBus();
    private final SlcanPtyEndpoint endpoint = new SlcanPtyEndpoint(Path.of("/tmp/bms"), "slcan:/tmp/bms", 500_000, bus);
    private final Pipe host;
    private final Output written = new Output();

    SlcanPtyEndpointTest() throws IOException {
        host = Pipe.open();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    /** What the endpoint wrote; optionally held back until released, like a host that does not read. */
    static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                hold.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private void hostWrites(String text) throws IOException {
        host.sink().write(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static CanFrame frame() {
        return CanFrame.of(0, "sim", 0x356, false, (byte) 0xC0, (byte) 0x14);
    }

    @Test
    void answersCommandsPassesFramesAndTakesTransmits() throws Exception {
        endpoint.start(host.source(), written);
        endpoint.deliver(frame());
        hostWrites("V\rS6\rO\r");
        await(() -> written.text().equals("V1013\r\r\r"), "the answers, and no frame while closed: " + written.text());
        endpoint.deliver(frame());
        await(() -> written.text().endsWith("t3562C014\r"), "the frame line");
        hostWrites("t1CE1");
        hostWrites("55\r");
        await(() -> bus.fromPeers.size() == 1, "the transmitted frame");
        assertEquals(0x1CE, bus.fromPeers.get(0).id());
        await(() -> written.text().endsWith("z\r"), "the transmit answer");
        assertTrue(endpoint.summary().startsWith("slcan:/tmp/bms: 1 frames sent to the host, 1 received from it"),
                endpoint.summary());
        assertEquals("the host opened the channel at 500 kbit/s", bus.events.get(0));
    }

    @Test
    void aHostThatDoesNotReadLosesFramesNotAnswers() throws Exception {
        endpoint.start(host.source(), written);
        hostWrites("O\r");
        await(() -> written.text().equals("\r"), "open");
        written.hold = new CountDownLatch(1);
        for (int i = 0; i < SlcanPtyEndpoint.FRAME_BACKLOG + 100; i++) {
            endpoint.deliver(frame());
        }
        assertTrue(endpoint.summary().contains(" dropped (the host did not read)"), endpoint.summary());
        assertTrue(bus.events.contains("the host does not read: frames are dropped (F reports a data overrun)"), bus.events::toString);
        hostWrites("F\r");
        written.hold.countDown();
        await(() -> written.text().endsWith("F08\r"), "the overrun flag");
    }

    @Test
    void theEndOfThePseudoTerminalEndsServing() throws Exception {
        endpoint.start(host.source(), written);
        host.sink().close();
        await(() -> !bus.failures.isEmpty(), "the failure");
        assertEquals("/tmp/bms was closed at its other end (did socat end?)", bus.failures.get(0));
    }

    @Test
    void closeEndsTheThreadsWithoutAFailure() throws Exception {
        endpoint.start(host.source(), written);
        endpoint.close();
        await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("bmswb-serve-slcan") && t.isAlive()), "threads to end");
        assertTrue(bus.failures.isEmpty(), bus.failures::toString);
    }

    @Test
    void aMissingPathIsExplained(@TempDir Path dir) {
        SlcanPtyEndpoint missing = new SlcanPtyEndpoint(dir.resolve("nope"), "slcan:nope", 500_000, bus);
        IOException e = assertThrows(IOException.class, missing::start);
        assertTrue(e.getMessage().contains("does not exist (make a pseudo-terminal pair first, e.g. socat"), e.getMessage());
        SlcanPtyEndpoint directory = new SlcanPtyEndpoint(dir, "slcan:" + dir, 500_000, bus);
        assertTrue(assertThrows(IOException.class, directory::start).getMessage().endsWith("is a directory, not a pseudo-terminal"));
    }

    @Test
    void aRegularFileIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "keep me");
        SlcanPtyEndpoint onFile = new SlcanPtyEndpoint(file, "slcan:file", 500_000, bus);
        IOException e = assertThrows(IOException.class, onFile::start);
        assertTrue(e.getMessage().endsWith("is a regular file, not a pseudo-terminal (it is left as it is)"), e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }
}
