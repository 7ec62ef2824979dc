package org.bmsworkbench.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.cli.CommandFailure;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;

/**
 * Opens the one SWT {@link Display}: where SWT's native code is first loaded. Where no window can
 * open — no graphical display, GTK not installed — it fails with the one line the user sees: what
 * is missing, what to install, and the headless {@code bmswb monitor}; never a stack trace.
 */
final class DisplayStart {
    /** A shared object the dynamic linker could not load: "libgtk-3.so.0: cannot open shared object file". */
    private static final Pattern MISSING_LIBRARY = Pattern.compile("(lib[\\w.+-]+?\\.so(?:\\.\\d+)*): (?=([^\\n]+))");
    private static final String HEADLESS = "the headless 'bmswb monitor', which shows the values in a terminal";

    /**
     * SWT's own switch for its session-manager client (SWT 3.135 {@code SessionManagerDBus}). On
     * GTK SWT registers the window with the GNOME or Xfce session manager over the D-Bus session
     * bus, so that logging out asks it to close. Where there is no session bus (a server, xvfb-run,
     * CI, a container) GLib tries to start one with dbus-launch and SWT prints two lines, "SWT
     * SessionManagerDBus: Failed to connect to org.gnome.SessionManager: …" and the same for Xfce,
     * on every start. Without a bus there is no session manager to register with: the client is
     * switched off there, and only there.
     */
    static final String NO_SESSION_MANAGER = "org.eclipse.swt.internal.SessionManagerDBus.disable";

    private DisplayStart() {
    }

    /** Whether a D-Bus session bus can be reached: named by DBUS_SESSION_BUS_ADDRESS, or systemd's $XDG_RUNTIME_DIR/bus. */
    static boolean hasSessionBus(Map<String, String> env) {
        if (!blank(env.get("DBUS_SESSION_BUS_ADDRESS"))) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return !blank(runtime) && java.nio.file.Files.exists(java.nio.file.Path.of(runtime, "bus"));
    }

    static Display open() throws CommandFailure {
        if (!hasSessionBus(System.getenv())) {
            System.setProperty(NO_SESSION_MANAGER, "true");
        }
        try {
            loadSwt();
            return new Display();
        } catch (SWTError | LinkageError e) {
            throw new CommandFailure(reason(e, System.getenv(), System.getProperty("os.name", "")), e);
        }
    }

    /**
     * The first use of SWT's Display class loads SWT's native library, and with it GTK. Where GTK 3
     * is missing SWT prints "SWT OS.java Error: Failed to load swt-pi3, loading swt-pi4 as
     * fallback." on System.err before it fails: that line is held back, the one line of
     * {@link #reason} says it better. Anything else printed meanwhile is passed on.
     */
    private static void loadSwt() {
        PrintStream original = System.err;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
        try {
            Display.setAppName("BMS Workbench");
        } finally {
            System.setErr(original);
            held.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("SWT OS.java Error: Failed to load swt-pi3"))
                    .forEach(original::println);
        }
    }

    /** The one line for a Display that cannot be opened: {@code failure} from SWT, on {@code os}, under {@code env}. */
    static String reason(Throwable failure, Map<String, String> env, String os) {
        String message = String.valueOf(failure.getMessage());
        String lowerOs = os.toLowerCase(Locale.ROOT);
        boolean linux = !lowerOs.startsWith("windows") && !lowerOs.startsWith("mac");
        if (failure instanceof LinkageError) {
            Matcher m = MISSING_LIBRARY.matcher(message);
            // SWT lists every place it tried; the library the linker names is the one that is missing
            String missing = null;
            String why = null;
            while (m.find()) {
                if (!m.group(1).startsWith("libswt")) {
                    missing = m.group(1);
                    why = m.group(2).strip();
                    break;
                }
            }
            if (linux && missing != null && missing.startsWith("libgtk-3")) {
                return "cannot open the window: the GTK 3 libraries are not installed (" + missing + ": " + why
                        + "); install them (apt-get install libgtk-3-0), or use " + HEADLESS;
            }
            if (linux && missing != null) {
                return "cannot open the window: a library the window needs cannot be loaded (" + missing + ": " + why
                        + "); install GTK 3 with its libraries (apt-get install libgtk-3-0), or use " + HEADLESS;
            }
            return "cannot open the window: SWT's native library cannot be loaded (" + firstLine(failure)
                    + ")" + (linux ? "; install GTK 3 (apt-get install libgtk-3-0)" : "") + ", or use " + HEADLESS;
        }
        if (linux && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "cannot open the window: no graphical display (DISPLAY is not set); run it on a desktop, set DISPLAY,"
                    + " or run it under xvfb-run (apt-get install xvfb xauth), or use " + HEADLESS;
        }
        String where = linux ? " on display " + (blank(env.get("DISPLAY")) ? env.get("WAYLAND_DISPLAY") : env.get("DISPLAY")) : "";
        return "cannot open the window" + where + " (" + firstLine(failure) + ")"
                + (linux ? "; check DISPLAY and that the X server lets this user in (xauth)" : "") + ", or use " + HEADLESS;
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
