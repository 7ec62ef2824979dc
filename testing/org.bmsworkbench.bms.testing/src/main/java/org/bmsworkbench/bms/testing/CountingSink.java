package org.bmsworkbench.bms.testing;

import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.FrameView;

/**
 * A {@link MessageSink} for allocation tests: counts the messages and signals it is sent and adds up
 * the numbers, so that the decoding cannot be optimised away. It keeps the last value object it was
 * sent and nothing else: a value that escapes cannot be scalar-replaced by the JIT, so a box made a
 * frame (a {@code Double} instead of {@link #number}) shows in the count.
 */
public final class CountingSink implements MessageSink {
    private long messages;
    private long signals;
    private double sum;
    private long nulls;
    private Object last;

    @Override
    public void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
            int instance, int register, int code, int dataId) {
        messages++;
    }

    @Override
    public void number(String key, double value) {
        signals++;
        sum += value;
    }

    @Override
    public void value(String key, Object value) {
        signals++;
        if (value == null) {
            nulls++;
        }
        last = value;
    }

    @Override
    public void end() {
    }

    public long messages() {
        return messages;
    }

    /** The calls of {@link #number} and {@link #value}. */
    public long signals() {
        return signals;
    }

    /** The calls of {@link #value} with null (a signal not available). */
    public long nulls() {
        return nulls;
    }

    public double sum() {
        return sum;
    }

    /** The last value {@link #value} got. */
    public Object last() {
        return last;
    }
}
