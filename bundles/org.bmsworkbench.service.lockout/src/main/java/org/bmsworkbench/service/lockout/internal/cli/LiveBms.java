package org.bmsworkbench.service.lockout.internal.cli;

import java.time.Duration;
import java.util.Locale;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.UsageException;

/**
 * The connection {@code bmswb fets} opens, decoded into a model. A URI that cannot be used is a
 * usage error; one that does not connect in time a failure with the transport's reason.
 */
final class LiveBms implements AutoCloseable {
    final Connection connection;
    final BmsSession session;

    private LiveBms(Connection connection, BmsSession session) {
        this.connection = connection;
        this.session = session;
    }

    static LiveBms open(Connections connections, BmsSessions sessions, String uri, String protocol, Duration timeout)
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
        long deadline = System.nanoTime() + timeout.toNanos();
        while (c.state() != ConnectionState.CONNECTED) {
            ConnectionState s = c.state();
            if (s == ConnectionState.FAILED || s == ConnectionState.CLOSED || System.nanoTime() > deadline) {
                String detail = c.stateDetail();
                c.close();
                throw new CommandFailure("cannot connect to " + uri + ": " + (s == ConnectionState.FAILED
                        || s == ConnectionState.CLOSED ? s.name().toLowerCase(Locale.ROOT) : "still "
                        + s.name().toLowerCase(Locale.ROOT) + " after " + timeout.toSeconds() + " s")
                        + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
            }
            Thread.sleep(20);
        }
        return new LiveBms(c, sessions.attach(c, protocol));
    }

    @Override
    public void close() {
        session.close();
        connection.close();
    }
}
