package org.bmsworkbench.transport.gsusb.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The limits of a CAN controller's bit timing ({@code struct can_bittiming_const} of Linux),
 * as a gs_usb device reports them with BREQ_BT_CONST ({@code struct gs_device_bt_const}:
 * feature, fclk_can, tseg1 min/max, tseg2 min/max, sjw max, brp min/max/inc) or, for the data
 * phase of CAN FD, with BREQ_BT_CONST_EXT.
 *
 * @param clock the CAN clock in Hz ({@code fclk_can})
 */
record BitTimingConstants(long clock, int tseg1Min, int tseg1Max, int tseg2Min, int tseg2Max, int sjwMax,
        int brpMin, int brpMax, int brpInc) {
    /** The size of {@code gs_device_bt_const}. */
    static final int SIZE = 40;
    /** The size of {@code gs_device_bt_const_extended}: the same and eight more for the data phase. */
    static final int EXT_SIZE = 72;

    BitTimingConstants {
        if (clock <= 0 || tseg1Min < 1 || tseg1Max < tseg1Min || tseg2Min < 1 || tseg2Max < tseg2Min || sjwMax < 1
                || brpMin < 1 || brpMax < brpMin || brpInc < 1) {
            throw new IllegalArgumentException("bit timing constants out of range: clock " + clock + " Hz, tseg1 "
                    + tseg1Min + ".." + tseg1Max + ", tseg2 " + tseg2Min + ".." + tseg2Max + ", sjw " + sjwMax + ", brp "
                    + brpMin + ".." + brpMax + " step " + brpInc);
        }
    }

    /** The feature bits ({@code GS_CAN_FEATURE_*}) at the head of a BT_CONST or BT_CONST_EXT answer. */
    static int features(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** The nominal constants of a BT_CONST (or BT_CONST_EXT) answer of {@code length} bytes. */
    static BitTimingConstants nominal(byte[] bytes, int length) {
        if (length < SIZE) {
            throw new IllegalArgumentException("BREQ_BT_CONST answered " + length + " bytes, not " + SIZE);
        }
        return at(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 8, 4);
    }

    /** The data-phase constants of a BT_CONST_EXT answer. */
    static BitTimingConstants data(byte[] bytes, int length) {
        if (length < EXT_SIZE) {
            throw new IllegalArgumentException("BREQ_BT_CONST_EXT answered " + length + " bytes, not " + EXT_SIZE);
        }
        return at(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 40, 4);
    }

    private static BitTimingConstants at(ByteBuffer b, int offset, int clockAt) {
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            v[i] = b.getInt(offset + 4 * i);
        }
        return new BitTimingConstants(b.getInt(clockAt) & 0xFFFF_FFFFL, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** A BT_CONST answer with these constants and {@code features}. */
    byte[] encode(int features) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(features).putInt((int) clock);
        putLimits(b);
        return b.array();
    }

    /** A BT_CONST_EXT answer: these nominal constants, then {@code data}'s. */
    byte[] encodeExtended(int features, BitTimingConstants data) {
        ByteBuffer b = ByteBuffer.allocate(EXT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(features).putInt((int) clock);
        putLimits(b);
        data.putLimits(b);
        return b.array();
    }

    private void putLimits(ByteBuffer b) {
        b.putInt(tseg1Min).putInt(tseg1Max).putInt(tseg2Min).putInt(tseg2Max).putInt(sjwMax).putInt(brpMin)
                .putInt(brpMax).putInt(brpInc);
    }

    @Override
    public String toString() {
        return "clock " + clock + " Hz, tseg1 " + tseg1Min + ".." + tseg1Max + ", tseg2 " + tseg2Min + ".." + tseg2Max
                + ", sjw 1.." + sjwMax + ", brp " + brpMin + ".." + brpMax + " (step " + brpInc + ")";
    }
}
