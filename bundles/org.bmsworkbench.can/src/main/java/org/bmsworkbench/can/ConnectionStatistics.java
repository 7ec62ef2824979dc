package org.bmsworkbench.can;

/**
 * Counters of one connection at one moment.
 *
 * @param rxFrames        frames received since the connection opened
 * @param txFrames        frames sent
 * @param errorFrames     CAN error frames received
 * @param transportErrors errors the transport reported (bad adapter lines, write failures, ...)
 * @param framesPerSecond received plus sent frames over the last full second
 * @param busLoadPercent  estimated share of the bit rate used over the last second (0..100),
 *                        from frame lengths with worst-case bit stuffing, or -1 when the bit rate is unknown
 */
public record ConnectionStatistics(long rxFrames, long txFrames, long errorFrames, long transportErrors,
        double framesPerSecond, double busLoadPercent) {
}
