package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * What the framework did not start, in one line for the notice across the top of the window
 * ({@link NoticeBar}). The launcher says it
 * on standard error; someone who starts the window from a desktop icon never sees that, and would
 * find views or transports missing without a word. Worked out from the bundles' states, the same
 * way the launcher does: a bundle meant to run (persistently started, its level reached) that is
 * neither active nor starting could not start. One whose activator has not returned on the
 * framework's start-level thread holds the bundles after it: those of its level with a higher id
 * (the order Felix starts a level in) and those of the levels not reached yet. Plain Java apart
 * from {@link #of(BundleContext)}.
 */
final class StartupProblems {
    private StartupProblems() {
    }

    /**
     * One bundle as the check sees it.
     *
     * @param id     its bundle id
     * @param state  its {@link Bundle} state
     * @param level  its start level
     * @param meant  persistently started and not a fragment
     * @param lazy   activated on its first class load: STARTING until then, which is not a hang
     */
    record Facts(String name, long id, int state, int level, boolean meant, boolean lazy) {
    }

    /** The line for {@code context}'s framework, or null when everything meant to run runs. */
    static String of(BundleContext context) {
        List<Facts> facts = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleStartLevel startLevel = b.adapt(BundleStartLevel.class);
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (b.getBundleId() == 0 || startLevel == null || revision == null) {
                continue;
            }
            boolean fragment = (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            boolean lazy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) != null;
            facts.add(new Facts(String.valueOf(b.getSymbolicName()), b.getBundleId(), b.getState(), startLevel.getStartLevel(),
                    startLevel.isPersistentlyStarted() && !fragment, lazy));
        }
        Bundle system = context.getBundle(0);
        return describe(facts, system.adapt(FrameworkStartLevel.class).getStartLevel(), system.getState() == Bundle.STARTING);
    }

    /**
     * The line for these bundles with the framework at {@code activeLevel}, or null. A bundle still
     * starting comes first: what waits behind it has not failed, it has not been reached. A start
     * held on another thread (the launcher's, FileInstall's) holds nothing of the framework's: the
     * framework has reached its level, and what is not running there could not start. While the
     * framework is still on its way to its beginning level ({@code frameworkStarting}) and no bundle
     * is starting, what is not running at the level it is on may not have been reached yet: waiting.
     */
    static String describe(List<Facts> bundles, int activeLevel, boolean frameworkStarting) {
        List<String> starting = new ArrayList<>();
        Facts held = null; // the one holding the framework's start-level thread, if one does
        for (Facts f : bundles) {
            if (f.meant() && !f.lazy() && f.state() == Bundle.STARTING) {
                starting.add(f.name());
                if (frameworkStarting && f.level() == activeLevel && (held == null || f.id() < held.id())) {
                    held = f;
                }
            }
        }
        List<String> failed = new ArrayList<>();
        int waiting = 0;
        for (Facts f : bundles) {
            if (!f.meant() || (f.state() & (Bundle.INSTALLED | Bundle.RESOLVED)) == 0) {
                continue;
            }
            if (f.level() > activeLevel
                    || (f.level() == activeLevel && (held != null ? f.id() > held.id() : frameworkStarting))) {
                waiting++;
            } else {
                failed.add(f.name());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!starting.isEmpty()) {
            boolean one = starting.size() == 1;
            parts.add(String.join(", ", starting) + (one ? " has not finished starting (its activator has not returned)"
                    : " have not finished starting (their activators have not returned)")
                    + (waiting == 0 ? "" : "; " + count(waiting) + (one ? " after it" : " after them")
                            + (waiting == 1 ? " has" : " have") + " not started yet"));
        }
        if (!failed.isEmpty()) {
            parts.add(count(failed.size()) + " could not start: " + String.join(", ", failed));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return "Start-up: " + String.join("; ", parts) + ". Help › About shows each bundle's state;"
                + " in a terminal, BMSWB_DEBUG=1 bmswb says why.";
    }

    private static String count(int bundles) {
        return bundles + (bundles == 1 ? " bundle" : " bundles");
    }
}
