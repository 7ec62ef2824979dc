package org.bmsworkbench.bms;

/** One point of a numeric key's history: time in microseconds since the epoch, and value. */
public record Sample(long timeMicros, double value) {
}
