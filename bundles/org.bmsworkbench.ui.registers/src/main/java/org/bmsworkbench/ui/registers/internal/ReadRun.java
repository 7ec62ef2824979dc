package org.bmsworkbench.ui.registers.internal;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.can.Connection;

/**
 * Reads registers one after the other, each result handed to the UI thread before the next
 * request goes out, so that progress shows and a cancel stops at the next register. Created,
 * driven and cancelled on the UI thread; the requests themselves never block it.
 */
final class ReadRun {
    private final RegisterAccess access;
    private final Connection connection;
    private final List<Integer> registers;
    private final Executor ui;
    private final RequestOptions options;
    private final BiConsumer<Integer, RegisterResult> onResult;
    private final Consumer<ReadRun> onEnd;
    private int done;
    private boolean cancelled;
    private boolean ended;

    /**
     * @param onResult told of each result with its position (0-based), on the UI thread
     * @param onEnd    told once when the last result is in or after a cancel, on the UI thread
     */
    ReadRun(RegisterAccess access, Connection connection, RequestOptions options, List<Integer> registers, Executor ui,
            BiConsumer<Integer, RegisterResult> onResult, Consumer<ReadRun> onEnd) {
        this.access = access;
        this.options = options;
        this.connection = connection;
        this.registers = List.copyOf(registers);
        this.ui = ui;
        this.onResult = onResult;
        this.onEnd = onEnd;
    }

    void start() {
        next();
    }

    private void next() {
        if (cancelled || done == registers.size()) {
            end();
            return;
        }
        int position = done;
        access.read(connection, registers.get(position), options)
                .whenCompleteAsync((result, failure) -> {
                    if (ended) {
                        return;
                    }
                    done++;
                    if (result != null) {
                        onResult.accept(position, result);
                    }
                    next();
                }, ui);
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.accept(this);
        }
    }

    /** Stops after the request under way; ends at once (the pending answer is dropped). */
    void cancel() {
        cancelled = true;
        end();
    }

    int done() {
        return done;
    }

    int total() {
        return registers.size();
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean ended() {
        return ended;
    }
}
