package org.bmsworkbench.can.internal;

import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionStatistics;

/**
 * Frame counters of one connection, with frames and bits bucketed by second of wall-clock
 * time: recording a frame updates a few fields under a lock and allocates nothing. The rate
 * and the bus load are those of the last full second.
 */
final class TrafficCounters {
    /** Bits on the wire of a data frame with {@code n} data bytes, with worst-case bit stuffing. */
    private static final int[] STANDARD_BITS = new int[9];
    private static final int[] EXTENDED_BITS = new int[9];

    static {
        for (int n = 0; n <= 8; n++) {
            // 11-bit: SOF..CRC is 34 + 8n stuffable bits, then CRC delimiter, ACK, EOF and IFS: 47 + 8n in all.
            STANDARD_BITS[n] = 47 + 8 * n + (34 + 8 * n - 1) / 4;
            // 29-bit: SOF..CRC is 54 + 8n stuffable bits, 67 + 8n in all.
            EXTENDED_BITS[n] = 67 + 8 * n + (54 + 8 * n - 1) / 4;
        }
    }

    private long rxFrames;
    private long txFrames;
    private long errorFrames;
    private long transportErrors;
    private long currentSecond = Long.MIN_VALUE;
    private long currentFrames;
    private long currentBits;
    private long previousFrames;
    private long previousBits;

    /**
     * Worst-case length on the wire of {@code frame} in bits (0 for an error report). A CAN FD frame
     * counts as if its data phase ran at the nominal bit rate too, an upper bound (with bit rate
     * switch the data phase is shorter): SOF to DLC (22 bits, 41 for a 29-bit id) and the data with
     * worst-case stuffing, the stuff count and CRC (17 bits up to 16 data bytes, 21 above) with their
     * fixed stuff bits, then CRC delimiter, ACK, EOF and IFS (13). A chunk of a byte stream counts
     * 10 bits a byte (8N1: start, 8 data, stop bit).
     */
    static int frameBits(CanFrame frame) {
        if (frame.error()) {
            return 0;
        }
        if (frame.chunk()) {
            return 10 * frame.length();
        }
        if (frame.fd()) {
            int n = frame.length();
            int head = (frame.extended() ? 41 : 22) + 8 * n;
            int crc = n <= 16 ? 17 : 21;
            int fixed = 4 + crc + (4 + crc + 3) / 4;
            return head + (head - 1) / 4 + fixed + 13;
        }
        return frame.extended() ? EXTENDED_BITS[frame.length()] : STANDARD_BITS[frame.length()];
    }

    /** Counts a received or sent frame at wall-clock time {@code nowMillis}. */
    synchronized void record(CanFrame frame, boolean sent, long nowMillis) {
        if (frame.error()) {
            errorFrames++;
            return;
        }
        if (sent) {
            txFrames++;
        } else {
            rxFrames++;
        }
        roll(Math.floorDiv(nowMillis, 1000));
        currentFrames++;
        currentBits += frameBits(frame);
    }

    synchronized void transportError() {
        transportErrors++;
    }

    /**
     * The counters at {@code nowMillis}; the bus load is the bits of the last full second over
     * {@code bitrate} (bit/s), or -1 when the bit rate is not known ({@code bitrate <= 0}).
     */
    synchronized ConnectionStatistics snapshot(long nowMillis, int bitrate) {
        roll(Math.floorDiv(nowMillis, 1000));
        double load = bitrate > 0 ? Math.min(100.0, previousBits * 100.0 / bitrate) : -1;
        return new ConnectionStatistics(rxFrames, txFrames, errorFrames, transportErrors, previousFrames, load);
    }

    /** Makes {@code second} the current bucket; the previous bucket is then the second before it. */
    private void roll(long second) {
        if (second == currentSecond) {
            return;
        }
        if (second == currentSecond + 1) {
            previousFrames = currentFrames;
            previousBits = currentBits;
        } else {
            // a gap of more than a second, or the clock went back: nothing was seen in the second before
            previousFrames = 0;
            previousBits = 0;
        }
        currentSecond = second;
        currentFrames = 0;
        currentBits = 0;
    }
}
