package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.bmsworkbench.can.CanTransportProvider;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The socketcand and SocketCAN transports in the product's Felix: both schemes are services, and
 * JavaCAN's native library, embedded in the SocketCAN bundle and chosen through Bundle-NativeCode,
 * loads there (no CAN interface needed; Linux x86_64, where the build runs).
 */
@RunWith(PaxExam.class)
public class NetworkTransportsIT {
    @Inject
    private BundleContext context;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.addAll(ProductBundles.provision(n -> n.endsWith(".jar")));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void bothSchemesAreTransportServices() throws Exception {
        for (String scheme : List.of("socketcand", "socketcan")) {
            InFramework.await("the " + scheme + " transport", () -> {
                try {
                    return context.getServiceReferences(CanTransportProvider.class, "(transport.scheme=" + scheme + ")").size() == 1;
                } catch (org.osgi.framework.InvalidSyntaxException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    public void javacansNativeLibraryLoadsInFelix() throws Exception {
        Bundle socketcan = null;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("org.bmsworkbench.transport.socketcan")) {
                socketcan = b;
            }
        }
        assertNotNull("the SocketCAN bundle is installed", socketcan);
        assertEquals(Bundle.ACTIVE, socketcan.getState());
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").equals("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            return; // the bundle carries natives for Linux x86_64, aarch64 and armv7 only
        }
        try {
            socketcan.loadClass("tel.schich.javacan.JavaCAN").getMethod("initialize").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("JavaCAN.initialize() failed in Felix: " + e.getCause(), e.getCause());
        }
        // a native call: without SocketCAN in the kernel it fails with errno EAFNOSUPPORT, with it
        // an unbound raw socket opens; either way it ran native code, not an UnsatisfiedLinkError
        try {
            Object channel = socketcan.loadClass("tel.schich.javacan.CanChannels").getMethod("newRawChannel").invoke(null);
            ((AutoCloseable) channel).close();
        } catch (InvocationTargetException e) {
            assertTrue("a native error, not a link error: " + e.getCause(), e.getCause() instanceof java.io.IOException);
        }
    }
}
