package org.bmsworkbench.transport.gsusb.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bmsworkbench.can.spi.Bitrates;

/**
 * A bit timing for a gs_usb device ({@code struct gs_device_bittiming}: prop_seg, phase_seg1,
 * phase_seg2, sjw, brp), computed from the device's own constants the way Linux's
 * {@code can_calc_bittiming()} does ({@code drivers/net/can/dev/calc_bittiming.c}), so that a
 * bus runs with the timing {@code ip link set canX type can bitrate N} would give it.
 *
 * @param samplePoint in tenths of a percent (875 = 87.5 %)
 * @param tqNanos     the time quantum, {@code brp · 10⁹ / clock}, rounded down
 * @param bitrate     the bit rate these values give, {@code clock / (brp · (1 + tseg1 + tseg2))}
 */
record BitTiming(int propSeg, int phaseSeg1, int phaseSeg2, int sjw, int brp, int samplePoint, long tqNanos,
        long bitrate) {
    static final int SIZE = 20;
    /** The largest bit rate error accepted, in tenths of a percent (CAN_CALC_MAX_ERROR: 5 %). */
    private static final int MAX_ERROR = 50;
    private static final int SYNC_SEG = 1;

    /**
     * The CiA recommended sample point Linux uses when none is given: 75 % above 800 kbit/s,
     * 80 % above 500 kbit/s, 87.5 % otherwise.
     */
    static int ciaSamplePoint(int bitrate) {
        return bitrate > 800_000 ? 750 : bitrate > 500_000 ? 800 : 875;
    }

    /**
     * The timing for {@code bitrate} within {@code c}: of all segment lengths from the longest
     * down, the prescaler that comes closest to the bit rate and then to the CiA sample point.
     *
     * @throws IllegalArgumentException when no timing comes within 5 % of the bit rate (the
     *                                  message names the rate and the clock)
     */
    static BitTiming calculate(int bitrate, BitTimingConstants c) {
        int nominal = ciaSamplePoint(bitrate);
        long bestBitrateError = Long.MAX_VALUE;
        long bestSampleError = Long.MAX_VALUE;
        int bestTseg = 0;
        int bestBrp = 0;
        int[] split = new int[3];
        // tseg counts half quanta: even rounds the prescaler down, odd rounds it up
        for (int tseg = (c.tseg1Max() + c.tseg2Max()) * 2 + 1; tseg >= (c.tseg1Min() + c.tseg2Min()) * 2; tseg--) {
            long tsegAll = SYNC_SEG + tseg / 2;
            long brp = c.clock() / (tsegAll * bitrate) + tseg % 2;
            brp = brp / c.brpInc() * c.brpInc();
            if (brp < c.brpMin() || brp > c.brpMax()) {
                continue;
            }
            long got = c.clock() / (brp * tsegAll);
            long error = Math.abs(bitrate - got);
            if (error > bestBitrateError) {
                continue;
            }
            if (error < bestBitrateError) {
                bestSampleError = Long.MAX_VALUE;
            }
            samplePoint(c, nominal, tseg / 2, split);
            long sampleError = split[2];
            if (sampleError >= bestSampleError) {
                continue;
            }
            bestSampleError = sampleError;
            bestBitrateError = error;
            bestTseg = tseg / 2;
            bestBrp = (int) brp;
            if (error == 0 && sampleError == 0) {
                break;
            }
        }
        if (bestBrp == 0 || bestBitrateError * 1000 / bitrate > MAX_ERROR) {
            throw new IllegalArgumentException(Bitrates.label(bitrate) + " cannot be made from the adapter's "
                    + c.clock() / 1_000_000.0 + " MHz clock within 5 % (" + c + ")");
        }
        int sp = samplePoint(c, nominal, bestTseg, split);
        int tseg1 = split[0];
        int tseg2 = split[1];
        int prop = tseg1 / 2;
        int phase1 = tseg1 - prop;
        // Linux 6.3 and later (can_sjw_set_default): SJW = phase_seg2 / 2, at least 1, at most phase_seg1
        int sjw = Math.min(c.sjwMax(), Math.max(1, Math.min(phase1, tseg2 / 2)));
        long tq = (long) bestBrp * 1_000_000_000L / c.clock();
        return new BitTiming(prop, phase1, tseg2, sjw, bestBrp, sp, tq,
                c.clock() / ((long) bestBrp * (SYNC_SEG + tseg1 + tseg2)));
    }

    /**
     * Linux's {@code can_update_sample_point()}: splits {@code tseg} quanta into tseg1 and tseg2
     * (into {@code out[0]}, {@code out[1]}) for the sample point closest to {@code nominal} but not
     * after it, trying the rounded split and one quantum more for tseg2; the error goes to
     * {@code out[2]}. Returns that sample point.
     */
    private static int samplePoint(BitTimingConstants c, int nominal, int tseg, int[] out) {
        int best = 0;
        int bestError = Integer.MAX_VALUE;
        for (int i = 0; i <= 1; i++) {
            int tseg2 = tseg + SYNC_SEG - nominal * (tseg + SYNC_SEG) / 1000 - i;
            tseg2 = Math.max(c.tseg2Min(), Math.min(c.tseg2Max(), tseg2));
            int tseg1 = tseg - tseg2;
            if (tseg1 > c.tseg1Max()) {
                tseg1 = c.tseg1Max();
                tseg2 = tseg - tseg1;
            }
            int sp = 1000 * (tseg + SYNC_SEG - tseg2) / (tseg + SYNC_SEG);
            int error = Math.abs(nominal - sp);
            if (sp <= nominal && error < bestError) {
                best = sp;
                bestError = error;
                out[0] = tseg1;
                out[1] = tseg2;
            }
        }
        out[2] = bestError;
        return best;
    }

    /** The BREQ_BITTIMING / BREQ_DATA_BITTIMING payload. */
    byte[] encode() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).putInt(propSeg).putInt(phaseSeg1)
                .putInt(phaseSeg2).putInt(sjw).putInt(brp).array();
    }

    /** {@code sample point 87.5 %, tq 125 ns, prop-seg 6 phase-seg1 7 phase-seg2 2 sjw 1 brp 6}, as {@code ip -details} words it. */
    @Override
    public String toString() {
        return "sample point " + samplePoint / 10 + (samplePoint % 10 == 0 ? "" : "." + samplePoint % 10) + " %, tq "
                + tqNanos + " ns, prop-seg " + propSeg + " phase-seg1 " + phaseSeg1 + " phase-seg2 " + phaseSeg2 + " sjw "
                + sjw + " brp " + brp;
    }
}
