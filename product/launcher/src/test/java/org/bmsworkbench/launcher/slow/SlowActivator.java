package org.bmsworkbench.launcher.slow;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * An activator that keeps the framework's start-level thread, as a plugin waiting for a device
 * would, until the system property {@value #RELEASE} is {@code true} (a minute at most). A system
 * property, because the bundle loads its own copy of this class.
 */
public class SlowActivator implements BundleActivator {
    public static final String RELEASE = "bmswb.test.slowActivator.release";

    @Override
    public void start(BundleContext context) throws InterruptedException {
        for (int i = 0; i < 6_000 && !Boolean.getBoolean(RELEASE); i++) {
            Thread.sleep(10);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
