package org.bmsworkbench.launcher;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Evaluates {@code Eclipse-PlatformFilter} headers, which Felix ignores: the product ships the
 * SWT fragment of every desktop and the launcher installs only the one for this machine.
 */
final class PlatformFilter {
    private PlatformFilter() {
    }

    /** {@code osgi.os}, {@code osgi.ws} and {@code osgi.arch} in Eclipse's vocabulary. */
    static Map<String, String> currentPlatform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static Map<String, String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        Map<String, String> m = new HashMap<>();
        if (os.startsWith("windows")) {
            m.put("osgi.os", "win32");
            m.put("osgi.ws", "win32");
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            m.put("osgi.os", "macosx");
            m.put("osgi.ws", "cocoa");
        } else {
            m.put("osgi.os", os.startsWith("linux") ? "linux" : os);
            m.put("osgi.ws", "gtk");
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        m.put("osgi.arch", switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        });
        return m;
    }

    /** True when there is no filter, or it matches the platform. A malformed filter never matches. */
    static boolean matches(String filter, Map<String, String> platform) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        try {
            return FrameworkUtil.createFilter(filter).matches(platform);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
