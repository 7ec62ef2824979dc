package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb record} against a fake connection that delivers frames, then ends. */
class RecordCommandTest {
    @TempDir
    Path dir;

    private final FakeConnections connections = new FakeConnections();

    private static final List<CanFrame> FRAMES = List.of(
            CanFrame.of(1_600_000_000_500_000L, "sim", 0x356, false, new byte[] {(byte) 0xC0, 0x14, (byte) 0x85, (byte) 0xFF, (byte) 0xD7, 0x00}),
            CanFrame.of(1_600_000_000_600_000L, "sim", 0x19F21450, true, new byte[] {1, 2, 3}),
            CanFrame.of(1_600_000_000_700_000L, "sim", 0x351, false, new byte[] {0}).withDirection(Direction.TX));

    private void framesThenEnd() {
        connections.onOpen = c -> {
            Thread t = new Thread(() -> {
                try {
                    c.awaitSeenConnected(3);
                    FRAMES.forEach(c::receive);
                    c.change(ConnectionState.CLOSED, "end of the source");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-script");
            t.setDaemon(true);
            t.start();
        };
    }

    private Console run(int expected, String... args) {
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new RecordCommand(connections, Duration.ofMillis(300)),
                Map.of("command.name", "record", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), new ByteArrayInputStream(new byte[0]), c.out, c.err, dir, false);
        assertEquals(expected, status, () -> c.out() + c.err());
        return c;
    }

    @Test
    void writesCandumpLinesAndSaysHowManyFrames() throws Exception {
        framesThenEnd();
        Console c = run(0, "record", "--connect", "sim:", "-o", "bench.log");
        assertEquals("""
                (1600000000.500000) sim 356#C01485FFD700
                (1600000000.600000) sim 19F21450#010203
                (1600000000.700000) sim 351#00 T
                """, Files.readString(dir.resolve("bench.log")));
        assertEquals("bmswb record: connection: CLOSED (end of the source)\n"
                + "bmswb record: recorded 3 frames to bench.log\n", c.err());
        assertEquals("", c.out());
        assertTrue(connections.opened.get(0).closed);
        assertEquals(0, connections.opened.get(0).subscribers(), "unsubscribed at the end");
    }

    /** Chunks of a JBD line: the contract's read of register 0x03 and the start of an answer. */
    private static final List<CanFrame> CHUNKS = List.of(
            CanFrame.chunk(1_600_000_000_052_311L, "ttyUSB0", Direction.TX,
                    new byte[] {(byte) 0xDD, (byte) 0xA5, 0x03, 0x00, (byte) 0xFF, (byte) 0xFD, 0x77}),
            CanFrame.chunk(1_600_000_000_101_002L, "ttyUSB0", Direction.RX, new byte[] {(byte) 0xDD, 0x03, 0x00, 0x1D}));

    private void chunksThenEnd() {
        connections.onOpen = c -> {
            Thread t = new Thread(() -> {
                try {
                    c.awaitSeenConnected(3);
                    CHUNKS.forEach(c::receive);
                    c.change(ConnectionState.CLOSED, "end of the source");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-script");
            t.setDaemon(true);
            t.start();
        };
    }

    @Test
    void aSerialLineIsRecordedAsASerialTrace() throws Exception {
        chunksThenEnd();
        Console c = run(0, "record", "--connect", "serial:/dev/ttyUSB0?protocol=jbd", "-o", "line.log");
        assertEquals("""
                (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
                (1600000000.101002) ttyUSB0 rx DD03001D
                """, Files.readString(dir.resolve("line.log")));
        assertTrue(c.err().endsWith("bmswb record: recorded 2 frames to line.log\n"), c.err());
    }

    @Test
    void aSerialLineCannotBeRecordedAsACanLog() throws Exception {
        for (String name : List.of("line.asc", "line.trc", "line.blf")) {
            Console c = run(2, "record", "--connect", "serial:/dev/ttyUSB0", "-o", name);
            assertTrue(c.err().contains("-o " + name + ": serial:/dev/ttyUSB0 carries the bytes of a serial line, not CAN"
                    + " frames; ASC, TRC and BLF hold CAN frames only: record it to a serial trace, -o FILE.log"), c.err());
            assertFalse(Files.exists(dir.resolve(name)), "no file is left");
        }
    }

    @Test
    void anAscFileIsWrittenAsAscAndReadsBack() throws Exception {
        framesThenEnd();
        run(0, "record", "--connect", "sim:", "--output", "bench.ASC");
        Path file = dir.resolve("bench.ASC");
        String text = Files.readString(file);
        assertTrue(text.startsWith("date "), text);
        assertTrue(text.endsWith("End TriggerBlock\n"), text);
        List<CanFrame> read = new ArrayList<>();
        try (CanLogReader reader = CanLogs.open(file, null, null)) {
            CanFrame f;
            while ((f = reader.next()) != null) {
                read.add(f);
            }
        }
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(FRAMES.get(i).id(), read.get(i).id());
            assertEquals(FRAMES.get(i).timestampMicros(), read.get(i).timestampMicros());
            assertEquals(FRAMES.get(i).direction(), read.get(i).direction());
        }
    }

    @Test
    void stopsAfterTheDurationWithAnEmptyLog() throws Exception {
        Console c = run(0, "record", "--connect", "loop:x", "--duration", "0.2", "-o", "empty.log");
        assertEquals("", Files.readString(dir.resolve("empty.log")));
        assertEquals("bmswb record: recorded 0 frames to empty.log\n", c.err());
    }

    @Test
    void usageErrors() {
        assertEquals("bmswb record: missing --connect URI (e.g. --connect sim: or --connect slcan:/dev/ttyACM0)\n"
                + "Try 'bmswb record --help'.\n", run(2, "record", "-o", "x.log").err());
        assertEquals("bmswb record: missing -o FILE\nTry 'bmswb record --help'.\n",
                run(2, "record", "--connect", "sim:").err());
        assertEquals("bmswb record: --duration: expected a positive number of seconds, got '-1'\n"
                + "Try 'bmswb record --help'.\n", run(2, "record", "--connect", "sim:", "--duration", "-1", "-o", "x.log").err());
        assertTrue(connections.opened.isEmpty());
        assertFalse(Files.exists(dir.resolve("x.log")));
    }

    @Test
    void anUnusableUriIsOneLineAndNoFile() {
        Console c = run(2, "record", "--connect", "slcan:/dev/ttyACM0", "-o", "x.log");
        assertEquals(1, c.err().lines().count(), c.err());
        assertTrue(c.err().startsWith("bmswb record: cannot open 'slcan:/dev/ttyACM0': no transport for slcan"), c.err());
        assertFalse(Files.exists(dir.resolve("x.log")));
    }

    @Test
    void aFileThatCannotBeWrittenIsAFailure() throws Exception {
        assertEquals("bmswb record: cannot write nodir/x.log: no such directory\n",
                run(1, "record", "--connect", "sim:", "-o", "nodir/x.log").err());
        Files.createDirectory(dir.resolve("logs"));
        assertEquals("bmswb record: cannot write logs: is a directory\n",
                run(1, "record", "--connect", "sim:", "-o", "logs").err());
        assertEquals("bmswb record: cannot write nodir/x.blf: no such directory\n",
                run(1, "record", "--connect", "sim:", "-o", "nodir/x.blf").err());
        Files.createDirectory(dir.resolve("logs.blf"));
        assertEquals("bmswb record: cannot write logs.blf: is a directory\n",
                run(1, "record", "--connect", "sim:", "-o", "logs.blf").err());
    }

    @Test
    void aConnectionThatFailsIsAFailure() {
        Console c = run(1, "record", "--connect", "fail:x", "-o", "x.log");
        assertEquals("bmswb record: cannot connect to fail:x: port /dev/x: no such port\n", c.err());
        assertFalse(Files.exists(dir.resolve("x.log")), "no empty log left behind");
    }

    /** {@code n} frames, then the source ends. */
    private void manyFramesThenEnd(int n) {
        connections.onOpen = c -> {
            Thread t = new Thread(() -> {
                try {
                    c.awaitSeenConnected(3);
                    for (int i = 0; i < n; i++) {
                        c.receive(CanFrame.of(1_600_000_000_000_000L + i * 1000L, "can0", 0x100 + (i & 0xFF), false,
                                new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}));
                    }
                    c.change(ConnectionState.CLOSED, "end of log, " + n + " frames");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-script");
            t.setDaemon(true);
            t.start();
        };
    }

    /** Every file of a series read strictly, in order. */
    private List<CanFrame> readSeries(String first, int files) throws Exception {
        List<CanFrame> all = new ArrayList<>();
        for (int n = 0; n < files; n++) {
            Path file = org.bmsworkbench.cli.internal.live.RotatingLogWriter.numbered(dir.resolve(first), n);
            try (CanLogReader reader = CanLogs.open(file, null, null)) {
                CanFrame f;
                while ((f = reader.next()) != null) {
                    all.add(f);
                }
            }
        }
        return all;
    }

    @Test
    void rotatesIntoFilesOfAboutTheSizeEachAValidLog() throws Exception {
        manyFramesThenEnd(30_000);
        Console c = run(0, "record", "--connect", "sim:", "--rotate-size", "256K", "-o", "day.log");
        long files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("day(\\.\\d+)?\\.log")).count();
        }
        assertTrue(files >= 3, files + " files");
        assertTrue(c.err().contains("bmswb record: recorded 30000 frames to day.log … day." + (files - 1) + ".log ("
                + files + " files)\n"), c.err());
        for (int n = 0; n < files - 1; n++) {
            long size = Files.size(org.bmsworkbench.cli.internal.live.RotatingLogWriter.numbered(dir.resolve("day.log"), n));
            assertTrue(size >= 256 * 1024 && size <= 256 * 1024 + 64 * 1024 + 100, "file " + n + ": " + size + " bytes");
        }
        List<CanFrame> all = readSeries("day.log", (int) files);
        assertEquals(30_000, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(1_600_000_000_000_000L + i * 1000L, all.get(i).timestampMicros(), "frame " + i);
        }
    }

    @Test
    void rotatedAscFilesEachHaveTheirHeaderAndTrailer() throws Exception {
        manyFramesThenEnd(20_000);
        run(0, "record", "--connect", "sim:", "--rotate-size", "64K", "-o", "day.asc");
        Path second = dir.resolve("day.1.asc");
        String text = Files.readString(second);
        assertTrue(text.startsWith("date "), text.substring(0, 40));
        assertTrue(text.endsWith("End TriggerBlock\n"));
        int files = 0;
        while (Files.exists(org.bmsworkbench.cli.internal.live.RotatingLogWriter.numbered(dir.resolve("day.asc"), files))) {
            files++;
        }
        List<CanFrame> all = readSeries("day.asc", files);
        assertEquals(20_000, all.size());
        assertEquals(1_600_000_000_000_000L + 19_999_000L, all.get(19_999).timestampMicros());
    }

    /** The object count at offset 32 and the file size at 16 of a BLF file header (python-can blf.py FILE_HEADER). */
    private static long[] blfHeaderCountAndSize(Path file) throws Exception {
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        return new long[] {Integer.toUnsignedLong(h.getInt(32)), h.getLong(16)};
    }

    @Test
    void aBlfFileHasItsHeaderCompletedAndReadsBack() throws Exception {
        framesThenEnd();
        Console c = run(0, "record", "--connect", "sim:", "-o", "bench.blf");
        Path file = dir.resolve("bench.blf");
        assertEquals("bmswb record: connection: CLOSED (end of the source)\n"
                + "bmswb record: recorded 3 frames to bench.blf\n", c.err());
        long[] header = blfHeaderCountAndSize(file);
        assertEquals(3, header[0], "object count");
        assertEquals(Files.size(file), header[1], "file size");
        List<CanFrame> read = readSeries("bench.blf", 1);
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(FRAMES.get(i).id(), read.get(i).id());
            assertEquals(FRAMES.get(i).timestampMicros(), read.get(i).timestampMicros());
            assertEquals(FRAMES.get(i).direction(), read.get(i).direction());
        }
    }

    @Test
    void rotatedBlfFilesCountTheirContainersAndEachHasACompleteHeader() throws Exception {
        manyFramesThenEnd(60_000);
        run(0, "record", "--connect", "sim:", "--rotate-size", "64K", "-o", "day.blf");
        int files = 0;
        while (Files.exists(org.bmsworkbench.cli.internal.live.RotatingLogWriter.numbered(dir.resolve("day.blf"), files))) {
            files++;
        }
        assertTrue(files >= 2, files + " files");
        long objects = 0;
        for (int n = 0; n < files; n++) {
            Path file = org.bmsworkbench.cli.internal.live.RotatingLogWriter.numbered(dir.resolve("day.blf"), n);
            long[] header = blfHeaderCountAndSize(file);
            assertEquals(Files.size(file), header[1], "file " + n);
            if (n < files - 1) {
                assertTrue(header[1] >= 64 * 1024, "file " + n + ": " + header[1] + " bytes");
            }
            objects += header[0];
        }
        assertEquals(60_000, objects);
        List<CanFrame> all = readSeries("day.blf", files);
        assertEquals(60_000, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(1_600_000_000_000_000L + i * 1000L, all.get(i).timestampMicros(), "frame " + i);
        }
    }

    @Test
    void aBadRotateSizeIsAUsageError() {
        assertEquals("bmswb record: --rotate-size: '10K' is smaller than the least size, 64K\n"
                + "Try 'bmswb record --help'.\n", run(2, "record", "--connect", "sim:", "--rotate-size", "10K", "-o",
                "x.log").err());
        assertEquals("bmswb record: --rotate-size: 'lots' is not a size (e.g. 100M, 512K, 1G)\n"
                + "Try 'bmswb record --help'.\n", run(2, "record", "--connect", "sim:", "--rotate-size", "lots", "-o",
                "x.log").err());
    }

    @Test
    void theEndOfAReplayIsSaidWithItsFramesPerSecond() {
        manyFramesThenEnd(1000);
        Console c = run(0, "record", "--connect", "replay:x.log?speed=max", "-o", "copy.log");
        assertTrue(c.err().matches("(?s).*bmswb record: recorded 1000 frames to copy\\.log\n"
                + "bmswb record: replayed 1000 frames in \\d+\\.\\d\\d s \\([\\d,]+ frames/s\\)\n"), c.err());
    }

    @Test
    void aLiveSourceStoppedByTheCommandSaysNoReplayLine() {
        Console c = run(0, "record", "--connect", "replay:x.log", "--duration", "0.2", "-o", "copy.log");
        assertFalse(c.err().contains("replayed"), c.err());
    }
}
