package org.bmsworkbench.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.network.BusPresence.PresenceException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workbench's address claim, ISO 11783-5 / J1939-81 §4.5: ask, claim, wait 250 ms, yield to a
 * higher-priority NAME, defend against a lower one, answer requests.
 */
class AddressClaimerTest {
    private static final IsoName WORKBENCH = WorkbenchName.of(12345);
    /** A display that cannot change its address: arbitrary-address bit clear, so it outranks us. */
    private static final IsoName DISPLAY = IsoName.of(777, 1851, 0, 130, 120, 0, 4, false);
    /** Another arbitrary-address-capable tool with a higher unique number: we outrank it. */
    private static final IsoName WEAKER = IsoName.of(0x1FFFFF, 2047, 0, 130, 10, 0, 4, true);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TestBus bus = new TestBus("loop:test");

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private AddressClaimer claimer() {
        return new AddressClaimer(bus, WORKBENCH, PresenceComponent.productInformation(WORKBENCH, "1.0.0"), timer,
                () -> System.currentTimeMillis() * 1000);
    }

    private static CanFrame claim(IsoName name, int address) {
        return NetworkMessages.addressClaim(name, address, "can0", 1_000_000);
    }

    private List<CanFrame> sent(int pgn) {
        return bus.sent.stream().filter(f -> NetworkMessages.pgnOf(f) == pgn).toList();
    }

    @Test
    void asksFromTheNullAddressThenClaimsThePreferredAddressOnAQuietBus() throws Exception {
        int address = claimer().claim(0x20).get(5, TimeUnit.SECONDS);
        assertEquals(0x20, address);
        CanFrame request = bus.sent.get(0);
        assertEquals(NetworkMessages.ISO_REQUEST, NetworkMessages.pgnOf(request));
        assertEquals(NetworkMessages.NULL_ADDRESS, NetworkMessages.sourceOf(request));
        assertEquals(0xFF, NetworkMessages.destinationOf(request));
        assertEquals(NetworkMessages.ADDRESS_CLAIM, NetworkMessages.requestedPgn(request));
        CanFrame claim = sent(NetworkMessages.ADDRESS_CLAIM).get(0);
        assertEquals(0x20, NetworkMessages.sourceOf(claim));
        assertEquals(WORKBENCH, IsoName.read(claim));
    }

    @Test
    void takesAnotherAddressWhenTheRequestShowsThePreferredOneHeld() throws Exception {
        bus.devices.add(f -> answerRequest(f, DISPLAY, 0x20));
        int address = claimer().claim(0x20).get(5, TimeUnit.SECONDS);
        assertEquals(0x21, address);
        assertTrue(sent(NetworkMessages.ADDRESS_CLAIM).stream().noneMatch(f -> NetworkMessages.sourceOf(f) == 0x20),
                "never claimed 0x20, which the display holds");
    }

    @Test
    void yieldsAndMovesWhenAHigherPriorityNameClaimsItsAddress() throws Exception {
        AddressClaimer claimer = claimer();
        assertEquals(0x20, claimer.claim(0x20).get(5, TimeUnit.SECONDS));
        bus.receive(claim(DISPLAY, 0x20)); // a display that cannot move comes up on our address
        awaitAddress(claimer, 0x21);
        CanFrame last = sent(NetworkMessages.ADDRESS_CLAIM).get(sent(NetworkMessages.ADDRESS_CLAIM).size() - 1);
        assertEquals(0x21, NetworkMessages.sourceOf(last));
    }

    @Test
    void defendsItsAddressAgainstALowerPriorityName() throws Exception {
        AddressClaimer claimer = claimer();
        assertEquals(0x20, claimer.claim(0x20).get(5, TimeUnit.SECONDS));
        int before = sent(NetworkMessages.ADDRESS_CLAIM).size();
        bus.receive(claim(WEAKER, 0x20));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sent(NetworkMessages.ADDRESS_CLAIM).size() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        CanFrame again = sent(NetworkMessages.ADDRESS_CLAIM).get(before);
        assertEquals(0x20, NetworkMessages.sourceOf(again));
        assertEquals(0x20, claimer.address());
    }

    @Test
    void answersARequestForTheAddressClaimAndNaksOtherRequestsToIt() throws Exception {
        AddressClaimer claimer = claimer();
        assertEquals(0x20, claimer.claim(0x20).get(5, TimeUnit.SECONDS));
        int claims = sent(NetworkMessages.ADDRESS_CLAIM).size();
        bus.receive(NetworkMessages.isoRequest(NetworkMessages.ADDRESS_CLAIM, 0x30, 0xFF, "can0", 2_000_000));
        bus.receive(NetworkMessages.isoRequest(127508, 0x30, 0x20, "can0", 2_000_000));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sent(NetworkMessages.ISO_ACKNOWLEDGEMENT).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(claims + 1, sent(NetworkMessages.ADDRESS_CLAIM).size());
        CanFrame nak = sent(NetworkMessages.ISO_ACKNOWLEDGEMENT).get(0);
        assertEquals(NetworkMessages.NAK, NetworkMessages.acknowledgementControl(nak));
        assertEquals(127508, NetworkMessages.acknowledgedPgn(nak));
        assertEquals(0x30, NetworkMessages.destinationOf(nak));
    }

    @Test
    void sendsNothingOnAListenOnlyConnection() throws Exception {
        TestBus quiet = new TestBus("slcan:/dev/ttyACM0?mode=listen-only");
        AddressClaimer claimer = new AddressClaimer(quiet, WORKBENCH, PresenceComponent.productInformation(WORKBENCH, "1"),
                timer, () -> System.currentTimeMillis() * 1000);
        try {
            claimer.claim(0x20).get(5, TimeUnit.SECONDS);
            fail("claimed on a listen-only bus");
        } catch (ExecutionException e) {
            assertInstanceOf(PresenceException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("listen-only"), e.getCause().getMessage());
        }
        assertTrue(quiet.sent.isEmpty());
    }

    @Test
    void skipsAnAddressWithRecentTrafficEvenWithoutAClaim() throws Exception {
        AddressClaimer claimer = claimer();
        bus.receive(CanFrame.of(1_000_000, "can0", 0x19F21420, true, new byte[8])); // a sender at 0x20 that never claimed
        assertEquals(0x21, claimer.claim(0x20).get(5, TimeUnit.SECONDS));
    }

    private void answerRequest(CanFrame f, IsoName name, int address) {
        try {
            if (NetworkMessages.pgnOf(f) == NetworkMessages.ISO_REQUEST
                    && NetworkMessages.requestedPgn(f) == NetworkMessages.ADDRESS_CLAIM) {
                bus.receive(claim(name, address));
            }
        } catch (MalformedFrameException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitAddress(AddressClaimer claimer, int address) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (claimer.address() != address && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(address, claimer.address());
    }

    @Test
    void aBusThatNeverTakesAFrameFailsTheClaimWithTheReason() throws Exception {
        bus.refuse.set(Integer.MAX_VALUE);
        try {
            claimer().claim(0x20).get(5, TimeUnit.SECONDS);
            fail("claimed on a bus that takes no frame");
        } catch (ExecutionException e) {
            assertInstanceOf(PresenceException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("cannot send on loop:test: not connected yet"),
                    e.getCause().getMessage());
        }
    }
}
