package org.bmsworkbench.transport.replay.internal;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code replay:} transport: a candump {@code -L}, plain candump or Vector ASC log played as
 * a live bus, {@code replay:PATH?speed=1|10|max&loop=true}.
 */
@Component(name = "org.bmsworkbench.transport.replay", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(ReplayTransport.SCHEME)
public final class ReplayTransport extends PlaybackTransport {
    static final String SCHEME = "replay";

    @Activate
    public ReplayTransport() {
        this(PlaybackSettings::workingDirectory);
    }

    ReplayTransport(Supplier<Path> workingDir) {
        super(workingDir, "log file", "capture.log", 1);
    }

    @Deactivate
    void deactivate() {
        stopAll();
    }

    @Override
    public String description() {
        return "Replay of a candump -L, candump or ASC log as a live bus (replay:PATH?speed=1|10|max&loop=false)";
    }

    @Override
    String readableKind() {
        return "log";
    }

    @Override
    LogSource source(Path file, ConnectionUri uri) {
        return LogSource.file(file, uri.path());
    }
}
