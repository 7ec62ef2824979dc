package org.bmsworkbench.transport.replay.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;

/**
 * What the {@code replay:} and {@code snapshot:} transports share: the URI read into
 * {@link PlaybackSettings} (a path relative to the working directory, {@code speed}, {@code loop}),
 * the file checked before anything is opened, and the open channels, stopped on deactivation.
 * A subclass names its kind of file and says where in it the frames are.
 */
abstract class PlaybackTransport implements CanTransportProvider {
    private final Supplier<Path> workingDir;
    private final OpenChannels channels = new OpenChannels();
    private final String fileKind;
    private final String defaultName;
    private final double defaultSpeed;

    /**
     * @param fileKind     what the file is, in messages ("log file", "snapshot ZIP")
     * @param defaultName  the file name the messages' examples use
     * @param defaultSpeed the speed without a {@code speed} option
     */
    PlaybackTransport(Supplier<Path> workingDir, String fileKind, String defaultName, double defaultSpeed) {
        this.workingDir = workingDir;
        this.fileKind = fileKind;
        this.defaultName = defaultName;
        this.defaultSpeed = defaultSpeed;
    }

    /** Where the frames are in {@code file} (checked to be a readable file); throws naming what is wrong. */
    abstract LogSource source(Path file, ConnectionUri uri) throws IOException;

    /** What {@code file} is in the "is a directory, not a …" message. */
    String readableKind() {
        return fileKind;
    }

    @Override
    public final void validate(ConnectionUri uri) {
        settings(uri);
    }

    private PlaybackSettings settings(ConnectionUri uri) {
        return PlaybackSettings.parse(uri, fileKind, defaultName, defaultSpeed, false, workingDir.get());
    }

    @Override
    public final CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        PlaybackSettings settings = settings(uri);
        Path file = settings.file();
        checkReadable(file, uri.path(), readableKind());
        return channels.open(uri.toString(), source(file, uri), settings, listener);
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

    /** Stops every open channel (the component's deactivation). */
    final void stopAll() {
        channels.stop();
    }

    /** Channels open now (for tests). */
    final int openChannels() {
        return channels.size();
    }
}
