package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class LineInputTest {

    @Property
    void findsTheFirstNewlineLikeASimpleLoop(@ForAll @Size(max = 40) List<@IntRange(min = 9, max = 11) Integer> values,
            @ForAll @IntRange(min = 0, max = 40) int from) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = values.get(i).byteValue();
        }
        int start = Math.min(from, b.length);
        int expected = -1;
        for (int i = start; i < b.length; i++) {
            if (b[i] == '\n') {
                expected = i;
                break;
            }
        }
        assertEquals(expected, LineInput.indexOfNewline(b, start, b.length));
    }

    @Property
    void splitsLinesTheSameWhateverTheStreamHandsOver(
            @ForAll @Size(max = 20) List<@StringLength(max = 30) String> parts,
            @ForAll @IntRange(min = 1, max = 7) int chunk) throws IOException {
        String text = "\uFEFF" + String.join("\r\n", parts);
        List<String> expected = new ArrayList<>();
        for (String line : (String.join("\r\n", parts) + "\u0000").split("\n", -1)) {
            expected.add(line);
        }
        // the sentinel shows whether the text ended in a newline (then no empty last line is delivered)
        String last = expected.remove(expected.size() - 1);
        if (!last.equals("\u0000")) {
            expected.add(last.substring(0, last.length() - 1));
        }
        expected.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);

        List<String> lines = new ArrayList<>();
        try (LineInput in = new LineInput(new Trickle(text.getBytes(StandardCharsets.UTF_8), chunk))) {
            while (in.next()) {
                lines.add(new String(in.buf, in.start, in.end - in.start, StandardCharsets.UTF_8));
                assertEquals(lines.size(), in.lineNumber());
            }
        }
        assertEquals(expected, lines);
    }

    /** Hands over at most {@code chunk} bytes per read, as a pipe may. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
