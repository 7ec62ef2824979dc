package org.bmsworkbench.ui.internal;

import java.util.Locale;
import java.util.Set;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.ui.WorkbenchSession;

/** A connection opened by the window with its live decoding; closing it closes both. */
final class OpenSession implements WorkbenchSession, AutoCloseable {
    /** Schemes of recorded sources: a log replayed, a snapshot reopened. Nothing is sent to them. */
    static final Set<String> OFFLINE_SCHEMES = Set.of("replay", "snapshot");

    private final String uri;
    private final Connection connection;
    private final BmsSession bms;
    private final boolean offline;

    private OpenSession(String uri, Connection connection, BmsSession bms, boolean offline) {
        this.uri = uri;
        this.connection = connection;
        this.bms = bms;
        this.offline = offline;
    }

    /**
     * Opens {@code uri} and starts decoding it with {@code protocol} ({@code auto} or an id). Returns
     * at once; the connection opens in the background.
     *
     * @throws InvalidUriException when the URI is malformed or its transport rejects it
     */
    static OpenSession open(Connections connections, BmsSessions sessions, String uri, String protocol) {
        String typed = uri.strip();
        ConnectionUri parsed = ConnectionUri.parse(typed);
        Connection connection = connections.open(typed);
        try {
            BmsSession bms = sessions.attach(connection, protocol == null || protocol.isBlank() ? "auto" : protocol);
            return new OpenSession(typed, connection, bms, OFFLINE_SCHEMES.contains(parsed.scheme().toLowerCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public BmsSession bms() {
        return bms;
    }

    @Override
    public boolean isOffline() {
        return offline;
    }

    @Override
    public void close() {
        bms.close();
        connection.close();
    }
}
