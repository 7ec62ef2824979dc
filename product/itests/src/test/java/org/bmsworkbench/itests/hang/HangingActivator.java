package org.bmsworkbench.itests.hang;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a plugin that waits for a device that never answers: its start does not return. */
public class HangingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
