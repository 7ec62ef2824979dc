package org.bmsworkbench.transport.replay.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code snapshot:} transport: the frames of a system snapshot (the {@code frames.log} entry,
 * candump {@code -L}, of its ZIP) played as a live bus, by default as fast as possible and once,
 * so that the model ends as the device was.
 */
@Component(name = "org.bmsworkbench.transport.snapshot", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SnapshotTransport.SCHEME)
public final class SnapshotTransport extends PlaybackTransport {
    static final String SCHEME = "snapshot";
    static final String FRAMES_ENTRY = "frames.log";

    @Activate
    public SnapshotTransport() {
        this(PlaybackSettings::workingDirectory);
    }

    SnapshotTransport(Supplier<Path> workingDir) {
        super(workingDir, "snapshot ZIP", "snapshot.zip", PlaybackControl.AS_FAST_AS_POSSIBLE);
    }

    @Deactivate
    void deactivate() {
        stopAll();
    }

    @Override
    public String description() {
        return "The frames of a system snapshot played as a live bus (snapshot:PATH.zip?speed=max&loop=false)";
    }

    @Override
    LogSource source(Path zip, ConnectionUri uri) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.getEntry(FRAMES_ENTRY) == null) {
                throw new IOException("cannot replay " + uri.path() + ": not a system snapshot (it has no "
                        + FRAMES_ENTRY + " entry)");
            }
        } catch (ZipException e) {
            throw new IOException("cannot replay " + uri.path() + ": not a ZIP file ("
                    + (e.getMessage() == null ? "unreadable" : e.getMessage()) + ")", e);
        }
        return LogSource.zipEntry(zip, FRAMES_ENTRY, uri.path() + "!" + FRAMES_ENTRY);
    }
}
