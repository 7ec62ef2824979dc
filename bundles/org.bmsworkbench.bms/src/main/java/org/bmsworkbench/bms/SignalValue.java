package org.bmsworkbench.bms;

/**
 * The latest value of one key.
 *
 * @param key        the model key
 * @param value      {@link Double}, {@link Long}, {@link String}, {@link Boolean}, or null (not available)
 * @param timeMicros when it was received, microseconds since the epoch (the frame's time)
 * @param protocol   the protocol that carried it
 */
public record SignalValue(String key, Object value, long timeMicros, String protocol) {
}
