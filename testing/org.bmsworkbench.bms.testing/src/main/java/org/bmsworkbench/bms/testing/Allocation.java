package org.bmsworkbench.bms.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;

/**
 * Bytes allocated a call, counted by the JVM for the calling thread
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}) after a warm-up that
 * lets the JIT compile the code under test. Not a timing: the count does not depend on the load.
 * A JVM without the count skips the test (a JUnit assumption) rather than passing it.
 */
public final class Allocation {
    private Allocation() {
    }

    /** One call of the code under test; {@code i} counts the calls from 0, warm-up included. */
    @FunctionalInterface
    public interface Call {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code call} {@code warmUps} times, then {@code calls} times more, and gives the bytes the
     * thread allocated during the latter divided by {@code calls}.
     */
    public static double bytesPerCall(int warmUps, int calls, Call call) throws Exception {
        com.sun.management.ThreadMXBean threads = counter();
        for (int i = 0; i < warmUps; i++) {
            call.run(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = warmUps; i < warmUps + calls; i++) {
            call.run(i);
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) calls;
    }

    /**
     * {@link #bytesPerCall} of {@code session.decodeTo(view, sink)}, the view one {@link ReusedFrame}
     * refilled with {@code frames} in turn (round and round), as a log reader fills it.
     */
    public static double decodeToBytesPerFrame(ProtocolSession session, CanFrame[] frames, MessageSink sink,
            int warmUps, int calls) throws Exception {
        ReusedFrame view = new ReusedFrame();
        return bytesPerCall(warmUps, calls, i -> session.decodeTo(view.set(frames[i % frames.length]), sink));
    }

    /**
     * {@link #bytesPerCall} of {@code protocol.detectionScore(view)}, the view one {@link ReusedFrame}
     * refilled with {@code frames} in turn (round and round), as {@code bmswb decode --all} asks it of
     * the frames no session decoded. The scores are summed into {@code scores[0]} (so that the JIT
     * keeps the calls), which the caller may check.
     */
    public static double detectionBytesPerFrame(BmsProtocol protocol, CanFrame[] frames, long[] scores, int warmUps,
            int calls) throws Exception {
        ReusedFrame view = new ReusedFrame();
        return bytesPerCall(warmUps, calls, i -> scores[0] += protocol.detectionScore(view.set(frames[i % frames.length])));
    }

    /** The JVM's per-thread count, switched on; skips the calling test when this JVM has none. */
    private static com.sun.management.ThreadMXBean counter() {
        boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported();
        assumeTrue(supported, "this JVM counts no allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return threads;
    }
}
