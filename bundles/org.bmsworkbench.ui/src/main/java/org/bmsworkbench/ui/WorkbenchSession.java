package org.bmsworkbench.ui;

import java.util.Optional;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.PlaybackControl;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the window is showing: one connection and its live decoding. Thread-safe; the objects it
 * returns are the same for the whole session.
 */
@ProviderType
public interface WorkbenchSession {

    /** The URI the user opened, as typed: {@code sim:}, {@code slcan:/dev/ttyACM0?bitrate=500000}, ... */
    String uri();

    Connection connection();

    BmsSession bms();

    default BmsModel model() {
        return bms().model();
    }

    /** Pause, speed and seek when the session plays a log or snapshot; empty on a live bus. */
    default Optional<PlaybackControl> playback() {
        return connection().control(PlaybackControl.class);
    }

    /** True for a recorded source (a log, a snapshot): nothing is ever sent to it. */
    boolean isOffline();
}
