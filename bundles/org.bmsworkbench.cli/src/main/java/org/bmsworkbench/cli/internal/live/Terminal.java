package org.bmsworkbench.cli.internal.live;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

/** Whether standard output is a terminal that understands ANSI cursor control. */
public final class Terminal {
    /** Environment variable: {@code 1} forces the redrawn screen, {@code 0} plain lines. */
    public static final String OVERRIDE = "BMSWB_TERMINAL";

    private Terminal() {
    }

    /**
     * {@link #OVERRIDE} when set; else a console on a terminal (not redirected) whose
     * {@code TERM} is not {@code dumb}.
     */
    public static boolean isInteractive(Map<String, String> environment) {
        String override = environment.get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            String v = override.strip().toLowerCase(Locale.ROOT);
            return v.equals("1") || v.equals("true") || v.equals("yes");
        }
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        return consoleIsTerminal();
    }

    /**
     * Java 21 has a console only when standard input and output are terminals; from Java 22 on
     * there is always one and {@code Console.isTerminal()} tells.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
