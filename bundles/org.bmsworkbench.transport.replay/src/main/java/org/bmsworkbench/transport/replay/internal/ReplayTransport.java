package org.bmsworkbench.transport.replay.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code replay:} transport: a candump {@code -L}, plain candump or Vector ASC log played as
 * a live bus, {@code replay:PATH?speed=1|10|max&loop=true}.
 */
@Component(name = "org.bmsworkbench.transport.replay", service = CanTransportProvider.class)
@TransportScheme(ReplayTransport.SCHEME)
public final class ReplayTransport implements CanTransportProvider {
    static final String SCHEME = "replay";

    private final Supplier<Path> workingDir;
    private final OpenChannels channels = new OpenChannels();

    @Activate
    public ReplayTransport() {
        this(PlaybackSettings::workingDirectory);
    }

    ReplayTransport(Supplier<Path> workingDir) {
        this.workingDir = workingDir;
    }

    @Deactivate
    void deactivate() {
        channels.stop();
    }

    @Override
    public String description() {
        return "Replay of a candump -L, candump or ASC log as a live bus (replay:PATH?speed=1|10|max&loop=false)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        settings(uri);
    }

    private PlaybackSettings settings(ConnectionUri uri) {
        return PlaybackSettings.parse(uri, "log file", "capture.log", 1, false, workingDir.get());
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        PlaybackSettings settings = settings(uri);
        Path file = settings.file();
        checkReadable(file, uri.path(), "log");
        return channels.open(uri.toString(), LogSource.file(file, uri.path()), settings, listener);
    }

    /** A clear IOException naming the path when {@code file} cannot be read. */
    static void checkReadable(Path file, String given, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("cannot replay " + given + ": no such file" + (given.equals(file.toString()) ? ""
                    : " (" + file + ")"));
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot replay " + given + ": is a directory, not a " + what);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot replay " + given + ": permission denied");
        }
    }

    /** Channels open now (for tests). */
    int openChannels() {
        return channels.size();
    }
}
