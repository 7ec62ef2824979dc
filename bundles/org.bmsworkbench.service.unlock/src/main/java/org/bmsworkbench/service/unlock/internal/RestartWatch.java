package org.bmsworkbench.service.unlock.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.MgMasterLv;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.RestartObservation;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * Steps 5 (the BMS's answer), 6 (the restart, state by state, with time-outs) and 7 (the result)
 * of one attempt. Frames arrive on the transport thread and are handed to the procedure's thread;
 * a tick every 100 ms there checks silence and time-outs.
 */
final class RestartWatch {
    /** Silence from the BMS this long after the code means it restarts (the guide's reboot is 2 s of silence). */
    static final Duration SILENCE = Duration.ofSeconds(1);
    private static final long TICK_MILLIS = 100;

    private enum Phase { ANSWER, RESTART, CHECK, STOPPED }

    private final Attempt attempt;
    private final int node;
    private final int source;
    private final int unlockRegister;
    private final CompletableFuture<StepResult> answer;
    private final List<RestartObservation> observations = new ArrayList<>();
    private final long sentNanos = System.nanoTime();
    private Phase phase = Phase.ANSWER;
    private Subscription subscription;
    private ScheduledFuture<?> ticker;
    private BmsReplies replies;
    private Integer lastState;
    private long lastChangeNanos = sentNanos;
    private boolean silenceSeen;
    private long checkStartNanos;

    RestartWatch(Attempt attempt, int node, int source, int unlockRegister, CompletableFuture<StepResult> answer) {
        this.attempt = attempt;
        this.node = node;
        this.source = source;
        this.unlockRegister = unlockRegister;
        this.answer = answer;
    }

    void start(Connection connection) {
        replies = new BmsReplies(node, source, unlockRegister,
                code -> attempt.executor.execute(() -> errorAck(code)),
                state -> attempt.executor.execute(() -> state(state)));
        subscription = connection.subscribe(replies);
        ticker = attempt.executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        phase = Phase.STOPPED;
        if (subscription != null) {
            subscription.close();
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    List<RestartObservation> observations() {
        return List.copyOf(observations);
    }

    private Duration sinceSent() {
        return Duration.ofNanos(System.nanoTime() - sentNanos);
    }

    private void errorAck(int code) {
        if (phase != Phase.ANSWER) {
            return;
        }
        Outcome o = Outcome.ofAck(code);
        stop();
        answer.complete(attempt.codeRefused(AuditOutcome.REFUSED, String.format("the BMS refused the code: ACK 0x%04X"
                + " (%s) for VREG 0x%04X", code, o.description(), unlockRegister)));
    }

    private void state(int code) {
        if (phase == Phase.ANSWER) {
            if (code == MgMasterLv.STATE_ERROR) {
                return; // still locked: a broadcast that says nothing new
            }
            accept("the BMS left the Error state");
        }
        if (phase != Phase.RESTART || lastState != null && lastState == code) {
            return;
        }
        lastState = code;
        lastChangeNanos = System.nanoTime();
        BmsState state = attempt.profileState(code);
        observations.add(new RestartObservation(sinceSent(), state));
        switch (state.category()) {
            case RUNNING -> {
                attempt.stepDone(UnlockStep.WATCH_RESTART, AuditOutcome.ACCEPTED, "running " + seconds(sinceSent())
                        + " after the code was sent; states " + path());
                beginCheck();
            }
            case ERROR -> {
                attempt.stepDone(UnlockStep.WATCH_RESTART, AuditOutcome.FAILED, "the BMS went back to state "
                        + state + " during the restart; states " + path());
                beginCheck();
            }
            case STANDBY -> attempt.say("Standby (14): with Combined BMS the BMS waits for a start command from the"
                    + " SmartLink MX. " + GuideText.AFTER_UNLOCK + " Waiting up to "
                    + seconds(attempt.options.startCommandWait()) + " for it.");
            case STARTING -> attempt.say(state + (code == 16 ? ". " + GuideText.DC_LOADS : "") + " …");
            default -> attempt.say("The BMS restarts: " + state + " …");
        }
    }

    private void accept(String how) {
        phase = Phase.RESTART;
        answer.complete(attempt.codeAccepted("the BMS accepted the code: " + how + " " + seconds(sinceSent())
                + " after it was sent"));
    }

    private void tick() {
        switch (phase) {
            case ANSWER -> {
                if (replies.silentNanos() >= SILENCE.toNanos()) {
                    silenceSeen = true;
                    accept("it fell silent to restart");
                } else if (sinceSent().compareTo(attempt.options.answerTimeout()) >= 0) {
                    phase = Phase.CHECK; // no more events until the state is read
                    attempt.diagnoseNow().whenCompleteAsync((d, e) -> noAnswer(d), attempt.executor);
                }
            }
            case RESTART -> {
                boolean standby = lastState != null && attempt.profileState(lastState).category()
                        == BmsState.Category.STANDBY;
                Duration limit = standby ? attempt.options.startCommandWait() : attempt.options.phaseTimeout();
                if (System.nanoTime() - lastChangeNanos >= limit.toNanos()) {
                    stop();
                    if (standby) {
                        String reason = "unlocked: the BMS restarted and waits in Standby for a start command from the"
                                + " SmartLink MX (Combined BMS); none came within " + seconds(limit) + ". "
                                + GuideText.AFTER_UNLOCK;
                        attempt.stepDone(UnlockStep.WATCH_RESTART, AuditOutcome.ACCEPTED, reason);
                        attempt.finish(new UnlockResult(UnlockResult.Outcome.WAITING_FOR_START_COMMAND, reason,
                                List.of("the BMS waits for the SmartLink MX's start command"), null));
                    } else {
                        String where = lastState == null ? (silenceSeen ? "silent" : "without a state broadcast")
                                : "in state " + attempt.profileState(lastState);
                        String reason = "the restart stalled: " + where + " for " + seconds(limit) + "; states " + path();
                        attempt.stepDone(UnlockStep.WATCH_RESTART, AuditOutcome.FAILED, reason);
                        attempt.finish(new UnlockResult(UnlockResult.Outcome.NO_RESTART, reason, List.of(reason), null));
                    }
                }
            }
            default -> {
                // CHECK polls by itself; STOPPED does nothing
            }
        }
    }

    private void noAnswer(SafetyLockDiagnosis d) {
        if (phase == Phase.STOPPED) {
            return;
        }
        if (d != null && d.state() != null && d.state().code() != MgMasterLv.STATE_ERROR) {
            phase = Phase.ANSWER;
            accept("it reads state " + d.state() + " now");
            return;
        }
        stop();
        answer.complete(attempt.codeRefused(AuditOutcome.FAILED, "no answer within "
                + seconds(attempt.options.answerTimeout()) + ": the BMS neither refused the code nor restarted"
                + (d == null || d.state() == null ? "" : " (still in state " + d.state() + ")")));
    }

    private void beginCheck() {
        phase = Phase.CHECK;
        if (subscription != null) {
            subscription.close();
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        checkStartNanos = System.nanoTime();
        attempt.say("Step 7: checking the result …");
        check();
    }

    private void check() {
        attempt.diagnoseNow().whenCompleteAsync((d, e) -> {
            if (phase != Phase.CHECK || attempt.ended()) {
                return;
            }
            List<String> problems = d == null ? List.of("the BMS could not be read") : problemsOf(d);
            boolean timeUp = System.nanoTime() - checkStartNanos >= attempt.options.settleTimeout().toNanos();
            if (problems.isEmpty()) {
                String reason = "the BMS is running, error cleared, no alarm raised";
                attempt.stepDone(UnlockStep.CHECK_RESULT, AuditOutcome.ACCEPTED, reason);
                attempt.finish(new UnlockResult(UnlockResult.Outcome.RUNNING, reason, List.of(), d));
            } else if (timeUp) {
                String reason = "after the restart: " + String.join("; ", problems);
                attempt.stepDone(UnlockStep.CHECK_RESULT, AuditOutcome.FAILED, reason);
                attempt.finish(new UnlockResult(UnlockResult.Outcome.STILL_WRONG, reason, problems, d));
            } else {
                attempt.executor.schedule(this::check, 500, TimeUnit.MILLISECONDS);
            }
        }, attempt.executor);
    }

    private String path() {
        return String.join(" → ", observations.stream().map(o -> String.valueOf(o.state().code())).toList());
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** What keeps the result from being "running": not Running, an error, alarms still raised. Empty when none. */
    static List<String> problemsOf(SafetyLockDiagnosis d) {
        List<String> problems = new ArrayList<>();
        if (d.state() == null) {
            problems.add("the BMS state could not be read");
        } else if (d.state().category() != BmsState.Category.RUNNING) {
            problems.add("the BMS is in state " + d.state() + ", not Running");
        }
        if (d.error() != null && d.error().code() != 0) {
            problems.add("error " + d.error() + ": " + d.error().whatToCheck());
        }
        if (!d.activeAlarms().isEmpty()) {
            problems.add("alarms still raised: " + String.join(", ", d.activeAlarms()));
        }
        return problems;
    }
}
