package org.bmsworkbench.protocol.daly.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.daly.codec.DalyDecoder;

/**
 * Requests and their answers for {@link DalyFetControl}: listens to the connection with a decoder
 * of its own (received frames only, on the transport thread) and hands the BMS's messages to the
 * waiting request. On a byte stream a request holds the link's exchange lock until its answer.
 */
final class FetExchange implements AutoCloseable {
    /** The serial line stayed busy: nothing more was sent. */
    static final class LineBusyException extends Exception {
        private static final long serialVersionUID = 1L;

        LineBusyException(String message) {
            super(message);
        }
    }

    private final Connection connection;
    private final StreamLink link;
    private final Duration timeout;
    private final Duration lineWait;
    private final DalyDecoder decoder = new DalyDecoder();
    private final LinkedBlockingQueue<DecodedMessage> answers = new LinkedBlockingQueue<>();
    private final Subscription subscription;

    FetExchange(Connection connection, StreamLink link, Duration timeout, Duration lineWait) {
        this.connection = connection;
        this.link = link;
        this.timeout = timeout;
        this.lineWait = lineWait;
        this.subscription = connection.subscribe(this::onFrame);
    }

    /** Transport thread. */
    private void onFrame(CanFrame f) {
        if (f.direction() == Direction.TX) {
            return;
        }
        List<DecodedMessage> messages;
        synchronized (decoder) {
            try {
                messages = decoder.decodeAll(f);
            } catch (MalformedFrameException e) {
                messages = e.decoded();
            }
        }
        answers.addAll(messages);
    }

    /**
     * Sends {@code request} (adding it to {@code sent}) and waits for the BMS's message with
     * {@code dataId}.
     *
     * @return that message, or null when none came within the timeout
     */
    DecodedMessage ask(CanFrame request, int dataId, List<CanFrame> sent)
            throws IOException, InterruptedException, LineBusyException {
        ReentrantLock lock = link == null ? null : link.exchangeLock();
        if (lock != null && !lock.tryLock(lineWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new LineBusyException("the serial line " + link.port() + " stayed busy for " + lineWait.toMillis() + " ms");
        }
        try {
            answers.clear(); // answers to someone else's earlier request
            connection.send(request);
            sent.add(request);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                DecodedMessage m = answers.poll(left, TimeUnit.NANOSECONDS);
                if (m != null && m.dataId() != null && m.dataId() == dataId) {
                    return m;
                }
            }
            return null;
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
