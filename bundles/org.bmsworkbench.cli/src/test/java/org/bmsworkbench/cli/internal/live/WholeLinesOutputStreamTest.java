package org.bmsworkbench.cli.internal.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** What reaches the file is always whole lines, whatever the writes' boundaries; close writes the rest. */
class WholeLinesOutputStreamTest {

    @Property
    void theFileOnlyEverHoldsWholeLines(@ForAll @Size(max = 20) List<@StringLength(max = 40) String> lines,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 97) Integer> cuts) throws IOException {
        String text = String.join("\n", lines);
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WholeLinesOutputStream out = new WholeLinesOutputStream(file);
        int at = 0;
        int i = 0;
        while (at < all.length) {
            int n = Math.min(cuts.get(i++ % cuts.size()), all.length - at);
            out.write(all, at, n);
            at += n;
            byte[] written = file.toByteArray();
            assertTrue(written.length == 0 || written[written.length - 1] == '\n', "ends with a whole line");
            int lastNewline = at - 1;
            while (lastNewline >= 0 && all[lastNewline] != '\n') {
                lastNewline--;
            }
            assertArrayEquals(Arrays.copyOf(all, lastNewline + 1), written);
            assertEquals(at - (lastNewline + 1), out.pendingBytes());
        }
        out.close();
        assertEquals(text, file.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteEndingInTheMiddleOfALineHoldsThatPartBack() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WholeLinesOutputStream out = new WholeLinesOutputStream(file);
        out.write("(1.000000) can0 356#C0\n(2.0000".getBytes(StandardCharsets.US_ASCII));
        assertEquals("(1.000000) can0 356#C0\n", file.toString(StandardCharsets.US_ASCII));
        out.write('0');
        out.write("0) can0 356#C1\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("(1.000000) can0 356#C0\n(2.000000) can0 356#C1\n", file.toString(StandardCharsets.US_ASCII));
        assertEquals(0, out.pendingBytes());
    }
}
