package org.bmsworkbench.cli.internal.decode;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A {@link TextBuffer}'s bytes as a {@link SerializableString}, so that {@link JsonlFormat}'s
 * generator copies the numbers and hex strings formatted there in one {@code arraycopy}: they are
 * only ASCII digits, sign, point and hex, which JSON never escapes, so quoted and unquoted forms
 * are the same bytes. It reads the buffer as it is at the time of the call.
 */
final class AsciiText implements SerializableString {
    private final TextBuffer text;

    AsciiText(TextBuffer text) {
        this.text = text;
    }

    @Override
    public String getValue() {
        return text.toString();
    }

    @Override
    public int charLength() {
        return text.size();
    }

    @Override
    public char[] asQuotedChars() {
        return getValue().toCharArray();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOf(text.array(), text.size());
    }

    @Override
    public byte[] asQuotedUTF8() {
        return asUnquotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return appendUnquotedUTF8(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        int n = text.size();
        if (offset + n > buffer.length) {
            return -1;
        }
        System.arraycopy(text.array(), 0, buffer, offset, n);
        return n;
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return appendUnquoted(buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        int n = text.size();
        if (offset + n > buffer.length) {
            return -1;
        }
        byte[] bytes = text.array();
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (char) bytes[i];
        }
        return n;
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return writeUnquotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(text.array(), 0, text.size());
        return text.size();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return putUnquotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        int n = text.size();
        if (buffer.remaining() < n) {
            return -1;
        }
        buffer.put(text.array(), 0, n);
        return n;
    }
}
