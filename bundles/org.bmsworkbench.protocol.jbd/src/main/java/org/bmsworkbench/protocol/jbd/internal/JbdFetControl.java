package org.bmsworkbench.protocol.jbd.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.bms.fets.FetResult.Outcome;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.jbd.codec.JbdCodec;
import org.bmsworkbench.protocol.jbd.codec.JbdFrame;
import org.bmsworkbench.protocol.jbd.codec.JbdStreamDecoder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Switches a JBD BMS's MOSFETs over its serial line: enter factory mode (write {@code 56 78} to
 * 0x00), write 0xE1 {@code 00 XX} (bit 0 set = charge MOSFET off, bit 1 set = discharge off),
 * leave factory mode (write {@code 00 00} to 0x01), each once its reply came, then read 0x03 and
 * compare the MOSFET bits. A MOSFET the command leaves null keeps the state a fresh 0x03 read
 * reports. The whole exchange holds the link's exchange lock, so the poller's reads never fall
 * in between. Runs on its own thread, {@code bmswb-jbd-fets}; never sends unless asked.
 */
@Component(name = "org.bmsworkbench.protocol.jbd.fets", service = FetControl.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(JbdCodec.PROTOCOL)
public final class JbdFetControl implements FetControl {
    /** The longest wait for one reply. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    /** The longest wait for the line (the poller holds it for one request and its answer). */
    static final Duration LINE_TIMEOUT = Duration.ofSeconds(5);
    static final byte[] FACTORY_PASSWORD = {0x56, 0x78};
    static final byte[] EXIT_WITHOUT_SAVING = {0x00, 0x00};

    private final ExecutorService executor;
    private final Duration replyTimeout;

    @Activate
    public JbdFetControl() {
        this(REPLY_TIMEOUT);
    }

    JbdFetControl(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bmswb-jbd-fets");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the thread: an exchange under way ends as interrupted, one not begun is refused. */
    @Deactivate
    void deactivate() {
        for (Runnable waiting : executor.shutdownNow()) {
            if (waiting instanceof Job job) {
                job.result.complete(FetResult.refused("the JBD MOSFET control stopped; nothing was sent"));
            }
        }
    }

    @Override
    public String protocol() {
        return JbdCodec.PROTOCOL;
    }

    @Override
    public boolean canSwitch(boolean charge) {
        return true;
    }

    @Override
    public CompletableFuture<FetResult> apply(Connection connection, FetCommand command) {
        String refusal = refusal(connection);
        if (refusal != null) {
            return CompletableFuture.completedFuture(FetResult.refused(refusal));
        }
        Job job = new Job(new Exchange(connection, connection.control(StreamLink.class).orElseThrow()), command);
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            job.result.complete(FetResult.refused("the JBD MOSFET control stopped; nothing was sent"));
        }
        return job.result;
    }

    /** One call of {@link #apply}, queued on the thread. */
    private static final class Job implements Runnable {
        final CompletableFuture<FetResult> result = new CompletableFuture<>();
        private final Exchange exchange;
        private final FetCommand command;

        Job(Exchange exchange, FetCommand command) {
            this.exchange = exchange;
            this.command = command;
        }

        @Override
        public void run() {
            try {
                result.complete(exchange.run(command));
            } catch (RuntimeException e) {
                result.complete(new FetResult(Outcome.REJECTED, null, null, "switching the JBD MOSFETs failed: " + e, List.of()));
            }
        }
    }

    private static String refusal(Connection connection) {
        if (connection.listenOnly()) {
            return connection.uri() + " is listen-only; nothing was sent";
        }
        if (connection.control(PlaybackControl.class).isPresent()) {
            return connection.uri() + " is a replay; nothing was sent";
        }
        if (connection.control(StreamLink.class).isEmpty()) {
            return connection.uri() + " is not a serial link; a JBD BMS is switched over its UART or RS485 line; nothing was sent";
        }
        if (connection.state() != ConnectionState.CONNECTED) {
            return connection.uri() + " is not connected (" + connection.state() + "); nothing was sent";
        }
        return null;
    }

    /** One switching attempt: its subscription, replies and sent chunks. */
    private final class Exchange {
        private final Connection connection;
        private final StreamLink link;
        private final JbdStreamDecoder decoder = new JbdStreamDecoder();
        private final BlockingQueue<JbdFrame> replies = new LinkedBlockingQueue<>();
        private final List<CanFrame> sent = new ArrayList<>();

        Exchange(Connection connection, StreamLink link) {
            this.connection = connection;
            this.link = link;
        }

        FetResult run(FetCommand command) {
            ReentrantLock line = link.exchangeLock();
            Subscription replies = connection.subscribe(this::onFrame);
            try {
                if (!line.tryLock(LINE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return FetResult.refused("the line to the JBD BMS stayed busy for " + LINE_TIMEOUT.toSeconds() + " s; nothing was sent");
                }
                try {
                    return switchFets(command);
                } finally {
                    line.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent.isEmpty() ? FetResult.refused("the JBD MOSFET control stopped; nothing was sent")
                        : result(Outcome.TIMEOUT, null, null, "the JBD MOSFET control stopped while waiting for an answer");
            } catch (IOException e) {
                return result(sent.isEmpty() ? Outcome.REFUSED : Outcome.TIMEOUT, null, null,
                        "could not send to the JBD BMS on " + link.port() + ": " + e.getMessage());
            } finally {
                replies.close();
            }
        }

        private FetResult switchFets(FetCommand command) throws IOException, InterruptedException {
            Boolean charge = command.charge();
            Boolean discharge = command.discharge();
            if (charge == null || discharge == null) {
                Answer now = ask(JbdFrame.read(JbdCodec.BASIC_INFO_REGISTER), "basic information");
                if (now.failure != null) {
                    return now.failure;
                }
                charge = charge == null ? fet(now.reply, 0x01) : charge;
                discharge = discharge == null ? fet(now.reply, 0x02) : discharge;
                if (charge == null || discharge == null) {
                    return result(Outcome.REJECTED, null, null,
                            "the JBD 0x03 reply is too short to show the MOSFETs; nothing was switched");
                }
            }
            Answer enter = ask(JbdFrame.write(JbdCodec.ENTER_FACTORY_REGISTER, FACTORY_PASSWORD), "enter factory mode");
            if (enter.failure != null && enter.failure.outcome() == Outcome.TIMEOUT) {
                // a sleeping JBD does not answer the first frame (JBD protocol V13, section 1): once more
                enter = ask(JbdFrame.write(JbdCodec.ENTER_FACTORY_REGISTER, FACTORY_PASSWORD), "enter factory mode");
            }
            if (enter.failure != null) {
                return enter.failure;
            }
            int bits = (charge ? 0 : 0x01) | (discharge ? 0 : 0x02);
            Answer control = ask(JbdFrame.write(JbdCodec.MOSFET_CONTROL_REGISTER, (byte) 0x00, (byte) bits), "MOSFET control");
            Answer exit = ask(JbdFrame.write(JbdCodec.EXIT_FACTORY_REGISTER, EXIT_WITHOUT_SAVING), "exit factory mode");
            if (control.failure != null) {
                return withAllSent(control.failure);
            }
            if (exit.failure != null) {
                return exit.failure;
            }
            Answer after = ask(JbdFrame.read(JbdCodec.BASIC_INFO_REGISTER), "basic information");
            if (after.failure != null) {
                return after.failure;
            }
            Boolean chargeNow = fet(after.reply, 0x01);
            Boolean dischargeNow = fet(after.reply, 0x02);
            String asked = new FetCommand(charge, discharge).toString();
            if (chargeNow == null) {
                return result(Outcome.REJECTED, null, null, "asked " + asked + "; the JBD 0x03 reply is too short to show the MOSFETs");
            }
            String reported = new FetCommand(chargeNow, dischargeNow).toString();
            if (chargeNow.equals(charge) && dischargeNow.equals(discharge)) {
                return result(Outcome.CONFIRMED, chargeNow, dischargeNow, reported + ": confirmed by JBD register 0x03");
            }
            return result(Outcome.REJECTED, chargeNow, dischargeNow, "asked " + asked + "; JBD register 0x03 reports " + reported);
        }

        /** Sends a request and waits for the reply of its register. */
        private Answer ask(JbdFrame request, String what) throws IOException, InterruptedException {
            replies.clear();
            CanFrame chunk = CanFrame.chunk(System.currentTimeMillis() * 1000, link.port(), Direction.TX, request.bytes());
            connection.send(chunk);
            sent.add(chunk);
            long deadline = System.nanoTime() + replyTimeout.toNanos();
            String name = JbdFrame.registerHex(request.register()) + " (" + what + ")";
            while (true) {
                long left = deadline - System.nanoTime();
                JbdFrame reply = left > 0 ? replies.poll(left, TimeUnit.NANOSECONDS) : null;
                if (reply == null) {
                    return new Answer(null, result(Outcome.TIMEOUT, null, null,
                            "no answer from the JBD BMS to " + name + " within " + replyTimeout.toMillis() + " ms"));
                }
                if (reply.register() != request.register()) {
                    continue; // a late answer to another request
                }
                if (reply.error()) {
                    return new Answer(reply, result(Outcome.REJECTED, null, null,
                            String.format("JBD answered %s with status 0x%02X", name, reply.status())));
                }
                return new Answer(reply, null);
            }
        }

        private void onFrame(CanFrame frame) {
            if (!frame.chunk() || frame.direction() != Direction.RX) {
                return;
            }
            for (JbdFrame f : decoder.feed(frame.data()).frames()) {
                if (!f.request()) {
                    replies.add(f);
                }
            }
        }

        /** A failure found before the exit from factory mode was sent, with that exit among the chunks sent. */
        private FetResult withAllSent(FetResult r) {
            return result(r.outcome(), r.charge(), r.discharge(), r.detail());
        }

        private FetResult result(Outcome outcome, Boolean charge, Boolean discharge, String detail) {
            return new FetResult(outcome, charge, discharge, detail, sent);
        }
    }

    /** The state of a MOSFET in a 0x03 reply (byte 20), or null when the reply is too short. */
    private static Boolean fet(JbdFrame basicInfo, int bit) {
        return basicInfo.length() > 20 ? (basicInfo.u8(20) & bit) != 0 : null;
    }

    private record Answer(JbdFrame reply, FetResult failure) {
    }
}
