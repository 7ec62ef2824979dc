package org.bmsworkbench.can;

/** Ends a subscription; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
