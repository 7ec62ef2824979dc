package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.bmsworkbench.ui.internal.StartupProblems.Facts;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class StartupProblemsTest {
    private static final String TAIL = ". Help › About shows each bundle's state; in a terminal, BMSWB_DEBUG=1 bmswb says why.";

    /** A bundle meant to run (persistently started, not a fragment), not lazy. */
    private static Facts bundle(String name, long id, int state, int level) {
        return new Facts(name, id, state, level, true, false);
    }

    @Test
    void saysNothingWhenEveryBundleMeantToRunRuns() {
        assertNull(StartupProblems.describe(List.of(
                bundle("org.bmsworkbench.cli", 5, Bundle.ACTIVE, 1),
                bundle("org.bmsworkbench.transport.slcan", 20, Bundle.ACTIVE, 3),
                bundle("org.bmsworkbench.ui.frames", 30, Bundle.ACTIVE, 4)), 4, false));
    }

    @Test
    void ignoresBundlesNotMeantToRunAndLevelsNotAskedFor() {
        assertNull(StartupProblems.describe(List.of(
                new Facts("stopped.by.the.user", 7, Bundle.RESOLVED, 1, false, false),
                new Facts("a.fragment", 8, Bundle.RESOLVED, 1, false, false),
                bundle("org.bmsworkbench.ui.frames", 30, Bundle.INSTALLED, 4)), 2, false));
    }

    @Test
    void namesTheBundlesThatCouldNotStart() {
        assertEquals("Start-up: 2 bundles could not start: example.unresolved, example.failing" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("org.bmsworkbench.cli", 5, Bundle.ACTIVE, 1),
                        bundle("example.unresolved", 40, Bundle.INSTALLED, 2),
                        bundle("example.failing", 41, Bundle.RESOLVED, 4)), 4, false));
        assertEquals("Start-up: 1 bundle could not start: example.unresolved" + TAIL,
                StartupProblems.describe(List.of(bundle("example.unresolved", 40, Bundle.INSTALLED, 2)), 4, false));
    }

    /**
     * A plugin whose activator never returns on the framework's start-level thread: the framework
     * stays at its level, and what comes after it there (higher ids) and above it has not been reached.
     */
    @Test
    void whatWaitsBehindABundleHoldingTheStartIsCountedNotBlamed() {
        assertEquals("Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 3 bundles after it have not started yet; 1 bundle could not start: example.before" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("org.bmsworkbench.cli", 5, Bundle.ACTIVE, 1),
                        bundle("example.before", 40, Bundle.INSTALLED, 2),
                        bundle("example.hang", 41, Bundle.STARTING, 2),
                        bundle("example.after", 42, Bundle.INSTALLED, 2),
                        bundle("org.bmsworkbench.transport.slcan", 20, Bundle.RESOLVED, 3),
                        bundle("org.bmsworkbench.ui.frames", 30, Bundle.INSTALLED, 4)), 2, true));
        assertEquals("Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 1 bundle after it has not started yet" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("example.hang", 41, Bundle.STARTING, 2),
                        bundle("org.bmsworkbench.ui.frames", 30, Bundle.INSTALLED, 4)), 2, true));
    }

    /**
     * Held on another thread (the launcher starting a new plugin, or FileInstall), a start holds none
     * of the framework's levels: it reached them, and what does not run there could not start.
     */
    @Test
    void aStartHeldOnAnotherThreadHoldsNothingOfTheFrameworks() {
        assertEquals("Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 1 bundle could not start: example.failing" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("example.hang", 41, Bundle.STARTING, 2),
                        bundle("example.failing", 42, Bundle.RESOLVED, 4),
                        bundle("org.bmsworkbench.ui.frames", 30, Bundle.ACTIVE, 4)), 4, false));
        // a new plugin view (level 4) hangs on the launcher's thread: the framework's level 4 was done before it
        assertEquals("Start-up: example.view has not finished starting (its activator has not returned);"
                + " 1 bundle could not start: example.failing" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("example.view", 41, Bundle.STARTING, 4),
                        bundle("example.failing", 42, Bundle.RESOLVED, 4)), 4, false));
    }

    /**
     * Between two bundles of a level, while the framework is still on its way up, nothing is starting:
     * what is not running at that level may not have been reached, and is not blamed; below it, it is.
     */
    @Test
    void betweenTwoStartsTheLevelBeingStartedIsNotBlamed() {
        assertNull(StartupProblems.describe(List.of(
                bundle("org.bmsworkbench.transport.slcan", 20, Bundle.ACTIVE, 3),
                bundle("org.bmsworkbench.transport.socketcand", 21, Bundle.RESOLVED, 3),
                bundle("org.bmsworkbench.ui.frames", 30, Bundle.INSTALLED, 4)), 3, true));
        assertEquals("Start-up: 1 bundle could not start: example.unresolved" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("example.unresolved", 40, Bundle.INSTALLED, 2),
                        bundle("org.bmsworkbench.transport.socketcand", 21, Bundle.RESOLVED, 3)), 3, true));
    }

    @Test
    void twoBundlesStillStartingAreBothNamed() {
        assertEquals("Start-up: example.hang, example.wait have not finished starting (their activators have not"
                + " returned); 1 bundle after them has not started yet" + TAIL,
                StartupProblems.describe(List.of(
                        bundle("example.hang", 41, Bundle.STARTING, 2),
                        bundle("example.wait", 42, Bundle.STARTING, 2),
                        bundle("org.bmsworkbench.ui.frames", 30, Bundle.INSTALLED, 4)), 2, true));
    }

    @Test
    void aLazyBundleWaitingForAClassIsNotStillStarting() {
        assertNull(StartupProblems.describe(List.of(new Facts("a.lazy.one", 9, Bundle.STARTING, 1, true, true)), 4, false));
        assertEquals("Start-up: 1 bundle could not start: a.lazy.one" + TAIL,
                StartupProblems.describe(List.of(new Facts("a.lazy.one", 9, Bundle.INSTALLED, 1, true, true)), 4, false));
    }
}
