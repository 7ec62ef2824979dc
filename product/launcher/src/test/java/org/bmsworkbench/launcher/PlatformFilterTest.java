package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformFilterTest {
    // The headers of the SWT 3.135.0 fragments on Maven Central.
    private static final String LINUX = "(& (osgi.ws=gtk) (osgi.os=linux) (osgi.arch=x86_64))";
    private static final String WINDOWS = "(& (osgi.ws=win32) (osgi.os=win32) (osgi.arch=x86_64))";
    private static final String MAC = "(& (osgi.ws=cocoa) (osgi.os=macosx) (osgi.arch=aarch64))";

    @Test
    void eachDesktopGetsOnlyItsOwnFragment() {
        Map<String, String> linux = PlatformFilter.platform("Linux", "amd64");
        Map<String, String> windows = PlatformFilter.platform("Windows 11", "amd64");
        Map<String, String> mac = PlatformFilter.platform("Mac OS X", "aarch64");
        assertTrue(PlatformFilter.matches(LINUX, linux));
        assertFalse(PlatformFilter.matches(WINDOWS, linux));
        assertFalse(PlatformFilter.matches(MAC, linux));
        assertTrue(PlatformFilter.matches(WINDOWS, windows));
        assertFalse(PlatformFilter.matches(LINUX, windows));
        assertTrue(PlatformFilter.matches(MAC, mac));
        assertFalse(PlatformFilter.matches(LINUX, mac));
    }

    @Test
    void noFilterMatchesAndMalformedNeverDoes() {
        Map<String, String> linux = PlatformFilter.platform("Linux", "x86_64");
        assertTrue(PlatformFilter.matches(null, linux));
        assertTrue(PlatformFilter.matches(" ", linux));
        assertFalse(PlatformFilter.matches("(osgi.os=linux", linux));
        assertEquals("x86_64", linux.get("osgi.arch"));
    }
}
