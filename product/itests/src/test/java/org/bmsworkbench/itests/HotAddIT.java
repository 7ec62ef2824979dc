package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Plugins come and go in a running workbench: a transport that arrives after its URI was asked
 * for, and a protocol installed while a connection is live, which starts decoding, and is then
 * uninstalled without a restart and without anything keeping hold of it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotAddIT {
    /** General BMS is left out with SMA: it imports the SMA codec, and would hold on to the SMA bundle. */
    private static final Set<String> LATE = Set.of("org.bmsworkbench.protocol.sma", "org.bmsworkbench.protocol.generalbms",
            "org.bmsworkbench.transport.loopback", "org.bmsworkbench.transport.gsusb");

    @Inject
    private BundleContext context;
    @Inject
    private Connections connections;
    @Inject
    private BmsSessions sessions;
    @Inject
    private ProtocolRegistry protocols;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        // The product's bundles, except the two this test installs itself and the folder watcher.
        options.addAll(ProductBundles.provision(n -> LATE.stream().noneMatch(n::startsWith)
                && !n.startsWith("org.apache.felix.fileinstall")));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void transportArrivingAfterItsUriWasAskedForOpensTheConnection() throws Exception {
        Connection connection = connections.open("loop:late?bitrate=250000");
        assertEquals(ConnectionState.WAITING_FOR_TRANSPORT, connection.state());
        assertTrue(connection.stateDetail(), connection.stateDetail().contains("loop"));

        Bundle loopback = install("org.bmsworkbench.transport.loopback");
        InFramework.await("the waiting connection to open", () -> connection.state() == ConnectionState.CONNECTED);

        loopback.uninstall();
        InFramework.await("the connection to wait again once its transport left",
                () -> connection.state() == ConnectionState.WAITING_FOR_TRANSPORT);
        connection.close();
        assertEquals(ConnectionState.CLOSED, connection.state());
    }

    @Test
    public void protocolInstalledWhileLiveDecodesAndLeavesNothingBehindWhenRemoved() throws Exception {
        install("org.bmsworkbench.transport.loopback");
        Connection bus = connections.open("loop:hot");
        Connection device = connections.open("loop:hot");
        InFramework.await("both ends connected", () -> bus.state() == ConnectionState.CONNECTED
                && device.state() == ConnectionState.CONNECTED);
        BmsSession session = sessions.attach(bus, "sma");
        assertTrue(session.activeProtocols().isEmpty());

        // guide 1.3.2 Battery basic info: 0x356, 53.12 V (0x14C0), -12.3 A (0xFF85), 21.5 °C (0x00D7)
        CanFrame basicInfo = CanFrame.of(CanFrame.NO_TIMESTAMP, "hot", 0x356, false,
                new byte[] {(byte) 0xC0, 0x14, (byte) 0x85, (byte) 0xFF, (byte) 0xD7, 0x00});
        device.send(basicInfo);
        Thread.sleep(200);
        assertFalse("nothing decodes before the protocol is installed", session.model().get("pack.voltage").isPresent());

        Bundle sma = install("org.bmsworkbench.protocol.sma");
        InFramework.await("the registry to list sma", () -> protocols.find("sma").isPresent());
        WeakReference<Class<?>> protocolClass = new WeakReference<>(protocols.find("sma").get().getClass());
        InFramework.await("sma to become active on the live session", () -> session.activeProtocols().contains("sma"));
        device.send(basicInfo);
        InFramework.await("the frame sent after the install to be decoded", () -> session.model().get("pack.voltage").isPresent());
        SignalValue voltage = session.model().get("pack.voltage").get();
        assertEquals(53.12, ((Number) voltage.value()).doubleValue(), 0.0);
        assertEquals("sma", voltage.protocol());

        sma.uninstall();
        InFramework.refresh(context);
        assertFalse(protocols.find("sma").isPresent());
        InFramework.await("the session to drop sma", () -> session.activeProtocols().isEmpty());
        long versionAfterRemoval = session.model().version();
        device.send(basicInfo);
        Thread.sleep(200);
        assertEquals("no decoding after removal", versionAfterRemoval, session.model().version());

        // Nothing may keep the uninstalled bundle's classes reachable: its class loader must be collectable.
        InFramework.await("the uninstalled protocol's classes to be garbage collected", () -> {
            System.gc();
            return protocolClass.get() == null;
        });
        session.close();
        bus.close();
        device.close();
    }

    /**
     * The gsusb bundle embeds usb4java, whose JNI library loads only on first use: installed and
     * removed before that, nothing keeps its classes. (After a first use they stay until the
     * workbench restarts — see the bundle's README; that case is not asserted here.)
     */
    @Test
    public void gsusbInstalledThenRemovedUnusedLeavesNothingBehind() throws Exception {
        Bundle gsusb = install("org.bmsworkbench.transport.gsusb");
        ServiceReference<CanTransportProvider> ref = context.getServiceReferences(CanTransportProvider.class,
                "(transport.scheme=gsusb)").iterator().next();
        CanTransportProvider provider = context.getService(ref);
        assertEquals("gsusb", ref.getProperty("transport.scheme"));
        WeakReference<Class<?>> providerClass = new WeakReference<>(provider.getClass());
        WeakReference<ClassLoader> loader = new WeakReference<>(provider.getClass().getClassLoader());
        provider = null;
        context.ungetService(ref);
        ref = null;
        gsusb.uninstall();
        InFramework.refresh(context);
        InFramework.await("the removed gsusb bundle's classes to be garbage collected", () -> {
            System.gc();
            return providerClass.get() == null && loader.get() == null;
        });
    }

    private Bundle install(String symbolicName) throws Exception {
        Bundle b = context.installBundle(ProductBundles.jar(symbolicName).toUri().toString());
        b.start();
        assertNotNull(b);
        return b;
    }
}
