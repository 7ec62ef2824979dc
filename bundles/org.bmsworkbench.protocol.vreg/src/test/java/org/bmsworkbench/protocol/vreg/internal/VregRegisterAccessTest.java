package org.bmsworkbench.protocol.vreg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RegisterAccess against a fake MG Master LV at 0x50 (guide 1.5.4.3 and Victron's practice:
 * values broadcast, error ACKs to the requester, writes confirmed by a broadcast).
 * Futures are awaited with a generous guard; no test measures time.
 */
class VregRegisterAccessTest {
    /** Short timeouts so that tests about timeouts finish quickly. */
    private static final RequestOptions FAST = RequestOptions.DEFAULT.withTimeout(Duration.ofMillis(60));

    private final FakeBus bus = new FakeBus();
    private final FakeVregDevice device = new FakeVregDevice(bus, 0x50)
            .with(0x0FFF, "soc", 87.5)
            .with(0x0102, "bms.firmware", "1.04")
            .with(0x0374, "setting.sync_group", 0L)
            .with(0x0090, "setting.bluetooth", 1L);
    private final VregRegisterAccess access = new VregRegisterAccess(RequestOptions.DEFAULT);

    @AfterEach
    void stop() {
        access.deactivate();
        bus.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private List<String> sentHex() {
        return bus.sent.stream().map(f -> f.idHex() + "#" + f.dataHex()).toList();
    }

    @Test
    void readGetsTheBroadcastValue() throws Exception {
        RegisterResult r = await(access.read(bus, 0x0FFF));
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(Map.of("soc", 87.5), r.values());
        assertEquals("2E22FFFF", r.data());
        assertEquals(1, r.tries());
        assertEquals(0x50, r.node());
        assertEquals(List.of("1CEF5020#669901" + "00FF0FFFFF"), sentHex(), "guide 1.5.4.3 request layout");
        assertEquals(0, access.activeCount());
        assertEquals(0, bus.subscriberCount(), "the transaction unsubscribed");
    }

    @Test
    void firmwareAsInTheGuidesExample() throws Exception {
        RegisterResult r = await(access.read(bus, 0x0102));
        assertEquals(Map.of("bms.firmware", "1.04"), r.values());
        assertEquals(List.of("1CEF5020#669901000201FFFF"), sentHex());
    }

    @Test
    void anErrorAckAddressedToTheRequesterEndsTheRead() throws Exception {
        RegisterResult r = await(access.read(bus, 0x1234, FAST));
        assertEquals(Outcome.UNKNOWN_REGISTER, r.outcome());
        assertEquals(0x8000, r.code());
        assertTrue(r.message().contains("node 0x50") && r.message().contains("0x8000")
                && r.message().contains("unknown register"), r.message());
        assertEquals(1, device.requests.get(), "an error is not retried");
    }

    @Test
    void anAckToAnotherRequesterIsNotOurs() throws Exception {
        device.ackTo = 0x21;
        RegisterResult r = await(access.read(bus, 0x1234, FAST.withTries(1)));
        assertEquals(Outcome.TIMEOUT, r.outcome(), r.message());
    }

    @Test
    void noAnswerAfterEveryTryIsATimeoutThatSaysSo() throws Exception {
        device.silent = true;
        RegisterResult r = await(access.read(bus, 0x0FFF, FAST));
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals("no answer from node 0x50 after 3 tries of 60 ms", r.message());
        assertEquals(3, r.tries());
        assertEquals(3, bus.sent.size());
        assertNull(r.code());
    }

    @Test
    void theDefaultTimeoutMessage() throws Exception {
        device.silent = true;
        RegisterResult r = await(access.read(bus, 0x0FFF));
        assertEquals("no answer from node 0x50 after 3 tries of 500 ms", r.message());
    }

    @Test
    void lostRequestsAreSentAgain() throws Exception {
        device.dropRequests = 2;
        RegisterResult r = await(access.read(bus, 0x0FFF, FAST));
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(3, r.tries());
    }

    @Test
    void busyIsRetriedAndUnknownCodesAreNamed() throws Exception {
        device.busyRequests = 1;
        RegisterResult r = await(access.read(bus, 0x0FFF, FAST));
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(2, r.tries());

        device.busyRequests = 5;
        RegisterResult busy = await(access.read(bus, 0x0FFF, FAST));
        assertEquals(Outcome.BUSY, busy.outcome());
        assertTrue(busy.message().contains("0x8200"), busy.message());

        FakeBus other = new FakeBus();
        other.attach(f -> other.receive(VregCodec.INSTANCE.ack(0x0FFF, 0x9ABC, 0x50, 0x20, "can0", CanFrame.NO_TIMESTAMP)));
        RegisterResult unknown = await(access.read(other, 0x0FFF, FAST));
        assertEquals(Outcome.UNKNOWN_CODE, unknown.outcome());
        assertTrue(unknown.message().contains("unknown code 0x9ABC"), unknown.message());
        other.close();
    }

    @Test
    void valuesFromAnotherNodeAreNotTheAnswer() throws Exception {
        device.silent = true;
        bus.attach(f -> bus.receive(VregCodec.INSTANCE.value(0x0FFF, Map.of("soc", 50.0), 0x51, 0xFF, "can0", 0)));
        RegisterResult r = await(access.read(bus, 0x0FFF, FAST.withTries(1)));
        assertEquals(Outcome.TIMEOUT, r.outcome());
    }

    @Test
    void aRegisterOutsideTheCatalogueGivesItsBytes() throws Exception {
        bus.attach(f -> bus.receive(CanFrame.of(0, "can0", 0x1CEFFF50, true,
                new byte[] {0x66, (byte) 0x99, 0x34, 0x12, 1, 2, 3, 4})));
        RegisterResult r = await(access.read(bus, 0x1234, FAST));
        assertEquals(Outcome.OK, r.outcome());
        assertEquals(Map.of(), r.values());
        assertEquals("01020304", r.data());
    }

    @Test
    void readAllKeepsTheOrder() throws Exception {
        List<RegisterResult> results = await(access.readAll(bus, List.of(0x0102, 0x1234, 0x0FFF), FAST));
        assertEquals(List.of(0x0102, 0x1234, 0x0FFF), results.stream().map(RegisterResult::register).toList());
        assertEquals(List.of(Outcome.OK, Outcome.UNKNOWN_REGISTER, Outcome.OK), results.stream().map(RegisterResult::outcome).toList());
    }

    @Test
    void aWriteIsConfirmedByTheBroadcastOfTheNewValue() throws Exception {
        RegisterResult r = await(access.write(bus, 0x0374, 2, FAST));
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(Map.of("setting.sync_group", 2L), r.values());
        assertTrue(r.message().contains("confirmed"), r.message());
        assertEquals(List.of("1CEF5020#6699740302FFFFFF"), sentHex(), "one write, addressed to the node; no read needed");
        assertEquals(Map.of("setting.sync_group", 2L), device.values.get(0x0374));
    }

    @Test
    void aWriteWithoutBroadcastIsReadBack() throws Exception {
        device.broadcastWrites = false;
        RegisterResult r = await(access.write(bus, 0x0090, 0, FAST));
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertTrue(r.message().contains("reads it back"), r.message());
        assertEquals(List.of("1CEF5020#6699900000FFFFFF", "1CEF5020#669901009000FFFF"), sentHex());
        assertEquals(1, device.writes.get(), "the write is sent once");
    }

    @Test
    void aWriteThatDidNotTakeIsAMismatch() throws Exception {
        device.broadcastWrites = false;
        device.storeWrites = false;
        RegisterResult r = await(access.write(bus, 0x0374, 3, FAST));
        assertEquals(Outcome.MISMATCH, r.outcome());
        assertEquals(Map.of("setting.sync_group", 0L), r.values());
        assertTrue(r.message().contains("wrote 3") && r.message().contains("reads back"), r.message());
    }

    @Test
    void aWriteTheDeviceRejectsEndsWithItsAck() throws Exception {
        device.rejectWrites = true;
        RegisterResult r = await(access.write(bus, 0x0374, 1, FAST));
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals(0x8100, r.code());
        assertTrue(r.message().contains("the write to 0x0374") && r.message().contains("0x8100"), r.message());
    }

    @Test
    void outOfRangeReadOnlyAndFractionalWritesAreRefusedBeforeSending() throws Exception {
        RegisterResult range = await(access.write(bus, 0x0374, 4, FAST));
        assertEquals(Outcome.REFUSED, range.outcome());
        assertTrue(range.message().contains("outside 0..3") && range.message().contains("nothing was sent"), range.message());
        assertEquals(Outcome.REFUSED, await(access.write(bus, 0x0387, 97, FAST)).outcome());
        assertEquals(Outcome.REFUSED, await(access.write(bus, 0x0387, -1, FAST)).outcome());
        RegisterResult readOnly = await(access.write(bus, 0x0FFF, 50, FAST));
        assertEquals(Outcome.REFUSED, readOnly.outcome());
        assertTrue(readOnly.message().contains("read-only"), readOnly.message());
        assertEquals(Outcome.REFUSED, await(access.write(bus, 0x0375, 0.5, FAST)).outcome());
        assertEquals(Outcome.REFUSED, await(access.write(bus, 0x1234, 1, FAST)).outcome());
        assertEquals(Outcome.OK, await(access.write(bus, 0x0375, 1.0, FAST)).outcome(), "1.0 is a whole number");
        assertEquals(List.of("1CEF5020#6699750301FFFFFF"), sentHex(), "only the valid write went out");
        assertEquals(0, range.tries());
    }

    @Test
    void aConnectionThatCannotSendEndsAtOnce() throws Exception {
        bus.failSends = true;
        RegisterResult r = await(access.read(bus, 0x0FFF, FAST));
        assertEquals(Outcome.SEND_FAILED, r.outcome());
        assertTrue(r.message().contains("not connected"), r.message());
    }

    @Test
    void stoppingEndsWhatIsWaiting() throws Exception {
        device.silent = true;
        CompletableFuture<RegisterResult> pending = access.read(bus, 0x0FFF, RequestOptions.DEFAULT.withTimeout(Duration.ofMinutes(5)));
        access.deactivate();
        RegisterResult r = await(pending);
        assertEquals(Outcome.STOPPED, r.outcome());
        assertEquals(Outcome.STOPPED, await(access.read(bus, 0x0FFF)).outcome(), "after stopping");
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.DEFAULT.withSource(0x50));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.DEFAULT.withNode(0xFF));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.DEFAULT.withTries(0));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.DEFAULT.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> access.read(bus, 0x10000));
        assertFalse(access.catalogue().registers().isEmpty());
        assertEquals(RequestOptions.DEFAULT, access.defaults());
    }
}
