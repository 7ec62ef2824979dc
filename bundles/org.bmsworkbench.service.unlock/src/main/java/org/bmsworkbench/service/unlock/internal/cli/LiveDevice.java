package org.bmsworkbench.service.unlock.internal.cli;

import java.time.Duration;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;

/**
 * A connection opened by {@code bmswb snapshot} or {@code bmswb unlock}, decoded into a model
 * (protocol auto-detected). A URI that cannot be used is a usage error; one that does not connect
 * within 10 s a failure with the transport's reason.
 */
final class LiveDevice implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    final Connection connection;
    final BmsSession session;

    private LiveDevice(Connection connection, BmsSession session) {
        this.connection = connection;
        this.session = session;
    }

    /** {@code --device ADDR}: the BMS on a bus of many devices; null when absent. */
    static Integer device(DeviceOption.Address option) throws UsageException {
        DeviceOption d = option.value();
        return d == null ? null : d.address();
    }

    /** A number of seconds as the user would write it: {@code 99}, {@code 0.5}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static LiveDevice open(Connections connections, BmsSessions sessions, String uri)
            throws UsageException, CommandFailure, InterruptedException {
        return open(connections, sessions, uri, null);
    }

    /** Opens {@code uri}; the model follows the device at {@code device} (null: chosen automatically). */
    static LiveDevice open(Connections connections, BmsSessions sessions, String uri, Integer device)
            throws UsageException, CommandFailure, InterruptedException {
        Connection c;
        try {
            c = connections.open(uri);
        } catch (InvalidUriException e) {
            throw new UsageException(e.getMessage());
        }
        if (c.state() == ConnectionState.WAITING_FOR_TRANSPORT) {
            String detail = c.stateDetail();
            c.close();
            throw new UsageException("cannot open '" + uri + "': " + detail);
        }
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (c.state() != ConnectionState.CONNECTED) {
            ConnectionState s = c.state();
            if (s == ConnectionState.FAILED || s == ConnectionState.CLOSED || System.nanoTime() > deadline) {
                String detail = c.stateDetail();
                c.close();
                throw new CommandFailure("cannot connect to " + uri + ": " + (s == ConnectionState.FAILED
                        || s == ConnectionState.CLOSED ? s.name().toLowerCase(java.util.Locale.ROOT) : "still " + s
                        + " after " + CONNECT_TIMEOUT.toSeconds() + " s") + (detail == null || detail.isEmpty() ? ""
                        : " (" + detail + ")"));
            }
            Thread.sleep(20);
        }
        return new LiveDevice(c, sessions.attach(c, "auto", device));
    }

    @Override
    public void close() {
        session.close();
        connection.close();
    }
}
