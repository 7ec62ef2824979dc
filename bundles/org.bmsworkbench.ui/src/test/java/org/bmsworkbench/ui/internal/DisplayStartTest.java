package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.junit.jupiter.api.Test;

/**
 * The one line {@code bmswb gui} prints where no window can open (issue 12), for the failures SWT
 * 3.135 really reports: its UnsatisfiedLinkError texts below were printed by {@code bmswb gui} with
 * GTK missing (a Debian 12 root without libgtk-3-0) and with a broken libgtk-3.so.0 on
 * LD_LIBRARY_PATH; the SWTError is SWT's when gtk_init_check fails.
 */
class DisplayStartTest {
    private static final String MISSING_GTK = """
            Could not load SWT library. Reasons:\s
            \tno swt-pi3-gtk-4974r10 in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib
            \tno swt-pi3-gtk in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib
            \tno swt-pi3 in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib
            \t/root/.swt/lib/linux/x86_64/libswt-pi3-gtk-4974r10.so: libgtk-3.so.0: cannot open shared object file: No such file or directory
            \tCan't load library: /root/.swt/lib/linux/x86_64/libswt-pi3-gtk.so
            \tCan't load library: /root/.swt/lib/linux/x86_64/libswt-pi3.so
            """;
    private static final String BROKEN_GTK = """
            Could not load SWT library. Reasons:\s
            \tno swt-pi3-gtk-4974r10 in java.library.path: /tmp/brokengtk:/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib
            \t/root/.swt/lib/linux/x86_64/libswt-pi3-gtk-4974r10.so: /tmp/brokengtk/libgtk-3.so.0: file too short
            \tCan't load library: /root/.swt/lib/linux/x86_64/libswt-pi3-gtk.so
            """;
    private static final String MISSING_XTST = """
            Could not load SWT library. Reasons:\s
            \t/root/.swt/lib/linux/x86_64/libswt-pi3-gtk-4974r10.so: libXtst.so.6: cannot open shared object file: No such file or directory
            """;

    @Test
    void gtkThatIsNotInstalledIsNamedWithWhatToInstall() {
        assertEquals("cannot open the window: the GTK 3 libraries are not installed (libgtk-3.so.0: cannot open shared object"
                + " file: No such file or directory); install them (apt-get install libgtk-3-0), or use the headless"
                + " 'bmswb monitor', which shows the values in a terminal",
                DisplayStart.reason(new UnsatisfiedLinkError(MISSING_GTK), Map.of("DISPLAY", ":0"), "Linux"));
    }

    @Test
    void aBrokenGtkLibraryIsNamed() {
        assertEquals("cannot open the window: the GTK 3 libraries are not installed (libgtk-3.so.0: file too short);"
                + " install them (apt-get install libgtk-3-0), or use the headless 'bmswb monitor', which shows the values"
                + " in a terminal",
                DisplayStart.reason(new UnsatisfiedLinkError(BROKEN_GTK), Map.of(), "Linux"));
    }

    @Test
    void anotherMissingLibraryIsNamedToo() {
        assertEquals("cannot open the window: a library the window needs cannot be loaded (libXtst.so.6: cannot open"
                + " shared object file: No such file or directory); install GTK 3 with its libraries (apt-get install"
                + " libgtk-3-0), or use the headless 'bmswb monitor', which shows the values in a terminal",
                DisplayStart.reason(new UnsatisfiedLinkError(MISSING_XTST), Map.of(), "Linux"));
    }

    @Test
    void noDisplayOnLinuxSaysWhatToSetOrInstall() {
        SWTError noHandles = new SWTError(SWT.ERROR_NO_HANDLES, "No more handles [gtk_init_check() failed]");
        assertEquals("cannot open the window: no graphical display (DISPLAY is not set); run it on a desktop, set DISPLAY,"
                + " or run it under xvfb-run (apt-get install xvfb xauth), or use the headless 'bmswb monitor', which"
                + " shows the values in a terminal",
                DisplayStart.reason(noHandles, Map.of("DISPLAY", " "), "Linux"));
        assertEquals("cannot open the window on display :7 (No more handles [gtk_init_check() failed]); check DISPLAY and"
                + " that the X server lets this user in (xauth), or use the headless 'bmswb monitor', which shows the"
                + " values in a terminal",
                DisplayStart.reason(noHandles, Map.of("DISPLAY", ":7"), "Linux"));
    }

    @Test
    void everyReasonIsOneLine() {
        for (Throwable t : new Throwable[] {new UnsatisfiedLinkError(MISSING_GTK), new UnsatisfiedLinkError("no swt-win32-4974r10\nsecond"),
                new SWTError(SWT.ERROR_NO_HANDLES, "No more handles [gtk_init_check() failed]"), new NoClassDefFoundError("org/eclipse/swt/internal/gtk/OS")}) {
            for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
                String line = DisplayStart.reason(t, Map.of(), os);
                assertEquals(-1, line.indexOf('\n'), line);
            }
        }
        assertEquals("cannot open the window: SWT's native library cannot be loaded (no swt-win32-4974r10), or use the headless"
                + " 'bmswb monitor', which shows the values in a terminal",
                DisplayStart.reason(new UnsatisfiedLinkError("no swt-win32-4974r10\nsecond"), Map.of(), "Windows 11"));
    }

    @Test
    void aSessionBusIsOneNamedOrSystemdsSocket(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runtime) throws Exception {
        assertEquals(false, DisplayStart.hasSessionBus(Map.of()));
        assertEquals(false, DisplayStart.hasSessionBus(Map.of("DBUS_SESSION_BUS_ADDRESS", "", "XDG_RUNTIME_DIR", runtime.toString())));
        assertEquals(true, DisplayStart.hasSessionBus(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")));
        java.nio.file.Files.createFile(runtime.resolve("bus"));
        assertEquals(true, DisplayStart.hasSessionBus(Map.of("XDG_RUNTIME_DIR", runtime.toString())));
    }
}
