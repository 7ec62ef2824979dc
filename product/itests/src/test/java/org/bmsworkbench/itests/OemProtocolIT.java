package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.CanFrame;
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

/**
 * The OEM example: the Pylontech protocol bundle from the product's examples/ is installed into a
 * running workbench while a live connection in {@code auto} mode carries a Pylontech battery's
 * frames. It is detected over SMA (installed, and claiming the shared frames), decodes, and once
 * uninstalled and refreshed nothing keeps hold of it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class OemProtocolIT {
    private static final String PYLONTECH = "org.bmsworkbench.protocol.pylontech";

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
        // The whole product (SMA and the loopback transport included), without the folder watcher.
        options.addAll(ProductBundles.provision(n -> !n.startsWith("org.apache.felix.fileinstall")));
        return options(options.toArray(new Option[0]));
    }

    private static CanFrame frame(int id, int... bytes) {
        byte[] d = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            d[i] = (byte) bytes[i];
        }
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "pylon", id, false, d);
    }

    /** One cycle of a Pylontech US2000-style battery, as in public captures; 0x359 byte 0 bit 1 = over-voltage protection. */
    private static List<CanFrame> cycle(boolean overVoltage) {
        return List.of(frame(0x351, 0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x01), frame(0x355, 0x54, 0x00, 0x60, 0x00),
                frame(0x356, 0x7A, 0x13, 0xF2, 0xFE, 0x6B, 0x01), frame(0x359, overVoltage ? 0x02 : 0, 0, 0, 0, 6, 'P', 'N'),
                frame(0x35C, 0xC0, 0x00),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "pylon", 0x35E, false, "PYLON   ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void theExampleProtocolIsDetectedOnALiveBusAndLeavesNothingBehind() throws Exception {
        Connection bus = connections.open("loop:pylon");
        Connection battery = connections.open("loop:pylon");
        InFramework.await("both ends connected", () -> bus.state() == ConnectionState.CONNECTED
                && battery.state() == ConnectionState.CONNECTED);
        BmsSession session = sessions.attach(bus, "auto");
        for (CanFrame f : cycle(false)) {
            battery.send(f);
        }
        InFramework.await("SMA to take the shared frames while it is the only protocol", () -> session.activeProtocols().contains("sma"));

        Bundle pylontech = context.installBundle(ProductBundles.example(PYLONTECH).toUri().toString());
        pylontech.start();
        InFramework.await("the registry to list pylontech", () -> protocols.find("pylontech").isPresent());
        WeakReference<Class<?>> protocolClass = new WeakReference<>(protocols.find("pylontech").get().getClass());
        InFramework.await("the session to switch to pylontech over the frames seen", () -> session.activeProtocols().equals(List.of("pylontech")));
        assertTrue(session.detectionEvidence(), session.detectionEvidence().startsWith("pylontech: "));
        assertTrue(session.detectionEvidence(), session.detectionEvidence().contains("0x359, 0x35C, 0x35E"));

        for (CanFrame f : cycle(true)) {
            battery.send(f);
        }
        // The cycle's frames arrive one by one: wait for the last of them too, not only for 0x359.
        InFramework.await("the over-voltage bit of 0x359 to raise alarm.high_voltage, and the rest of the cycle", () ->
                session.model().get("alarm.high_voltage").map(v -> "raised".equals(v.value())).orElse(false)
                && session.model().get("pylontech.module_count").map(v -> Long.valueOf(6).equals(v.value())).orElse(false)
                && session.model().get("pylontech.request.charge_enable").map(v -> Boolean.TRUE.equals(v.value())).orElse(false)
                && session.model().get("bms.manufacturer").map(v -> "PYLON".equals(v.value())).orElse(false));
        SignalValue alarm = session.model().get("alarm.high_voltage").get();
        assertEquals("pylontech", alarm.protocol());
        assertEquals(6L, session.model().get("pylontech.module_count").get().value());
        assertEquals(true, session.model().get("pylontech.request.charge_enable").get().value());
        assertEquals("PYLON", session.model().get("bms.manufacturer").get().value());
        assertTrue("its own keys join the catalogue",
                protocols.signals().stream().anyMatch(d -> d.key().equals("pylontech.module_count")));

        pylontech.uninstall();
        InFramework.refresh(context);
        assertFalse(protocols.find("pylontech").isPresent());
        InFramework.await("the session to drop pylontech", () -> !session.activeProtocols().contains("pylontech"));
        assertFalse("its keys leave the catalogue",
                protocols.signals().stream().anyMatch(d -> d.key().startsWith("pylontech.")));
        long raisedBefore = session.model().alarms().get("alarm.high_voltage").raiseCount();
        for (CanFrame f : cycle(true)) {
            battery.send(f);
        }
        InFramework.await("the frames sent after the removal to reach the session", () -> session.model().get("pack.voltage")
                .map(v -> "sma".equals(v.protocol())).orElse(false));
        assertEquals("0x359 is decoded by nobody now", raisedBefore,
                session.model().alarms().get("alarm.high_voltage").raiseCount());

        InFramework.await("the uninstalled protocol's classes to be garbage collected", () -> {
            System.gc();
            return protocolClass.get() == null;
        });
        session.close();
        bus.close();
        battery.close();
    }
}
