package org.bmsworkbench.protocol.generalbms.internal;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.sma.codec.MessageCodec;
import org.bmsworkbench.protocol.sma.codec.SignalField;

/**
 * One half of the 16-character BMS serial number (guide 1.4.2, 0x380 "first 8 characters",
 * 0x381 "last 8 characters"). A half alone fills no key: the frame decodes to no signals and
 * {@link GeneralBmsSession} joins the halves into {@code bms.serial}. Encoding writes this
 * half's eight characters of {@code bms.serial}, NUL padded.
 */
final class SerialNumberHalf implements MessageCodec {
    /** Characters per half, and the data bytes of the frame. */
    static final int CHARACTERS = 8;
    /** The whole serial: both halves. */
    static final int SERIAL_LENGTH = 2 * CHARACTERS;

    private final int canId;
    private final String name;
    private final String description;
    /** 0 for the high part (characters 1–8), 8 for the low part (characters 9–16). */
    private final int first;
    private final SignalDescriptor serial;
    private final FrameLayout layout;

    SerialNumberHalf(int canId, String name, String description, int first, SignalDescriptor serial) {
        this.canId = canId;
        this.name = name;
        this.description = description;
        this.first = first;
        this.serial = serial;
        this.layout = new FrameLayout(canId, false, name, CHARACTERS, description,
                SignalField.asciiLayouts(serial.key(), 0, CHARACTERS, first + 1));
    }

    /** 0 for the high part, 8 for the low part. */
    int first() {
        return first;
    }

    @Override
    public int canId() {
        return canId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int length() {
        return CHARACTERS;
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of(serial);
    }

    @Override
    public FrameLayout layout() {
        return layout;
    }

    /** No signals: a half is not a serial number; the session assembles one from both. */
    @Override
    public Map<String, Object> decode(CanFrame frame) throws MalformedFrameException {
        FrameFields.requireLength(frame, CHARACTERS, name);
        return Map.of();
    }

    @Override
    public byte[] encode(Map<String, ?> signals) {
        byte[] data = new byte[CHARACTERS];
        Object value = signals.get(serial.key());
        if (value == null) {
            return data;
        }
        String where = String.format("0x%03X %s: %s", canId, name, serial.key());
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + " = " + value + " is not text");
        }
        if (text.length() > SERIAL_LENGTH) {
            throw new IllegalArgumentException(where + " = \"" + text + "\" is longer than " + SERIAL_LENGTH + " characters");
        }
        for (int i = 0; i < CHARACTERS && first + i < text.length(); i++) {
            char c = text.charAt(first + i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(where + " = \"" + text + "\" holds a character outside printable ASCII");
            }
            data[i] = (byte) c;
        }
        return data;
    }

    /**
     * The serial number in 16 bytes (high part, then low part) as text: trailing NUL, 0xFF and
     * space padding trimmed, any other byte outside printable ASCII shown as {@code ?} (as
     * {@link FrameFields#ascii} does for one frame); null when it is padding only.
     */
    static String serial(byte[] sixteen) {
        int end = sixteen.length;
        while (end > 0 && isPadding(sixteen[end - 1] & 0xFF)) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        char[] chars = new char[end];
        for (int i = 0; i < end; i++) {
            int c = sixteen[i] & 0xFF;
            chars[i] = c >= 0x20 && c < 0x7F ? (char) c : '?';
        }
        return new String(chars);
    }

    private static boolean isPadding(int b) {
        return b == 0 || b == 0xFF || b == ' ';
    }

    @Override
    public String toString() {
        return String.format("0x%03X %s", canId, name);
    }
}
