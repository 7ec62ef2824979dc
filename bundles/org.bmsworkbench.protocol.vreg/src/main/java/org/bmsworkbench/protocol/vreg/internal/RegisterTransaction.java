package org.bmsworkbench.protocol.vreg.internal;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;

/**
 * One read or write of one register on one node. Its state changes only on the access
 * service's thread; {@link #onFrame} (the transport thread) filters and hands over.
 *
 * <p>Read: request, wait for the value (broadcast or addressed to us) or an error ACK;
 * after a timeout, or a busy/initialising ACK, request again, up to {@code tries}.
 * Write: send the value once, addressed to the node; an error ACK ends it; the node's
 * broadcast of the same value confirms it; without either within the timeout the register
 * is read back like a read and compared ({@link Outcome#MISMATCH} when it differs).
 */
final class RegisterTransaction implements FrameListener {
    private enum Phase { READ, WRITE, READ_BACK }

    private final VregRegisterAccess access;
    private final Connection connection;
    private final int register;
    private final RequestOptions options;
    private final CanFrame writeFrame;
    private final Number writtenValue;
    private final Map<String, Object> expected;
    private final CompletableFuture<RegisterResult> future = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();

    private Phase phase;
    private int sent;
    private int triesInPhase;
    private Subscription subscription;
    private ScheduledFuture<?> timer;

    RegisterTransaction(VregRegisterAccess access, Connection connection, int register, RequestOptions options,
            CanFrame writeFrame, Number writtenValue) {
        this.access = access;
        this.connection = Objects.requireNonNull(connection, "connection");
        this.register = register;
        this.options = Objects.requireNonNull(options, "options");
        this.writeFrame = writeFrame;
        this.writtenValue = writtenValue;
        this.expected = writeFrame == null ? null : decodeOwn(writeFrame);
    }

    private Map<String, Object> decodeOwn(CanFrame frame) {
        try {
            return access.codec().decode(frame).signals();
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("the codec cannot read its own frame " + frame, e);
        }
    }

    CompletableFuture<RegisterResult> future() {
        return future;
    }

    /** On the access thread: listen first, then send. */
    void start() {
        subscription = connection.subscribe(this);
        if (writeFrame == null) {
            phase = Phase.READ;
            sendRequest();
        } else {
            phase = Phase.WRITE;
            send(writeFrame);
        }
    }

    /** Transport thread: only frames of the node, of VREG, received. Never blocks. */
    @Override
    public void onFrame(CanFrame f) {
        if (f.direction() == Direction.TX || !VregCodec.isVreg(f) || (f.id() & 0xFF) != options.node()
                || f.length() < 4 || ended.get()) {
            return;
        }
        try {
            access.executor().execute(() -> handle(f));
        } catch (RejectedExecutionException e) {
            stop();
        }
    }

    private void handle(CanFrame f) {
        if (ended.get()) {
            return;
        }
        int destination = f.id() >>> 8 & 0xFF;
        if (destination != VregCodec.BROADCAST && destination != options.source()) {
            return; // addressed to someone else: another requester's answer or write
        }
        int id = FrameFields.u16(f, 2);
        if (id == VregCodec.ACK_ID) {
            if (f.length() >= 8 && FrameFields.u16(f, 4) == register) {
                ack(FrameFields.u16(f, 6));
            }
        } else if (id == register) {
            value(f);
        }
    }

    private void ack(int code) {
        if ((code & 0x8000) == 0) {
            return; // not an error: the value (or its broadcast) follows
        }
        Outcome outcome = Outcome.ofAck(code);
        if (outcome.temporary() && phase != Phase.WRITE && triesInPhase < options.tries()) {
            sendRequest();
            return;
        }
        String what = outcome == Outcome.UNKNOWN_CODE ? String.format("unknown code 0x%04X", code)
                : String.format("ACK 0x%04X (%s)", code, outcome.description());
        end(outcome, code, Map.of(), "", String.format("node 0x%02X answered %s %s with %s", options.node(),
                phase == Phase.WRITE ? "the write to" : "the request for", registerHex(), what));
    }

    private void value(CanFrame f) {
        String data = HexFormat.of().withUpperCase().formatHex(f.data(), 4, f.length());
        DecodedMessage m;
        try {
            m = access.codec().decode(f);
        } catch (MalformedFrameException e) {
            end(Outcome.MALFORMED, null, Map.of(), data, String.format("node 0x%02X sent a malformed answer: %s",
                    options.node(), e.getMessage()));
            return;
        }
        Map<String, Object> values = m == null ? Map.of() : m.signals();
        if (phase == Phase.READ) {
            end(Outcome.OK, null, values, data, String.format("%s = %s", registerHex(), m == null ? data : values));
        } else if (values.equals(expected)) {
            end(Outcome.OK, null, values, data, String.format("wrote %s to %s; node 0x%02X %s", writtenValue,
                    registerHex(), options.node(), phase == Phase.WRITE ? "confirmed it" : "reads it back"));
        } else if (phase == Phase.READ_BACK) {
            end(Outcome.MISMATCH, null, values, data, String.format("wrote %s to %s but node 0x%02X reads back %s",
                    writtenValue, registerHex(), options.node(), values));
        }
        // a different value during the write phase may be a broadcast sent before the write: wait
    }

    private void sendRequest() {
        triesInPhase++;
        send(access.codec().request(register, VregCodec.SINGLE, options.source(), options.node(),
                VregRegisterAccess.BUS, CanFrame.NO_TIMESTAMP));
    }

    private void send(CanFrame frame) {
        cancelTimer();
        int generation = ++sent;
        try {
            connection.send(frame);
        } catch (IOException | RuntimeException e) {
            end(Outcome.SEND_FAILED, null, Map.of(), "", String.format("could not send to node 0x%02X: %s",
                    options.node(), e.getMessage()));
            return;
        }
        try {
            timer = access.executor().schedule(() -> timeout(generation), options.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stop();
        }
    }

    private void timeout(int generation) {
        if (ended.get() || generation != sent) {
            return;
        }
        if (phase == Phase.WRITE) {
            phase = Phase.READ_BACK;
            triesInPhase = 0;
            sendRequest();
        } else if (triesInPhase < options.tries()) {
            sendRequest();
        } else {
            long ms = options.timeout().toMillis();
            end(Outcome.TIMEOUT, null, Map.of(), "", String.format("no answer from node 0x%02X after %d %s of %d ms%s",
                    options.node(), options.tries(), options.tries() == 1 ? "try" : "tries", ms,
                    phase == Phase.READ_BACK ? " (the write of " + writtenValue + " to " + registerHex()
                            + " is not confirmed)" : ""));
        }
    }

    /** Any thread: the service stopped. */
    void stop() {
        end(Outcome.STOPPED, null, Map.of(), "", "register access stopped before node "
                + String.format("0x%02X", options.node()) + " answered " + registerHex());
    }

    private void end(Outcome outcome, Integer code, Map<String, Object> values, String data, String message) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        cancelTimer();
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        access.ended(this);
        future.complete(new RegisterResult(register, options.node(), outcome, code, values, data, sent, message));
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
    }

    private String registerHex() {
        return access.codec().catalogue().find(register).map(r -> r.idHex() + " (" + r.name() + ")")
                .orElse(String.format("0x%04X", register));
    }
}
