package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.bmsworkbench.ui.internal.StartupProblems.Facts;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class StartupProblemsTest {
    private static final String TAIL = ". Help › About shows each bundle's state; in a terminal, BMSWB_DEBUG=1 bmswb says why.";

    @Test
    void saysNothingWhenEveryBundleMeantToRunRuns() {
        assertNull(StartupProblems.describe(List.of(
                new Facts("org.bmsworkbench.cli", Bundle.ACTIVE, 1, true, false),
                new Facts("org.bmsworkbench.transport.slcan", Bundle.ACTIVE, 3, true, false),
                new Facts("org.bmsworkbench.ui.frames", Bundle.ACTIVE, 4, true, false)), 4));
    }

    @Test
    void ignoresBundlesNotMeantToRunAndLevelsNotReached() {
        assertNull(StartupProblems.describe(List.of(
                new Facts("stopped.by.the.user", Bundle.RESOLVED, 1, false, false),
                new Facts("a.fragment", Bundle.RESOLVED, 1, false, false),
                new Facts("org.bmsworkbench.ui.frames", Bundle.INSTALLED, 4, true, false)), 2));
    }

    @Test
    void namesTheBundlesThatCouldNotStart() {
        assertEquals("Start-up: 2 bundles could not start: example.unresolved, example.failing" + TAIL,
                StartupProblems.describe(List.of(
                        new Facts("org.bmsworkbench.cli", Bundle.ACTIVE, 1, true, false),
                        new Facts("example.unresolved", Bundle.INSTALLED, 2, true, false),
                        new Facts("example.failing", Bundle.RESOLVED, 4, true, false)), 4));
        assertEquals("Start-up: 1 bundle could not start: example.unresolved" + TAIL,
                StartupProblems.describe(List.of(new Facts("example.unresolved", Bundle.INSTALLED, 2, true, false)), 4));
    }

    /** A plugin whose activator never returns holds the start-level thread: the levels above it are never reached. */
    @Test
    void aBundleStillStartingIsNamedAndWhatWaitsBehindItIsCountedNotBlamed() {
        assertEquals("Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 2 bundles after it did not start, views and transports among them" + TAIL,
                StartupProblems.describe(List.of(
                        new Facts("org.bmsworkbench.cli", Bundle.ACTIVE, 1, true, false),
                        new Facts("example.hang", Bundle.STARTING, 2, true, false),
                        new Facts("example.other.plugin", Bundle.ACTIVE, 2, true, false),
                        new Facts("org.bmsworkbench.transport.slcan", Bundle.RESOLVED, 3, true, false),
                        new Facts("org.bmsworkbench.ui.frames", Bundle.INSTALLED, 4, true, false)), 2));
    }

    @Test
    void aFailureBelowTheHeldLevelIsStillAFailure() {
        assertEquals("Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 1 bundle could not start: example.unresolved" + TAIL,
                StartupProblems.describe(List.of(
                        new Facts("example.unresolved", Bundle.INSTALLED, 1, true, false),
                        new Facts("example.hang", Bundle.STARTING, 2, true, false)), 2));
    }

    @Test
    void twoBundlesStillStartingAreBothNamed() {
        assertEquals("Start-up: example.hang, example.wait have not finished starting (their activators have not"
                + " returned); 1 bundle after them did not start, views and transports among them" + TAIL,
                StartupProblems.describe(List.of(
                        new Facts("example.hang", Bundle.STARTING, 2, true, false),
                        new Facts("example.wait", Bundle.STARTING, 2, true, false),
                        new Facts("org.bmsworkbench.ui.frames", Bundle.INSTALLED, 4, true, false)), 2));
    }

    @Test
    void aLazyBundleWaitingForAClassIsNotStillStarting() {
        assertNull(StartupProblems.describe(List.of(new Facts("a.lazy.one", Bundle.STARTING, 1, true, true)), 4));
        assertEquals("Start-up: 1 bundle could not start: a.lazy.one" + TAIL,
                StartupProblems.describe(List.of(new Facts("a.lazy.one", Bundle.INSTALLED, 1, true, true)), 4));
    }
}
