package org.bmsworkbench.transport.replay.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.PlaybackControl;

/**
 * The options of a {@code replay:} or {@code snapshot:} URI: the file, {@code speed=N|max} and
 * {@code loop=true|false}. Parsing does no I/O.
 *
 * @param file the file, resolved against the working directory when relative
 */
record PlaybackSettings(Path file, double speed, boolean loop) {
    static final Set<String> OPTIONS = Set.of("speed", "loop");
    /** Above this a factor means nothing a clock can keep: use {@code max}. */
    static final double MAX_FACTOR = 1_000_000;

    /**
     * @param what         what the path names, for messages ("log file", "snapshot ZIP")
     * @param example      an example path for messages
     * @param defaultSpeed the speed when the URI gives none
     * @param workingDir   the directory a relative path is resolved against
     */
    static PlaybackSettings parse(ConnectionUri uri, String what, String example, double defaultSpeed,
            boolean defaultLoop, Path workingDir) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a " + what + " has no host; write " + uri.scheme() + ":"
                    + example);
        }
        if (uri.path().isBlank()) {
            throw new InvalidUriException("'" + uri + "': missing " + what + " (e.g. " + uri.scheme() + ":" + example + ")");
        }
        Path file;
        try {
            file = workingDir.resolve(uri.path());
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidUriException("'" + uri + "': '" + uri.path() + "' is not a valid path: " + e.getReason());
        }
        double speed = speed(uri, defaultSpeed);
        boolean loop = uri.booleanOption("loop", defaultLoop);
        return new PlaybackSettings(file, speed, loop);
    }

    private static double speed(ConnectionUri uri, double defaultSpeed) {
        String v = uri.option("speed").orElse(null);
        if (v == null) {
            return defaultSpeed;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("max")) {
            return PlaybackControl.AS_FAST_AS_POSSIBLE;
        }
        double d;
        try {
            d = Double.parseDouble(s.endsWith("x") ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0) || d > MAX_FACTOR) {
            throw new InvalidUriException("'" + uri + "': option speed=" + v
                    + " is not a positive factor (1 = real time, 10 = ten times faster) up to 1000000, or max");
        }
        return d;
    }

    /** The working directory of the command line ({@code bmswb.cwd}), else of the JVM. */
    static Path workingDirectory() {
        return Path.of(System.getProperty("bmswb.cwd", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** {@code max} or the factor, for state details. */
    String speedText() {
        if (Double.isInfinite(speed)) {
            return "max";
        }
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
