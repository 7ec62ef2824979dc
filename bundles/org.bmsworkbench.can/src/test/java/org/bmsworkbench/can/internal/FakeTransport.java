package org.bmsworkbench.can.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;

/** A transport for tests: records the channels it opens; knows only the option {@code bitrate}. */
final class FakeTransport implements CanTransportProvider {
    final String name;
    final List<FakeChannel> channels = new CopyOnWriteArrayList<>();
    volatile IOException failOpen;
    volatile CountDownLatch holdOpen;
    volatile int channelBitrate;
    volatile String unavailable;

    FakeTransport(String name) {
        this.name = name;
    }

    @Override
    public String description() {
        return "fake transport " + name;
    }

    @Override
    public java.util.Optional<String> unavailable() {
        return java.util.Optional.ofNullable(unavailable);
    }

    @Override
    public void validate(ConnectionUri uri) {
        uri.requireOnly(Set.of("bitrate"));
        uri.intOption("bitrate", 0, 1, 1_000_000);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        CountDownLatch hold = holdOpen;
        if (hold != null) {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException("interrupted while opening " + uri);
            }
        }
        if (failOpen != null) {
            throw failOpen;
        }
        FakeChannel channel = new FakeChannel(listener, channelBitrate);
        channels.add(channel);
        if (connectedWhileOpening != null) {
            listener.onState(org.bmsworkbench.can.ConnectionState.CONNECTED, connectedWhileOpening);
        }
        return channel;
    }

    /** Said as CONNECTED from inside open(), as the simulator and the loopback do; null: nothing said. */
    volatile String connectedWhileOpening;

    FakeChannel last() {
        return channels.get(channels.size() - 1);
    }

    static final class FakeChannel implements CanChannel {
        final CanChannel.Listener listener;
        final List<CanFrame> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();
        final int bitrate;
        volatile IOException failSend;

        FakeChannel(CanChannel.Listener listener, int bitrate) {
            this.listener = listener;
            this.bitrate = bitrate;
        }

        @Override
        public void send(CanFrame frame) throws IOException {
            if (failSend != null) {
                throw failSend;
            }
            sent.add(frame);
        }

        @Override
        public int bitrate() {
            return bitrate;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }

        boolean closed() {
            return closes.get() > 0;
        }
    }
}
