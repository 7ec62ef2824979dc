package org.bmsworkbench.protocol.jbd.codec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One JBD frame: {@code DD} start, two header bytes, a length, the data, a 16-bit checksum (high
 * byte first) and {@code 77} end. A request from the host is {@code DD A5|5A register length
 * data chk 77} (A5 read, 5A write); a reply of the BMS is {@code DD register status length data
 * chk 77} (status 0x00 ok, 0x80 error). The checksum covers the bytes from the third on, i.e.
 * register (request) or status (reply), length and data: {@code 0x10000 - sum}, kept to 16 bits.
 *
 * @param request  true for a host request ({@code A5}/{@code 5A} in byte 1), false for a reply
 * @param write    for a request: a write ({@code 5A}); false for a read or a reply
 * @param register the register (byte 2 of a request, byte 1 of a reply)
 * @param status   the reply's status byte (0x00 ok, 0x80 error); 0 for a request
 * @param data     the data bytes, 0..255 of them
 */
public record JbdFrame(boolean request, boolean write, int register, int status, byte[] data) {
    public static final int START = 0xDD;
    public static final int END = 0x77;
    public static final int READ = 0xA5;
    public static final int WRITE = 0x5A;
    public static final int STATUS_OK = 0x00;
    public static final int STATUS_ERROR = 0x80;
    /** Start, two header bytes, length, checksum (2), end. */
    public static final int OVERHEAD = 7;
    public static final int MAX_DATA = 255;
    public static final int MAX_LENGTH = OVERHEAD + MAX_DATA;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public JbdFrame {
        if (register < 0 || register > 0xFF) {
            throw new IllegalArgumentException("JBD register " + register + " is outside 0x00..0xFF");
        }
        if (status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("JBD status " + status + " is outside 0x00..0xFF");
        }
        if (write && !request) {
            throw new IllegalArgumentException("a JBD reply is not a write");
        }
        Objects.requireNonNull(data, "data");
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("JBD data of " + data.length + " bytes is longer than " + MAX_DATA);
        }
        data = data.clone();
    }

    /** A read request: {@code DD A5 reg 00 chk 77}. */
    public static JbdFrame read(int register) {
        return new JbdFrame(true, false, register, 0, new byte[0]);
    }

    /** A write request: {@code DD 5A reg len data chk 77}. */
    public static JbdFrame write(int register, byte... data) {
        return new JbdFrame(true, true, register, 0, data);
    }

    /** A reply of the BMS: {@code DD reg status len data chk 77}. */
    public static JbdFrame reply(int register, int status, byte... data) {
        return new JbdFrame(false, false, register, status, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Data byte {@code index}, 0..255. */
    public int u8(int index) {
        return data[index] & 0xFF;
    }

    /** Big-endian unsigned 16 bits at {@code index}. */
    public int u16(int index) {
        return (u8(index) << 8) | u8(index + 1);
    }

    public int length() {
        return data.length;
    }

    /** A reply whose status is not 0x00. */
    public boolean error() {
        return !request && status != STATUS_OK;
    }

    /** The checksum of the bytes from the third on: {@code 0x10000 - sum}, 16 bits. */
    public int checksum() {
        return checksum(request ? register : status, data.length, data, 0, data.length);
    }

    /**
     * The JBD checksum of {@code first} (register of a request, status of a reply), the length
     * byte and {@code length} data bytes from {@code offset}.
     */
    public static int checksum(int first, int lengthByte, byte[] bytes, int offset, int length) {
        int sum = first + lengthByte;
        for (int i = 0; i < length; i++) {
            sum += bytes[offset + i] & 0xFF;
        }
        return (0x10000 - sum) & 0xFFFF;
    }

    /** The frame's bytes as they go on the line. */
    public byte[] bytes() {
        byte[] b = new byte[OVERHEAD + data.length];
        b[0] = (byte) START;
        b[1] = (byte) (request ? (write ? WRITE : READ) : register);
        b[2] = (byte) (request ? register : status);
        b[3] = (byte) data.length;
        System.arraycopy(data, 0, b, 4, data.length);
        int chk = checksum();
        b[4 + data.length] = (byte) (chk >> 8);
        b[5 + data.length] = (byte) chk;
        b[6 + data.length] = (byte) END;
        return b;
    }

    /** The frame's bytes as upper-case hex, {@code DDA50300FFFD77}. */
    public String hex() {
        return HEX.formatHex(bytes());
    }

    /** {@code 0x03}: a register as JSONL and messages write it. */
    public static String registerHex(int register) {
        return String.format("0x%02X", register);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JbdFrame f && f.request == request && f.write == write && f.register == register
                && f.status == status && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, write, register, status) * 31 + Arrays.hashCode(data);
    }

    /** {@code read 0x03}, {@code write 0xE1 0002}, {@code reply 0x03 status 0x00 1700…}. */
    @Override
    public String toString() {
        if (request) {
            return (write ? "write " : "read ") + registerHex(register) + (data.length == 0 ? "" : " " + HEX.formatHex(data));
        }
        return "reply " + registerHex(register) + " status " + String.format("0x%02X", status)
                + (data.length == 0 ? "" : " " + HEX.formatHex(data));
    }
}
