package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Enumeration;
import java.util.Iterator;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Reading in constant memory: a generated file of 3,000,000 frames, never held anywhere (it is
 * made as it is read), whose first container alone holds 48 MB of objects, is read through the
 * reader's fixed buffers.
 */
class BlfStreamingTest {
    private static final int IN_BIG_CONTAINER = 1_000_000;
    private static final int IN_SMALL_CONTAINERS = 2_000_000;
    /** Container data size of the compressed part: not a multiple of the 48-byte object, so objects span containers. */
    private static final int SMALL_CONTAINER = 100_003;

    /** CAN_MESSAGE {@code n}: channel 1, 11-bit id n % 0x800, 8 data bytes holding n, time n µs. */
    private static void object(ByteBuffer b, int n) {
        b.put("LOBJ".getBytes()).putShort((short) 32).putShort((short) 1).putInt(48).putInt(1);
        b.putInt(2).putInt(0).putLong(n * 1000L);
        b.putShort((short) 1).put((byte) 0).put((byte) 8).putInt(n & 0x7FF).putLong(n);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file, chunk by chunk as it is read. */
    private static InputStream generated() {
        Iterator<byte[]> chunks = new Iterator<>() {
            private int next;
            private int part;
            private ByteBuffer pending = le(0);

            @Override
            public boolean hasNext() {
                return part < 4;
            }

            @Override
            public byte[] next() {
                switch (part) {
                    case 0 -> {
                        part = 1;
                        ByteBuffer c = le(32);
                        c.put("LOBJ".getBytes()).putShort((short) 16).putShort((short) 1)
                                .putInt(32 + IN_BIG_CONTAINER * 48).putInt(10);
                        c.putShort((short) 0).put(new byte[6]).putInt(IN_BIG_CONTAINER * 48).putInt(0);
                        return BlfBytes.concat(BlfBytes.header(false), c.array());
                    }
                    case 1 -> {
                        ByteBuffer b = le(48 * 10_000);
                        for (int i = 0; i < 10_000; i++) {
                            object(b, next++);
                        }
                        if (next == IN_BIG_CONTAINER) {
                            part = 2;
                        }
                        return b.array();
                    }
                    default -> {
                        int total = IN_BIG_CONTAINER + IN_SMALL_CONTAINERS;
                        ByteBuffer b = le(pending.remaining() + SMALL_CONTAINER + 48);
                        b.put(pending);
                        while (b.position() < SMALL_CONTAINER && next < total) {
                            object(b, next++);
                        }
                        b.flip();
                        int take = Math.min(SMALL_CONTAINER, b.remaining());
                        byte[] data = new byte[take];
                        b.get(data);
                        pending = b.slice().order(ByteOrder.LITTLE_ENDIAN);
                        if (next == total && !pending.hasRemaining()) {
                            part = 4;
                        }
                        return BlfBytes.container(data, true);
                    }
                }
            }
        };
        return new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return chunks.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return new java.io.ByteArrayInputStream(chunks.next());
            }
        });
    }

    @Test
    void readsMillionsOfFramesAndA48MegabyteContainerThroughFixedBuffers() throws IOException, LogParseException {
        try (BlfReader reader = new BlfReader(generated(), "generated.blf", null)) {
            BlfObjectStream stream = readerStream(reader);
            byte[] window = stream.win;
            long n = 0;
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                if (f.id() != (n & 0x7FF) || f.timestampMicros() != n
                        || ByteBuffer.wrap(f.data()).order(ByteOrder.LITTLE_ENDIAN).getLong() != n) {
                    throw new AssertionError("frame " + n + ": " + f);
                }
                n++;
                if ((n & 0xFFFF) == 0) {
                    assertSame(window, stream.win, "the window is never replaced");
                }
            }
            assertEquals(IN_BIG_CONTAINER + IN_SMALL_CONTAINERS, n);
            assertEquals(BlfObjectStream.WINDOW, stream.win.length);
            assertEquals(0, reader.skippedObjects());
        }
    }

    private static BlfObjectStream readerStream(BlfReader reader) {
        try {
            var field = BlfReader.class.getDeclaredField("stream");
            field.setAccessible(true);
            return (BlfObjectStream) field.get(reader);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

}
