package org.bmsworkbench.protocol.sma.codec;

/**
 * The value a field decoded last and the raw bits it came from, so that a field sent again with the
 * same bits (a manufacturer name, a firmware version) gives the same object instead of a new one.
 * Fields keep it in a plain field: it is immutable with final fields, so threads that race on it see
 * either their own or another complete one, never a torn one (as with {@link String}'s hash).
 */
record LastValue(long raw, Object value) {
}
