package org.bmsworkbench.protocol.nmea2000.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bmsworkbench.bms.MalformedFrameException;

/**
 * PGN 126996 Product Information, a fast packet of 134 bytes (canboat
 * {@code analyzer/pgn-generated-data.h}): NMEA 2000 version (uint16, 0.001: 2100 = 2.100), product
 * code (uint16), model id, software version code, model version, model serial code (4 × 32-byte
 * fixed strings), certification level (uint8), load equivalency (uint8, 50 mA per LEN).
 *
 * <p>Strings are ASCII. Written, a string is padded with 0xFF, the NMEA 2000 "unknown" byte; read,
 * it ends at the first 0x00, and trailing 0xFF, 0x00, {@code '@'} and white space are dropped, as
 * canboat's {@code printString} does (devices pad with any of them); an empty field reads as null.
 *
 * @param nmea2000Version    raw, 0..0xFFFF
 * @param productCode        0..0xFFFF
 * @param modelId            at most 32 characters, or null
 * @param softwareVersion    at most 32 characters, or null
 * @param modelVersion       at most 32 characters, or null
 * @param modelSerial        at most 32 characters, or null
 * @param certificationLevel 0..255
 * @param loadEquivalency    0..255
 */
public record ProductInformation(int nmea2000Version, int productCode, String modelId, String softwareVersion,
        String modelVersion, String modelSerial, int certificationLevel, int loadEquivalency) {
    public static final int PGN = NetworkMessages.PRODUCT_INFORMATION;
    public static final int LENGTH = 134;
    /** Each string field's bytes. */
    public static final int STRING_LENGTH = 32;
    private static final int PAD = 0xFF;

    public ProductInformation {
        check("NMEA 2000 version", nmea2000Version, 0xFFFF);
        check("product code", productCode, 0xFFFF);
        check("certification level", certificationLevel, 0xFF);
        check("load equivalency", loadEquivalency, 0xFF);
        checkText("model id", modelId);
        checkText("software version", softwareVersion);
        checkText("model version", modelVersion);
        checkText("model serial", modelSerial);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }

    private static void checkText(String what, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > STRING_LENGTH) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is longer than " + STRING_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " \"" + text + "\" has a character outside printable ASCII");
            }
        }
    }

    /**
     * The fields of a reassembled payload; bytes after the 134th are ignored.
     *
     * @throws MalformedFrameException when the payload has fewer than 134 bytes
     */
    public static ProductInformation read(byte[] payload) throws MalformedFrameException {
        if (payload.length < LENGTH) {
            throw new MalformedFrameException("PGN 126996 product_information needs " + LENGTH + " payload bytes, got "
                    + payload.length);
        }
        return new ProductInformation(u16(payload, 0), u16(payload, 2), text(payload, 4), text(payload, 36),
                text(payload, 68), text(payload, 100), payload[132] & 0xFF, payload[133] & 0xFF);
    }

    /** The 134-byte payload, strings padded with 0xFF. */
    public byte[] toBytes() {
        byte[] payload = new byte[LENGTH];
        payload[0] = (byte) nmea2000Version;
        payload[1] = (byte) (nmea2000Version >>> 8);
        payload[2] = (byte) productCode;
        payload[3] = (byte) (productCode >>> 8);
        putText(payload, 4, modelId);
        putText(payload, 36, softwareVersion);
        putText(payload, 68, modelVersion);
        putText(payload, 100, modelSerial);
        payload[132] = (byte) certificationLevel;
        payload[133] = (byte) loadEquivalency;
        return payload;
    }

    private static int u16(byte[] b, int offset) {
        return b[offset] & 0xFF | (b[offset + 1] & 0xFF) << 8;
    }

    private static void putText(byte[] payload, int offset, String text) {
        Arrays.fill(payload, offset, offset + STRING_LENGTH, (byte) PAD);
        if (text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, payload, offset, bytes.length);
        }
    }

    private static String text(byte[] payload, int offset) {
        int end = offset;
        while (end < offset + STRING_LENGTH && payload[end] != 0) {
            end++;
        }
        while (end > offset) {
            int c = payload[end - 1] & 0xFF;
            if (c == PAD || c == '@' || c <= ' ') {
                end--;
            } else {
                break;
            }
        }
        if (end == offset) {
            return null;
        }
        StringBuilder sb = new StringBuilder(end - offset);
        for (int i = offset; i < end; i++) {
            int c = payload[i] & 0xFF;
            sb.append(c >= 0x20 && c <= 0x7E ? (char) c : '?');
        }
        return sb.toString();
    }
}
