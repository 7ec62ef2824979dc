package org.bmsworkbench.itests.hang;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a plugin that waits for its device and gets it in the end: its start returns
 * after the seconds its bundle's {@code Example-Wait-Seconds} header names.
 */
public class LateActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(Long.parseLong(context.getBundle().getHeaders().get("Example-Wait-Seconds")) * 1000);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
