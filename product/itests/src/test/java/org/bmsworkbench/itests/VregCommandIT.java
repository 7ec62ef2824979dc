package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * {@code bmswb vreg read} and {@code write} as the product wires them — the command, the real
 * VREG {@code RegisterAccess} and the loopback transport — against a device on the same
 * {@code loop:} bus that answers as guide 1.5.4 and Victron's practice say: values broadcast,
 * an unknown register ACK 0x8000 to the requester, writes stored and broadcast, or refused with
 * ACK 0x8100. The device answers an ISO Request for the address claim (PGN 60928) with the MG
 * Master LV's (manufacturer code 1160): that is how the command finds it without {@code --device},
 * after claiming an address of its own.
 */
@RunWith(PaxExam.class)
public class VregCommandIT {
    private static final String BUS = "loop:vreg-it";
    private static final int NODE = 0x50;

    @Inject
    private BundleContext context;
    @Inject
    private Connections connections;

    private Connection device;
    private final Map<Integer, Map<String, Object>> registers = new ConcurrentHashMap<>();
    private volatile boolean rejectWrites;
    /** The MG Master LV's NAME: manufacturer code 1160, class 35 "Electrical Generation", function 170 "Battery". */
    private static final IsoName MG_NAME = IsoName.of(42, 1160, 0, 170, 35, 0, 4, true);
    /** Addresses the workbench claimed, as the device heard them. */
    private final List<Integer> claimsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.addAll(ProductBundles.provision(n -> n.endsWith(".jar") && !n.startsWith("org.apache.felix.fileinstall")));
        return options(options.toArray(new Option[0]));
    }

    @Before
    public void startDevice() throws Exception {
        registers.put(0x0102, Map.of("bms.firmware", "1.04"));
        registers.put(0x0FFF, Map.of("soc", 87.5));
        registers.put(0x0371, Map.of("bms.state", 9L));
        registers.put(0x0374, Map.of("setting.sync_group", 0L));
        device = connections.open(BUS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (device.state() != ConnectionState.CONNECTED) {
            assertTrue("the device's end of the bus connects", System.nanoTime() < deadline);
            Thread.sleep(20);
        }
        device.subscribe(this::answer);
    }

    @After
    public void stopDevice() {
        device.close();
    }

    /** The device, on the bus's thread. */
    private void answer(CanFrame frame) {
        if (frame.direction() != Direction.TX && NetworkMessages.pgnOf(frame) == NetworkMessages.ISO_REQUEST) {
            try {
                if (NetworkMessages.requestedPgn(frame) == NetworkMessages.ADDRESS_CLAIM) {
                    send(NetworkMessages.addressClaim(MG_NAME, NODE, "can0", CanFrame.NO_TIMESTAMP));
                }
            } catch (MalformedFrameException e) {
                return;
            }
            return;
        }
        if (frame.direction() != Direction.TX && NetworkMessages.pgnOf(frame) == NetworkMessages.ADDRESS_CLAIM) {
            claimsSeen.add(NetworkMessages.sourceOf(frame));
        }
        DecodedMessage m;
        try {
            m = frame.direction() == Direction.TX ? null : VregCodec.INSTANCE.decode(frame);
        } catch (MalformedFrameException e) {
            return;
        }
        if (m == null || m.destination() == null || m.destination() != NODE) {
            return;
        }
        if (m.message().equals(VregCodec.REQUEST)) {
            Map<String, Object> value = registers.get(m.register());
            send(value == null ? ack(m, 0x8000) : broadcast(m.register(), value));
        } else if (m.message().equals(VregCodec.VALUE)) {
            RegisterInfo r = VregCodec.INSTANCE.catalogue().find(m.register()).orElse(null);
            Object raw = m.signals().values().iterator().next();
            if (rejectWrites || r == null || !r.writable() || !(raw instanceof Long l) || !r.accepts(l)) {
                send(ack(m, 0x8100));
            } else {
                registers.put(m.register(), m.signals());
                send(broadcast(m.register(), m.signals()));
            }
        }
    }

    private static CanFrame broadcast(int register, Map<String, Object> value) {
        return VregCodec.INSTANCE.value(register, value, NODE, VregCodec.BROADCAST, "can0", CanFrame.NO_TIMESTAMP);
    }

    private static CanFrame ack(DecodedMessage m, int code) {
        return VregCodec.INSTANCE.ack(m.register(), code, NODE, m.source(), "can0", CanFrame.NO_TIMESTAMP);
    }

    private void send(CanFrame frame) {
        try {
            device.send(frame);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private Run vreg(String stdin, String... args) throws Exception {
        Collection<ServiceReference<Command>> refs = context.getServiceReferences(Command.class, "(command.name=vreg)");
        assertEquals("one vreg command", 1, refs.size());
        Command command = context.getService(refs.iterator().next());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--connect", BUS));
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CommandContext c = new CommandContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    o, e, Path.of("."));
            status = CommandRunner.run("vreg", command.commandLine(c), all, c, false);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void readsFirmwareStateOfChargeAndStateFromTheDevice() throws Exception {
        Run r = vreg("", "read", "0x0102", "0x0FFF", "0x0371");
        assertEquals(r.toString(), 0, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(r.out(), 4, lines.length);
        assertTrue(lines[1], lines[1].matches("0x0102 +Firmware version +bms\\.firmware=\"1\\.04\" +00000401"));
        assertTrue(lines[2], lines[2].matches("0x0FFF +State-of-Charge +soc=87\\.5 % +2E22[0-9A-F]*"));
        assertTrue(lines[3], lines[3].matches("0x0371 +BMS state +bms\\.state=9 \\(Running\\) +09[0-9A-F]*"));
        assertEquals("the workbench claimed the guide's requester address before asking", List.of(0x20), claimsSeen);
    }

    @Test
    public void anUnknownRegisterIsShownWithItsAckCodeAndExitsOne() throws Exception {
        registers.remove(0x0FFF);
        Run r = vreg("", "read", "0x0FFF");
        assertEquals(r.toString(), 1, r.status());
        assertTrue(r.out(), r.out().contains("error: node 0x50 answered the request for 0x0FFF (State-of-Charge) with"
                + " ACK 0x8000"));
    }

    @Test
    public void aConfirmedWriteShowsTheOldValueAndTheBroadcastOne() throws Exception {
        Run r = vreg("y\n", "write", "0x0374", "2");
        assertEquals(r.toString(), 0, r.status());
        assertEquals("write 0x0374 sync_group: 0 → 2? [y/N] ", r.err());
        assertEquals("0x0374 sync_group = 2 (Group 2): wrote 2 to 0x0374 (Synchronize group number); node 0x50"
                + " confirmed it\n", r.out());
        assertEquals(Map.of("setting.sync_group", 2L), registers.get(0x0374));
    }

    @Test
    public void aWriteTheDeviceRejectsExitsOneWithTheAckInWords() throws Exception {
        rejectWrites = true;
        Run r = vreg("", "write", "--yes", "0x0374", "3");
        assertEquals(r.toString(), 1, r.status());
        assertTrue(r.err(), r.err().contains("with ACK 0x8100 (write rejected: value out of range or register not"
                + " writable)"));
        assertEquals(Map.of("setting.sync_group", 0L), registers.get(0x0374));
    }
}
