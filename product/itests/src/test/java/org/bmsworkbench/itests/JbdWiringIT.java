package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
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

/** The product's JBD bundle: its protocol is in the registry and decodes chunks, its MOSFET control is a service. */
@RunWith(PaxExam.class)
public class JbdWiringIT {
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
    public void theJbdProtocolDecodesAChunkAndItsFetControlIsAService() throws Exception {
        InFramework.await("the registry to list jbd", () -> protocols.find("jbd").isPresent());
        BmsProtocol jbd = protocols.find("jbd").orElseThrow();
        // JBD V13 protocol document, example 3.3: the reply to 0x05, split over two chunks
        var session = jbd.newSession();
        byte[] reply = HexFormat.of().parseHex("DD05000A30313233343536373839FDE977");
        assertEquals(List.of(), session.decodeAll(CanFrame.chunk(0, "ttyUSB0", Direction.RX, java.util.Arrays.copyOf(reply, 6))));
        List<DecodedMessage> m = session.decodeAll(CanFrame.chunk(1, "ttyUSB0", Direction.RX,
                java.util.Arrays.copyOfRange(reply, 6, reply.length)));
        assertEquals("0123456789", m.get(0).signals().get("bms.model"));
        assertEquals(Integer.valueOf(0x05), m.get(0).register());

        ServiceTracker<FetControl, FetControl> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + FetControl.class.getName() + ")(protocol.id=jbd))"), null);
        tracker.open();
        try {
            FetControl control = tracker.waitForService(10_000);
            assertNotNull("a FetControl service for jbd", control);
            assertEquals("jbd", control.protocol());
            ServiceReference<FetControl> ref = tracker.getServiceReference();
            assertEquals("org.bmsworkbench.protocol.jbd.fets", ref.getProperty("component.name"));
        } finally {
            tracker.close();
        }
    }
}
