package org.bmsworkbench.protocol.daly.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.bms.fets.FetResult.Outcome;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.protocol.daly.codec.DalyCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Switches a Daly BMS's MOSFETs: command 0xDA (charge) or 0xD9 (discharge) with data byte 0 = 1
 * for on, 0 for off, on UART/RS485 or CAN; then reads 0x93 back until it shows the asked state
 * ({@link Outcome#CONFIRMED}), shows another after {@value #READ_TRIES} reads
 * ({@link Outcome#REJECTED}) or never answers ({@link Outcome#TIMEOUT}). The command's own answer
 * is waited for but not required (its content is not documented). On a byte stream each request
 * holds {@code StreamLink.exchangeLock()} until its answer or timeout. Nothing is sent on a
 * listen-only connection or a replay ({@link Outcome#REFUSED}). Runs on its own thread,
 * {@code bmswb-daly-fets}.
 */
@Component(name = "org.bmsworkbench.protocol.daly.fets", service = FetControl.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(DalyCodec.PROTOCOL)
public final class DalyFetControl implements FetControl {
    static final int READ_TRIES = 3;
    /** How long a request waits for the serial line (the poller holds it for one exchange at most). */
    static final Duration LINE_WAIT = Duration.ofSeconds(2);

    private final Duration answerTimeout;
    private final Duration lineWait;
    private final ExecutorService executor;
    /** The calls not yet started: a stop completes them (a started one ends itself when interrupted). */
    private final Set<CompletableFuture<FetResult>> queued = ConcurrentHashMap.newKeySet();

    @Activate
    public DalyFetControl() {
        this(Duration.ofMillis(500), LINE_WAIT);
    }

    DalyFetControl(Duration answerTimeout, Duration lineWait) {
        this.answerTimeout = answerTimeout;
        this.lineWait = lineWait;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bmswb-daly-fets");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Stops the thread: a call under way is interrupted and completes as far as it got (REFUSED
     * before anything was sent, else TIMEOUT); a call still queued completes REFUSED.
     */
    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        for (CompletableFuture<FetResult> f : List.copyOf(queued)) {
            f.complete(FetResult.refused("the Daly MOSFET control stopped before the call ran; nothing was sent"));
        }
    }

    @Override
    public String protocol() {
        return DalyCodec.PROTOCOL;
    }

    @Override
    public boolean canSwitch(boolean charge) {
        return true;
    }

    @Override
    public CompletableFuture<FetResult> apply(Connection connection, FetCommand command) {
        if (connection.listenOnly()) {
            return CompletableFuture.completedFuture(FetResult.refused(connection.uri()
                    + " is listen-only; nothing was sent to the Daly BMS"));
        }
        if (connection.control(PlaybackControl.class).isPresent()) {
            return CompletableFuture.completedFuture(FetResult.refused(connection.uri()
                    + " is a replay; nothing was sent to the Daly BMS"));
        }
        CompletableFuture<FetResult> result = new CompletableFuture<>();
        queued.add(result);
        try {
            executor.execute(() -> {
                if (!queued.remove(result)) {
                    return; // completed by a stop
                }
                try {
                    result.complete(run(connection, command));
                } catch (RuntimeException e) {
                    result.complete(FetResult.refused("switching the Daly MOSFETs failed: " + e));
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(result);
            result.complete(FetResult.refused("the Daly MOSFET control is stopping; nothing was sent"));
        }
        return result;
    }

    private FetResult run(Connection connection, FetCommand command) {
        StreamLink link = connection.control(StreamLink.class).orElse(null);
        boolean byteStream = link != null;
        String bus = byteStream ? link.port() : "can0";
        List<CanFrame> sent = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        try (FetExchange exchange = new FetExchange(connection, link, answerTimeout, lineWait)) {
            for (boolean charge : new boolean[] {true, false}) {
                Boolean on = charge ? command.charge() : command.discharge();
                if (on == null) {
                    continue;
                }
                int id = charge ? DalyCodec.CHARGE_MOS : DalyCodec.DISCHARGE_MOS;
                if (exchange.ask(DalyCodec.mosfetCommand(charge, on, byteStream, bus, now()), id, sent) == null) {
                    unanswered.add(String.format("0x%02X", id));
                }
            }
            String asked = "after " + command + (unanswered.isEmpty() ? "" : " (no answer to " + String.join(", ",
                    unanswered) + ")");
            DecodedMessage status = null;
            for (int i = 0; i < READ_TRIES; i++) {
                DecodedMessage read = exchange.ask(DalyCodec.request(DalyCodec.MOSFET_STATUS, byteStream, bus, now()),
                        DalyCodec.MOSFET_STATUS, sent);
                status = read == null ? status : read;
                if (read != null && matches(read, command)) {
                    break;
                }
            }
            if (status == null) {
                return new FetResult(Outcome.TIMEOUT, null, null, String.format(
                        "the Daly BMS did not answer 0x93 %s, %d tries of %d ms: the MOSFETs' state is unknown", asked,
                        READ_TRIES, answerTimeout.toMillis()), sent);
            }
            Boolean c = (Boolean) status.signals().get("fet.charge");
            Boolean d = (Boolean) status.signals().get("fet.discharge");
            String reported = "charge " + (c ? "on" : "off") + ", discharge " + (d ? "on" : "off");
            return matches(status, command)
                    ? new FetResult(Outcome.CONFIRMED, c, d, "the Daly BMS reports " + reported + " " + asked, sent)
                    : new FetResult(Outcome.REJECTED, c, d, "the Daly BMS still reports " + reported + " " + asked, sent);
        } catch (FetExchange.LineBusyException e) {
            return sent.isEmpty() ? FetResult.refused(e.getMessage() + "; nothing was sent")
                    : new FetResult(Outcome.TIMEOUT, null, null, e.getMessage(), sent);
        } catch (IOException e) {
            String why = "could not send to the Daly BMS on " + connection.uri() + ": " + e.getMessage();
            return sent.isEmpty() ? FetResult.refused(why + "; nothing was sent")
                    : new FetResult(Outcome.TIMEOUT, null, null, why, sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sent.isEmpty() ? FetResult.refused("stopped before anything was sent")
                    : new FetResult(Outcome.TIMEOUT, null, null, "stopped while waiting for the Daly BMS", sent);
        }
    }

    private static boolean matches(DecodedMessage status, FetCommand command) {
        Object c = status.signals().get("fet.charge");
        Object d = status.signals().get("fet.discharge");
        return (command.charge() == null || command.charge().equals(c))
                && (command.discharge() == null || command.discharge().equals(d));
    }

    private static long now() {
        return System.currentTimeMillis() * 1000;
    }
}
