package org.bmsworkbench.network.internal;

import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.network.BusPresence.PresenceException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * The workbench's address on one connection, claimed as ISO 11783-5 / J1939-81 say:
 *
 * <ol>
 * <li>first ask who is there: an ISO Request for the address claim, from the null address 254
 *     (allowed before a claim), and listen for {@link #CONTENTION_MILLIS};</li>
 * <li>claim the preferred address, or the next one that no claim and no recent traffic shows
 *     in use (0..251, wrapping), and listen for another {@link #CONTENTION_MILLIS};</li>
 * <li>when a device claims our address with a NAME of higher priority (numerically lower), yield:
 *     claim the next free address; when one with a lower priority does, defend by claiming again;
 *     when no address is left, send "cannot claim" from 254 and fail.</li>
 * </ol>
 * Once held, ISO Requests for the address claim (to all or to us) are answered with our claim,
 * for Product Information with ours, and other requests addressed to us with a NAK. Every frame
 * is sent from the claimer's own executor thread, never from the transport thread.
 */
final class AddressClaimer implements AutoCloseable {
    /** How long a claim may be contested before the address is used (J1939-81: 250 ms). */
    static final long CONTENTION_MILLIS = 250;
    /** A source seen sending within this time counts as present even without a claim. */
    static final long RECENT_MICROS = 5_000_000;
    static final int MAX_ADDRESS = 251;

    enum State { IDLE, ASKING, CLAIMING, HELD, FAILED, CLOSED }

    private final Connection connection;
    private final IsoName name;
    private final ProductInformation product;
    private final ScheduledExecutorService timer;
    private final LongSupplier clockMicros;
    private final Subscription subscription;
    private final FastPacketEncoder encoder = new FastPacketEncoder();

    /** Guarded by this. */
    private State state = State.IDLE;
    private int address = -1;
    private int preferred;
    private CompletableFuture<Integer> pending;
    private long attempt;
    private final IsoName[] claims = new IsoName[MAX_ADDRESS + 1];
    private final long[] lastSeen = new long[MAX_ADDRESS + 1];
    private final BitSet lost = new BitSet();

    AddressClaimer(Connection connection, IsoName name, ProductInformation product, ScheduledExecutorService timer,
            LongSupplier clockMicros) {
        this.connection = connection;
        this.name = name;
        this.product = product;
        this.timer = timer;
        this.clockMicros = clockMicros;
        java.util.Arrays.fill(lastSeen, Long.MIN_VALUE);
        this.subscription = connection.subscribe(this::onFrame);
    }

    synchronized State state() {
        return state;
    }

    /** The address held, or -1. */
    synchronized int address() {
        return state == State.HELD ? address : -1;
    }

    IsoName name() {
        return name;
    }

    synchronized CompletableFuture<Integer> claim(int preferredAddress) {
        switch (state) {
            case HELD:
                return CompletableFuture.completedFuture(address);
            case ASKING, CLAIMING:
                return pending;
            case CLOSED:
                return CompletableFuture.failedFuture(new PresenceException("the connection " + connection.uri()
                        + " is closed"));
            default:
                break;
        }
        if (connection.listenOnly()) {
            return CompletableFuture.failedFuture(new PresenceException("listen-only: the workbench does not transmit on "
                    + connection.uri()));
        }
        if (connection.state() != ConnectionState.CONNECTED) {
            return CompletableFuture.failedFuture(new PresenceException("not connected to " + connection.uri()
                    + " (" + connection.state() + "): cannot claim an address"));
        }
        preferred = preferredAddress >= 0 && preferredAddress <= MAX_ADDRESS ? preferredAddress : 0x20;
        lost.clear();
        CompletableFuture<Integer> future = new CompletableFuture<>();
        pending = future;
        state = State.ASKING;
        ask(++attempt);
        return future;
    }

    /** Under this: the request for everyone's address claim, then the listening time. */
    private void ask(long myAttempt) {
        try {
            connection.send(NetworkMessages.isoRequest(NetworkMessages.ADDRESS_CLAIM, NetworkMessages.NULL_ADDRESS,
                    0xFF, bus(), CanFrame.NO_TIMESTAMP));
        } catch (IOException e) {
            fail("cannot send on " + connection.uri() + ": " + e.getMessage());
            return;
        }
        timer.schedule(() -> afterAsking(myAttempt), CONTENTION_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Under this: the claim ends without an address. */
    private void fail(String why) {
        state = State.FAILED;
        CompletableFuture<Integer> p = pending;
        pending = null;
        if (p != null) {
            p.completeExceptionally(new PresenceException(why));
        }
    }

    private synchronized void afterAsking(long forAttempt) {
        if (state != State.ASKING || attempt != forAttempt) {
            return;
        }
        claimNext(preferred);
    }

    /** Under this: claims the first free address from {@code from} on, or fails. */
    private void claimNext(int from) {
        long now = clockMicros.getAsLong();
        for (int i = 0; i <= MAX_ADDRESS; i++) {
            int a = (from + i) % (MAX_ADDRESS + 1);
            if (lost.get(a) || claims[a] != null && !claims[a].equals(name)
                    || lastSeen[a] != Long.MIN_VALUE && now - lastSeen[a] < RECENT_MICROS) {
                continue;
            }
            address = a;
            state = State.CLAIMING;
            long myAttempt = ++attempt;
            send(NetworkMessages.addressClaim(name, a, bus(), CanFrame.NO_TIMESTAMP));
            timer.schedule(() -> afterClaim(myAttempt), CONTENTION_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        address = -1;
        send(NetworkMessages.cannotClaim(name, bus(), CanFrame.NO_TIMESTAMP));
        fail("no free address on " + connection.uri() + ": every address 0.." + MAX_ADDRESS + " is claimed or in use");
    }

    private synchronized void afterClaim(long forAttempt) {
        if (state != State.CLAIMING || attempt != forAttempt) {
            return;
        }
        state = State.HELD;
        CompletableFuture<Integer> p = pending;
        pending = null;
        if (p != null) {
            p.complete(address);
        }
    }

    /** The bus name of our frames, as the register access names its own. */
    private static String bus() {
        return "can0";
    }

    /** Transport thread: learns who is where, and hands anything to answer to the timer thread. */
    private void onFrame(CanFrame frame) {
        if (!frame.extended() || frame.error() || frame.remote() || frame.direction() == Direction.TX) {
            return;
        }
        int source = frame.id() & 0xFF;
        int pgn = NetworkMessages.pgnOf(frame);
        if (pgn == NetworkMessages.ADDRESS_CLAIM && source <= MAX_ADDRESS) {
            IsoName other;
            try {
                other = IsoName.read(frame);
            } catch (MalformedFrameException e) {
                return;
            }
            execute(() -> claimSeen(source, other));
        } else if (pgn == NetworkMessages.ISO_REQUEST) {
            int destination = NetworkMessages.destinationOf(frame);
            int requested;
            try {
                requested = NetworkMessages.requestedPgn(frame);
            } catch (MalformedFrameException e) {
                return;
            }
            execute(() -> requestSeen(source, destination, requested));
        }
        if (source <= MAX_ADDRESS) {
            long now = clockMicros.getAsLong(); // our clock: a replayed frame's own time may be years old
            synchronized (this) {
                lastSeen[source] = now;
            }
        }
    }

    private void execute(Runnable r) {
        try {
            timer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private synchronized void claimSeen(int source, IsoName other) {
        if (other.equals(name)) {
            return;
        }
        claims[source] = other;
        for (int a = 0; a <= MAX_ADDRESS; a++) {
            if (a != source && other.equals(claims[a])) {
                claims[a] = null; // that device moved
            }
        }
        boolean ours = (state == State.CLAIMING || state == State.HELD) && source == address;
        if (!ours) {
            return;
        }
        if (other.outranks(name)) {
            lost.set(source);
            if (state == State.HELD) {
                state = State.CLAIMING;
                pending = pending == null ? new CompletableFuture<>() : pending;
            }
            claimNext((source + 1) % (MAX_ADDRESS + 1));
        } else {
            claims[source] = null; // it must move: we defend
            send(NetworkMessages.addressClaim(name, address, bus(), CanFrame.NO_TIMESTAMP));
        }
    }

    private synchronized void requestSeen(int source, int destination, int requested) {
        if (state != State.HELD || destination != 0xFF && destination != address) {
            return;
        }
        int replyTo = destination == 0xFF ? 0xFF : source;
        if (requested == NetworkMessages.ADDRESS_CLAIM) {
            send(NetworkMessages.addressClaim(name, address, bus(), CanFrame.NO_TIMESTAMP));
        } else if (requested == NetworkMessages.PRODUCT_INFORMATION) {
            sendProductInformation();
        } else if (destination == address) {
            send(NetworkMessages.isoAcknowledgement(1, requested, address, replyTo, bus(), CanFrame.NO_TIMESTAMP));
        }
    }

    private void sendProductInformation() {
        byte[] payload = product.toBytes();
        int id = (6 << 26) | (NetworkMessages.PRODUCT_INFORMATION << 8) | address;
        for (byte[] data : encoder.encode(address, NetworkMessages.PRODUCT_INFORMATION, payload)) {
            send(CanFrame.wrap(CanFrame.NO_TIMESTAMP, bus(), id, true, data));
        }
    }

    /** Request for {@code pgn} to {@code destination}, from the held address. Under this or the timer. */
    synchronized void request(int pgn, int destination) throws IOException {
        if (state != State.HELD) {
            throw new IOException("no address held on " + connection.uri());
        }
        connection.send(NetworkMessages.isoRequest(pgn, address, destination, bus(), CanFrame.NO_TIMESTAMP));
    }

    private void send(CanFrame frame) {
        try {
            connection.send(frame);
        } catch (IOException e) {
            if (state == State.ASKING || state == State.CLAIMING) {
                fail("cannot send on " + connection.uri() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        subscription.close();
        state = State.CLOSED;
        if (pending != null) {
            pending.completeExceptionally(new PresenceException("the connection " + connection.uri() + " closed"));
            pending = null;
        }
    }
}
