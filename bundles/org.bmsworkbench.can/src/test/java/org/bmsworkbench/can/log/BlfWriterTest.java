package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.BlfBytes.START;
import static org.bmsworkbench.can.log.BlfBytes.read;
import static org.bmsworkbench.can.log.BlfBytes.readTolerant;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BLF writer: object and header layout (checked field by field against python-can's struct
 * formats, see {@link BlfBytes}), containers, flushing, and what a killed recording leaves.
 */
class BlfWriterTest {
    @TempDir
    Path dir;

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code count} frames 250 µs apart, classic 8 bytes on can0 from {@link BlfBytes#START} + 0.123456 s. */
    static List<CanFrame> frames(int count, long seed) {
        Random random = new Random(seed);
        List<CanFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[8];
            random.nextBytes(data);
            frames.add(CanFrame.of(START + 123_456 + 250L * i, "can0", 0x351 + (i & 7), false, data));
        }
        return frames;
    }

    @Test
    void laysOutObjectsAsPythonCanAndBinlogDo() throws Exception {
        List<CanFrame> frames = List.of(
                CanFrame.of(START + 1, "can2", 0x19F21450, true, BlfReaderTest.bytes(0xC0, 0x14)).withDirection(Direction.TX),
                CanFrame.remote(START + 2, "can0", 0x123, false, 4),
                CanFrame.error(START + 3, "can0", 0x88, BlfReaderTest.bytes(0, 4, 0, 0, 0, 0, 0, 0)),
                CanFrame.fd(START + 4, "can0", 0x7FF, false, true, true, BlfBytes.counting(1, 5)));
        byte[] file = BlfBytes.write(frames, 0, BlfWriter.CONTAINER_BYTES);
        ByteBuffer b = le(file);
        // container: LOBJ, header size 16, version 1, size, type 10; method 0, uncompressed size
        assertEquals(0x4A424F4C, b.getInt(144));
        assertEquals(16, b.getShort(148));
        assertEquals(10, b.getInt(156));
        assertEquals(0, b.getShort(160));
        int data = 144 + 32;
        assertEquals(48 + 48 + 64 + 77, b.getInt(168));
        // CAN_MESSAGE: header 32, version 1, size 48, type 1, flags 2 (ns), time 1 µs after the start (cut to ms: .500)
        assertEquals(32, b.getShort(data + 4));
        assertEquals(48, b.getInt(data + 8));
        assertEquals(1, b.getInt(data + 12));
        assertEquals(2, b.getInt(data + 16));
        assertEquals(1_000, b.getLong(data + 24));
        assertEquals(3, b.getShort(data + 32)); // channel: can2 is channel 3
        assertEquals(0x01, b.get(data + 34)); // TX
        assertEquals(2, b.get(data + 35));
        assertEquals(0x8000_0000 | 0x19F21450, b.getInt(data + 36));
        assertArrayEquals(new byte[] {(byte) 0xC0, 0x14, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(file, data + 40, data + 48));
        int remote = data + 48;
        assertEquals(1, b.getShort(remote + 32));
        assertEquals((byte) 0x80, b.get(remote + 34));
        assertEquals(4, b.get(remote + 35));
        int error = remote + 48;
        assertEquals(73, b.getInt(error + 12));
        assertEquals(64, b.getInt(error + 8));
        assertEquals(8, b.get(error + 32 + 10)); // DLC
        assertEquals(0x8000_0000 | 0x88, b.getInt(error + 32 + 16));
        assertEquals(4, b.get(error + 32 + 24 + 1));
        int fd = error + 64;
        assertEquals(101, b.getInt(fd + 12));
        assertEquals(32 + 40 + 5, b.getInt(fd + 8));
        assertEquals(1, b.get(fd + 32)); // channel
        assertEquals(5, b.get(fd + 33)); // DLC code
        assertEquals(5, b.get(fd + 34)); // valid data bytes
        assertEquals(0x7FF, b.getInt(fd + 36));
        assertEquals(0x1000 | 0x2000 | 0x4000, b.getInt(fd + 44));
        assertEquals(0, b.get(fd + 66)); // direction RX
        assertArrayEquals(BlfBytes.counting(1, 5), Arrays.copyOfRange(file, fd + 72, fd + 77));
        assertEquals(fd + 77 + 1, file.length, "container padded with size % 4 = 1 byte");
        assertEquals(frames, read(file));
    }

    @Test
    void writesTheHeaderWithTheFirstContainerAndCompletesItOnCloseOfAFile() throws Exception {
        List<CanFrame> frames = frames(10_000, 1);
        Path path = dir.resolve("x.blf");
        try (BlfWriter writer = new BlfWriter(path)) {
            assertEquals(0, Files.size(path));
            for (CanFrame f : frames) {
                writer.write(f);
            }
            writer.flush();
            assertEquals(writer.bytesWritten(), Files.size(path));
            ByteBuffer h = le(Files.readAllBytes(path));
            assertEquals(0x4747_4F4C, h.getInt(0));
            assertEquals(144, h.getInt(4));
            assertEquals(0, h.getLong(16), "file size unknown until closed");
            assertEquals(2020, h.getShort(40));
            assertEquals(623, h.getShort(54), "start: first frame (.623456) cut to the millisecond");
        }
        byte[] file = Files.readAllBytes(path);
        ByteBuffer h = le(file);
        assertEquals(file.length, h.getLong(16));
        assertEquals(10_000, h.getInt(32));
        int containers = 0;
        long uncompressed = 144;
        for (int p = 144; p < file.length; ) {
            int size = h.getInt(p + 8);
            assertEquals(10, h.getInt(p + 12));
            assertEquals(2, h.getShort(p + 16), "zlib");
            int inside = h.getInt(p + 24);
            assertTrue(inside <= BlfWriter.CONTAINER_BYTES && inside % 48 == 0, "whole objects, at most 128 KiB: " + inside);
            uncompressed += 32 + inside;
            p += size + size % 4;
            containers++;
        }
        assertEquals(4, containers, "480,000 bytes of objects: 3 full containers and the rest");
        assertEquals(uncompressed, h.getLong(24));
        // last frame 2020-09-14 12:26:43.123206 (.623456 + 9999 × 250 µs), cut to the millisecond
        assertEquals(43, h.getShort(56 + 12));
        assertEquals(123, h.getShort(56 + 14));
        assertEquals(frames, read(file));
    }

    @Test
    void leavesPlaceholdersOnAStreamThatReadersCopeWith() throws Exception {
        List<CanFrame> frames = frames(100, 2);
        byte[] file = BlfBytes.write(frames, 6, BlfWriter.CONTAINER_BYTES);
        ByteBuffer h = le(file);
        assertEquals(0, h.getLong(16));
        assertEquals(0, h.getInt(32));
        assertEquals(0, h.getShort(56), "no stop time");
        assertEquals(2020, h.getShort(40), "the start time is known when the header goes out");
        assertEquals(frames, read(file));
    }

    @Test
    void writesAnEmptyLogAsAHeaderDatedNow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BlfWriter(out, null, 6, BlfWriter.CONTAINER_BYTES,
                Clock.fixed(Instant.ofEpochMilli(START / 1000), ZoneOffset.UTC)).close();
        assertEquals(144, out.size());
        assertEquals(500, le(out.toByteArray()).getShort(54));
        assertEquals(List.of(), read(out.toByteArray()));
    }

    @Test
    void flushClosesTheContainerSoAKilledRecordingKeepsEveryFrameFlushed() throws Exception {
        ByteArrayOutputStream disk = new ByteArrayOutputStream();
        List<CanFrame> frames = frames(1000, 3);
        try (BlfWriter writer = new BlfWriter(disk)) {
            for (int i = 0; i < 1000; i++) {
                writer.write(frames.get(i));
                if (i % 100 == 99) {
                    writer.flush();
                    assertEquals(frames.subList(0, i + 1), read(disk.toByteArray()), "after flushing " + (i + 1));
                }
            }
        }
    }

    @Test
    void aContainerCutByAKillLosesOnlyItsOwnFrames() throws Exception {
        List<CanFrame> frames = frames(3000, 4);
        byte[] file = BlfBytes.write(frames, 6, BlfWriter.CONTAINER_BYTES);
        int firstSize = le(file).getInt(144 + 8);
        int second = 144 + firstSize + firstSize % 4;
        int perContainer = BlfWriter.CONTAINER_BYTES / 48;
        for (int cut : new int[] {second + 1, second + 16, second + 40, second + 2000, file.length - 5}) {
            byte[] killed = Arrays.copyOf(file, cut);
            BlfBytes.Tolerant read = readTolerant(killed);
            assertTrue(read.frames().size() >= perContainer, "cut at " + cut + ": " + read.frames().size());
            assertEquals(frames.subList(0, read.frames().size()), read.frames());
            assertEquals(1, read.problems().size(), read.problems().toString());
            assertTrue(read.problems().get(0).getMessage().startsWith("test.blf: byte " + second + ": "),
                    read.problems().get(0).getMessage());
        }
    }

    @Test
    void mapsBusesToChannels() throws Exception {
        List<CanFrame> frames = List.of(
                CanFrame.of(START, "can3", 1, false),
                CanFrame.of(START, "vcan0", 2, false),
                CanFrame.of(START, "can0", 3, false),
                CanFrame.of(START, "sim", 4, false));
        // vcan0 takes the lowest free channel, 1, which can0 would have had; can0 then takes 2
        assertEquals(List.of("can3", "can0", "can1", "can2"),
                read(BlfBytes.write(frames, 6, BlfWriter.CONTAINER_BYTES)).stream().map(CanFrame::bus).toList());
        try (BlfWriter writer = new BlfWriter(new ByteArrayOutputStream())) {
            for (int i = 0; i < 255; i++) {
                writer.write(CanFrame.of(START, "bus" + i, 1, false));
            }
            assertThrows(IllegalArgumentException.class, () -> writer.write(CanFrame.of(START, "one more", 1, false)));
        }
    }

    @Test
    void writesAFrameWithoutTimeAtThePreviousTimeAndAnEarlierFrameAtTheStart() throws Exception {
        List<CanFrame> frames = List.of(
                CanFrame.of(START + 1000, "can0", 1, false),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 2, false),
                CanFrame.of(START - 5000, "can0", 3, false));
        assertEquals(List.of(START + 1000, START + 1000, START + 1000),
                read(BlfBytes.write(frames, 6, BlfWriter.CONTAINER_BYTES)).stream().map(CanFrame::timestampMicros).toList());
    }

    @Test
    void refusesFramesAfterClose() throws Exception {
        BlfWriter writer = new BlfWriter(new ByteArrayOutputStream());
        writer.close();
        assertThrows(java.io.IOException.class, () -> writer.write(CanFrame.of(START, "can0", 1, false)));
        assertEquals(LogFormat.BLF, writer.format());
    }
}
