package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.inject.Inject;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The product's Daly bundle: its protocol is in the registry and decodes chunks and CAN frames, its MOSFET control is a service. */
@RunWith(PaxExam.class)
public class DalyWiringIT {
    @Inject
    private BundleContext context;
    @Inject
    private ProtocolRegistry protocols;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.addAll(ProductBundles.provision(n -> n.endsWith(".jar")));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void theDalyProtocolDecodesChunksAndCanFramesAndItsFetControlIsAService() throws Exception {
        InFramework.await("the registry to list daly", () -> protocols.find("daly").isPresent());
        BmsProtocol daly = protocols.find("daly").orElseThrow();
        // python-daly-bms tests/test_bluetooth.py: the 0x90 reply (53.0 V, -5.9 A, 92.2 %), split over two chunks
        var session = daly.newSession();
        byte[] reply = HexFormat.of().parseHex("A5019008021200 0074F5039A58".replace(" ", ""));
        assertEquals(List.of(), session.decodeAll(CanFrame.chunk(0, "ttyUSB0", Direction.RX, Arrays.copyOf(reply, 5))));
        List<DecodedMessage> m = session.decodeAll(CanFrame.chunk(1, "ttyUSB0", Direction.RX,
                Arrays.copyOfRange(reply, 5, reply.length)));
        assertEquals(53.0, m.get(0).signals().get("pack.voltage"));
        assertEquals(Integer.valueOf(0x90), m.get(0).dataId());
        // the same data bytes on the CAN variant
        DecodedMessage can = session.decode(CanFrame.of(2, "can0", 0x18904001, true, Arrays.copyOfRange(reply, 4, 12)));
        assertEquals(-5.9, can.signals().get("pack.current"));

        ServiceTracker<FetControl, FetControl> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + FetControl.class.getName() + ")(protocol.id=daly))"), null);
        tracker.open();
        try {
            FetControl control = tracker.waitForService(10_000);
            assertNotNull("a FetControl service for daly", control);
            assertEquals("daly", control.protocol());
            ServiceReference<FetControl> ref = tracker.getServiceReference();
            assertEquals("org.bmsworkbench.protocol.daly.fets", ref.getProperty("component.name"));
        } finally {
            tracker.close();
        }
    }
}
