package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.BlfBytes.START;
import static org.bmsworkbench.can.log.BlfBytes.canErrorExt;
import static org.bmsworkbench.can.log.BlfBytes.canFdMessage;
import static org.bmsworkbench.can.log.BlfBytes.canFdMessage64;
import static org.bmsworkbench.can.log.BlfBytes.canMessage;
import static org.bmsworkbench.can.log.BlfBytes.concat;
import static org.bmsworkbench.can.log.BlfBytes.container;
import static org.bmsworkbench.can.log.BlfBytes.counting;
import static org.bmsworkbench.can.log.BlfBytes.file;
import static org.bmsworkbench.can.log.BlfBytes.header;
import static org.bmsworkbench.can.log.BlfBytes.object;
import static org.bmsworkbench.can.log.BlfBytes.objectV2;
import static org.bmsworkbench.can.log.BlfBytes.read;
import static org.bmsworkbench.can.log.BlfBytes.readTolerant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * The BLF reader on files laid out byte by byte (see {@link BlfBytes} for the layouts: Vector's
 * binlog objects as python-can's can/io/blf.py packs them).
 */
class BlfReaderTest {
    private static final int NS = 2; // time stamp in nanoseconds
    private static final int TEN_US = 1; // time stamp in 10 µs

    /** One object of each frame type, and what they read as. */
    static final byte[] STREAM = concat(
            object(1, NS, 0, canMessage(1, 0, 6, 0x356, 0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00, 0xEE, 0xEE)),
            object(86, TEN_US, 10_000, concat(canMessage(2, 0x01, 2, 0x8000_0000 | 0x19F21450, 0xC0, 0x14, 0, 0, 0, 0, 0, 0),
                    new byte[8])),
            object(1, NS, 200_000_400, canMessage(1, 0x80, 4, 0x123, 0, 0, 0, 0, 0, 0, 0, 0)),
            object(73, NS, 300_000_000, canErrorExt(1, 8, 0x8000_0000 | 0x88, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            object(100, NS, 400_000_000, canFdMessage(3, 0, 9, 0x7FF, 0x03, 12, Arrays.copyOf(counting(1, 12), 64))),
            object(100, NS, 500_000_000, canFdMessage(1, 0x01, 3, 0x100, 0, 3, Arrays.copyOf(counting(7, 3), 64))),
            objectV2(101, NS, 600_000_000, canFdMessage64(2, 15, 0x8000_0000 | 0x1C4D80A7, 0x1000 | 0x4000, 1,
                    counting(0, 64))),
            object(101, NS, 700_000_000, canFdMessage64(1, 5, 0x42, 0x1000 | 0x2000, 0, counting(0x10, 5))),
            new byte[3], // CAN_FD_MESSAGE_64 of 77 bytes: three bytes to the next 4-byte boundary
            object(1, NS, 800_000_000, canMessage(4, 0, 13, 0x3FF, 1, 2, 3, 4, 5, 6, 7, 8)));

    static final List<CanFrame> FRAMES = List.of(
            CanFrame.of(START, "can0", 0x356, false, bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00)),
            CanFrame.of(START + 100_000, "can1", 0x19F21450, true, bytes(0xC0, 0x14)).withDirection(Direction.TX),
            CanFrame.remote(START + 200_000, "can0", 0x123, false, 4),
            CanFrame.error(START + 300_000, "can0", 0x88, new byte[8]),
            CanFrame.fd(START + 400_000, "can2", 0x7FF, false, true, false, counting(1, 12)),
            CanFrame.of(START + 500_000, "can0", 0x100, false, counting(7, 3)).withDirection(Direction.TX),
            CanFrame.fd(START + 600_000, "can1", 0x1C4D80A7, true, false, true, counting(0, 64))
                    .withDirection(Direction.TX),
            CanFrame.fd(START + 700_000, "can0", 0x42, false, true, false, counting(0x10, 5)),
            CanFrame.of(START + 800_000, "can3", 0x3FF, false, bytes(1, 2, 3, 4, 5, 6, 7, 8)));

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void readsEveryFrameObjectFromACompressedContainer() throws Exception {
        assertEquals(FRAMES, read(file(STREAM, true)));
    }

    @Test
    void opensThroughCanLogsWhenTheFormatIsNamed() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (CanLogWriter writer = CanLogs.writer(out, LogFormat.BLF)) {
            for (CanFrame f : FRAMES) {
                writer.write(f);
            }
        }
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(out.toByteArray()), "x.blf", LogFormat.BLF,
                null)) {
            assertEquals(FRAMES, BlfBytes.readAll(reader));
        }
    }

    @Test
    void readsAnUncompressedContainer() throws Exception {
        assertEquals(FRAMES, read(file(STREAM, false)));
    }

    @Test
    void readsObjectsSpanningContainersWhereverTheyAreCut() throws Exception {
        for (int cut = 1; cut < STREAM.length; cut += 7) {
            assertEquals(FRAMES, read(file(STREAM, cut % 2 == 0, cut)), "cut at " + cut);
        }
        int[] everyByte = new int[STREAM.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertEquals(FRAMES, read(file(STREAM, true, everyByte)), "one byte per container");
    }

    @Test
    void skipsAndCountsOtherObjectsWithTheirPadding() throws Exception {
        byte[] marker = object(96, NS, 0, counting(0, 37)); // GLOBAL_MARKER, 69 bytes: 1 padding byte (69 % 4)
        byte[] appText = object(65, NS, 0, counting(0, 10)); // APP_TEXT, 42 bytes: 2 padding bytes
        byte[] stream = concat(marker, new byte[1], Arrays.copyOfRange(STREAM, 0, 48), appText, new byte[2],
                Arrays.copyOfRange(STREAM, 48, STREAM.length));
        byte[] topLevel = object(4, NS, 0, new byte[24]); // CAN_STATISTIC outside any container
        byte[] file = concat(header(true), topLevel, container(stream, true));
        BlfBytes.Tolerant read = readTolerant(file);
        assertEquals(FRAMES, read.frames());
        assertEquals(List.of(), read.problems());
        assertEquals(3, read.skippedObjects());
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(file), "x", null)) {
            BlfBytes.readAll(reader);
            assertEquals(FRAMES.size() + 3, reader.linesRead(), "objects read");
            assertEquals(LogFormat.BLF, reader.format());
        }
    }

    @Test
    void readsAFrameObjectOutsideAnyContainer() throws Exception {
        byte[] file = concat(header(true), Arrays.copyOfRange(STREAM, 0, 48), container(Arrays.copyOfRange(STREAM, 48,
                STREAM.length), true));
        assertEquals(FRAMES, read(file));
    }

    @Test
    void fillsFdBytesTheObjectDoesNotStoreWithZerosAndSkipsTransmitRequests() throws Exception {
        byte[] stream = concat(
                object(100, NS, 0, canFdMessage(1, 0, 10, 0x10, 0x01, 8, Arrays.copyOf(counting(1, 8), 64))),
                object(101, NS, 0, canFdMessage64(1, 15, 0x11, 0x1000, 2, counting(0, 64))), // TxRq
                object(101, NS, 0, canFdMessage64(1, 9, 0x12, 0x1000, 0, counting(1, 4))));
        BlfBytes.Tolerant read = readTolerant(file(stream, true));
        assertEquals(List.of(
                CanFrame.fd(START, "can0", 0x10, false, false, false, Arrays.copyOf(counting(1, 8), 16)),
                CanFrame.fd(START, "can0", 0x12, false, false, false, Arrays.copyOf(counting(1, 4), 12))), read.frames());
        assertEquals(1, read.skippedObjects());
    }

    @Test
    void takesAnAllZeroStartTimeAsTheEpoch() throws Exception {
        byte[] file = concat(header(false), container(object(1, NS, 1_500_000, canMessage(1, 0, 0, 0x1)), true));
        assertEquals(List.of(CanFrame.of(1_500, "can0", 1, false)), read(file));
    }

    @Test
    void roundsNanosecondsToTheMicrosecond() throws Exception {
        byte[] stream = concat(object(1, NS, 1_499, canMessage(1, 0, 0, 0x1)), object(1, NS, 1_500, canMessage(1, 0, 0, 0x1)));
        assertEquals(List.of(START + 1, START + 2), read(file(stream, true)).stream().map(CanFrame::timestampMicros).toList());
    }

    @Test
    void refusesAFileWithoutTheLoggSignature() {
        LogParseException e = assertThrows(LogParseException.class, () -> read("not a log".getBytes()));
        assertEquals("test.blf: byte 0: not a BLF file: no LOGG signature", e.getMessage());
        assertEquals(0, e.byteOffset());
    }

    @Test
    void namesTheOffsetOfATruncatedContainerAfterTheFramesBeforeIt() throws Exception {
        byte[] whole = concat(header(true), container(Arrays.copyOfRange(STREAM, 0, 96), true),
                container(Arrays.copyOfRange(STREAM, 96, STREAM.length), false));
        int second = 144 + container(Arrays.copyOfRange(STREAM, 0, 96), true).length;
        byte[] cut = Arrays.copyOf(whole, second + 100);
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(cut), "cut.blf", null)) {
            assertEquals(FRAMES.get(0), reader.next());
            assertEquals(FRAMES.get(1), reader.next());
            assertEquals(FRAMES.get(2), reader.next()); // whole inside the 68 bytes of data present
            LogParseException e = assertThrows(LogParseException.class, reader::next);
            assertEquals("cut.blf: byte " + second + ": LOG_CONTAINER of " + (32 + STREAM.length - 96)
                    + " bytes runs past the end of the file (100 bytes of it present)", e.getMessage());
        }
        BlfBytes.Tolerant tolerant = readTolerant(cut);
        assertEquals(FRAMES.subList(0, 3), tolerant.frames());
        assertEquals(1, tolerant.problems().size(), tolerant.problems().toString());
    }

    @Test
    void readsEveryWholeFrameOfAFileCutAnywhere() throws Exception {
        byte[] whole = file(STREAM, true, 100, 200);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            BlfBytes.Tolerant read = readTolerant(cut);
            assertEquals(FRAMES.subList(0, read.frames().size()), read.frames(), "cut at " + length);
            assertTrue(read.problems().size() <= 1, "cut at " + length + ": " + read.problems());
            if (length > 144 && read.frames().size() < FRAMES.size()) {
                assertThrows(LogParseException.class, () -> read(cut), "cut at " + length);
            }
        }
    }

    @Test
    void namesBadZlibDataAndGoesOnWithTheNextContainerWhenTolerant() throws Exception {
        byte[] first = container(Arrays.copyOfRange(STREAM, 0, 48), true);
        byte[] second = container(Arrays.copyOfRange(STREAM, 48, 96), true);
        byte[] third = container(Arrays.copyOfRange(STREAM, 96, STREAM.length), true);
        second[32] ^= 0x5A; // the zlib header
        byte[] file = concat(header(true), first, second, third);
        LogParseException e = assertThrows(LogParseException.class, () -> read(file));
        assertEquals(144 + first.length, e.byteOffset());
        assertTrue(e.reason().startsWith("bad zlib data: "), e.getMessage());
        BlfBytes.Tolerant read = readTolerant(file);
        assertEquals(1, read.problems().size(), read.problems().toString());
        assertEquals(FRAMES.get(0), read.frames().get(0));
        assertEquals(FRAMES.subList(2, FRAMES.size()), read.frames().subList(1, read.frames().size()));
    }

    @Test
    void namesAnObjectSizeRunningPastTheFileAfterItsFrames() throws Exception {
        byte[] c = container(STREAM, true);
        c[8] = (byte) 0xFF; // object size: the container claims more than the file holds
        c[9] = (byte) 0x7F;
        c[10] = 0;
        c[11] = 0;
        byte[] file = concat(header(true), c);
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(file), "x.blf", null)) {
            for (CanFrame expected : FRAMES) {
                assertEquals(expected, reader.next());
            }
            assertEquals("x.blf: byte 144: LOG_CONTAINER of 32767 bytes runs past the end of the file (" + c.length
                    + " bytes of it present)", assertThrows(LogParseException.class, reader::next).getMessage());
        }
        byte[] plain = container(STREAM, false);
        plain[8] = (byte) 0xFF;
        plain[9] = (byte) 0x7F;
        assertEquals("test.blf: byte 144: uncompressed LOG_CONTAINER of " + (0x7FFF - 32) + " data bytes declares "
                + STREAM.length, assertThrows(LogParseException.class, () -> read(concat(header(true), plain)))
                .getMessage());
    }

    @Test
    void namesABadObjectInsideAContainerAndResynchronisesOnTheNextSignature() throws Exception {
        byte[] broken = STREAM.clone();
        broken[48 + 8] = 8; // second object: size 8, smaller than its header
        broken[48 + 9] = 0;
        LogParseException e = assertThrows(LogParseException.class, () -> read(file(broken, true)));
        assertEquals("test.blf: byte 144: LOG_CONTAINER data byte 48: object size 8 is smaller than its 16-byte header",
                e.getMessage());
        BlfBytes.Tolerant read = readTolerant(file(broken, true));
        assertEquals(1, read.problems().size());
        assertEquals(FRAMES.get(0), read.frames().get(0));
        assertEquals(FRAMES.subList(2, FRAMES.size()), read.frames().subList(1, read.frames().size()));
    }

    @Test
    void refusesChannelZeroAndGoesOnWhenTolerant() throws Exception {
        byte[] stream = concat(object(1, NS, 0, canMessage(0, 0, 0, 0x1)), object(1, NS, 0, canMessage(1, 0, 0, 0x2)));
        LogParseException e = assertThrows(LogParseException.class, () -> read(file(stream, true)));
        assertEquals("test.blf: byte 144: LOG_CONTAINER data byte 0: channel 0: BLF channels start at 1", e.getMessage());
        assertEquals(List.of(CanFrame.of(START, "can0", 2, false)), readTolerant(file(stream, true)).frames());
    }

    @Test
    void refusesAStandardIdBeyond11BitsAndAnUnknownHeaderVersion() {
        byte[] wide = object(1, NS, 0, canMessage(1, 0, 0, 0x800));
        assertEquals("LOG_CONTAINER data byte 0: CAN_MESSAGE: CAN id 0x800 does not fit a 11-bit identifier",
                assertThrows(LogParseException.class, () -> read(file(wide, true))).reason());
        byte[] v3 = object(1, NS, 0, canMessage(1, 0, 0, 0x1));
        v3[6] = 3;
        assertEquals("LOG_CONTAINER data byte 0: CAN_MESSAGE with object header version 3 (known: 1, 2)",
                assertThrows(LogParseException.class, () -> read(file(v3, true))).reason());
    }
}
