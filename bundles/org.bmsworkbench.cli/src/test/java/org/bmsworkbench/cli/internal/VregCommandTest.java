package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb vreg} against a fake register access: the catalogue, reads, confirmed and refused writes. */
class VregCommandTest {
    @TempDir
    Path dir;

    private final FakeConnections connections = new FakeConnections();
    private final FakeRegisterAccess access = new FakeRegisterAccess();
    private final FakeNetwork network = new FakeNetwork().withMg(0x50);

    private Console run(int expected, String stdin, String... args) {
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new VregCommand(connections, access, network, network, Duration.ofMillis(300), Duration.ofMillis(600)),
                Map.of("command.name", "vreg", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), c.out,
                c.err, dir, false);
        assertEquals(expected, status, () -> c.out() + c.err());
        return c;
    }

    @Test
    void listShowsTheCatalogue() {
        assertEquals("""
                ID      NAME                      KEYS                TYPE      UNIT  ACCESS  BROADCAST            RANGE
                0x0102  Firmware version          bms.firmware        un8:un24        R       -
                0x0371  BMS state                 bms.state           un8             R       on change
                0x0374  Synchronize group number  setting.sync_group  un8             RW      on change            0..3
                0x0FFF  State-of-Charge           soc                 un16      %     R       periodic, on change
                0x2100  Status flags              bms.flags           un32            R       on change
                """, run(0, "", "vreg", "list").out());
        assertTrue(connections.opened.isEmpty(), "list needs no connection");
    }

    @Test
    void readPrintsValueUnitLabelAndRaw() {
        Console c = run(0, "", "vreg", "read", "0x0102", "4095", "0x0371", "0X2100");
        assertEquals("""
                REGISTER  NAME              VALUE                                                RAW
                0x0102    Firmware version  bms.firmware="1.04"                                  0A0B
                0x0FFF    State-of-Charge   soc=87.5 %                                           0A0B
                0x0371    BMS state         bms.state=9 (Running)                                0A0B
                0x2100    Status flags      bms.flags=129 (allowed to charge, contactor closed)  0A0B
                """, c.out());
        assertEquals("", c.err());
        assertEquals("sim:", connections.opened.get(0).uri().toString());
        assertTrue(connections.opened.get(0).closed);
    }

    @Test
    void aRegisterThatFailsIsShownAndTheExitIsOne() {
        access.device.remove(0x0371);
        Console c = run(1, "", "vreg", "read", "--connect", "loop:bench", "--node", "0x51", "0x0FFF", "0x0371");
        assertTrue(c.out().contains("0x0371    BMS state        error: node 0x51 answered the request for 0x0371 with"
                + " ACK 0x8000 (unknown register or invalid request)"), c.out());
        assertEquals("bmswb vreg: 0x0371: node 0x51 answered the request for 0x0371 with ACK 0x8000 (unknown register"
                + " or invalid request)\n", c.err());
        assertEquals(0x51, access.lastOptions.node());
        access.device.remove(0x0FFF);
        assertEquals("bmswb vreg: 2 of 2 registers could not be read\n",
                run(1, "", "vreg", "read", "0x0FFF", "0x0371").err());
    }

    @Test
    void writeAsksShowingTheOldValueThenPrintsTheConfirmedOne() {
        Console c = run(0, "y\n", "vreg", "write", "0x0374", "2");
        assertEquals("write 0x0374 sync_group: 0 → 2? [y/N] ", c.err());
        assertEquals("0x0374 sync_group = 2: wrote 2 to 0x0374 (Synchronize group number); node 0x50 confirmed it\n",
                c.out());
        assertEquals(List.of("read 0x0374 from 0x50", "write 2 to 0x0374"), access.log);
        assertEquals(2L, access.device.get(0x0374));
    }

    @Test
    void anythingButYesAtThePromptWritesNothing() {
        for (String answer : List.of("n\n", "\n", "", "yep\n")) {
            access.log.clear();
            Console c = run(1, answer, "vreg", "write", "0x0374", "3");
            assertTrue(c.err().endsWith("bmswb vreg: not written: not confirmed\n"), c.err());
            assertEquals(List.of("read 0x0374 from 0x50"), access.log, answer);
        }
        assertEquals(0L, access.device.get(0x0374));
    }

    @Test
    void outOfRangeAndReadOnlyAreRefusedBeforeConnecting() {
        assertEquals("bmswb vreg: value 4 is outside 0..3 for 0x0374 (Synchronize group number); nothing was sent\n",
                run(1, "", "vreg", "write", "--yes", "0x0374", "4").err());
        assertEquals("bmswb vreg: value -1 is outside 0..3 for 0x0374 (Synchronize group number); nothing was sent\n",
                run(1, "", "vreg", "write", "--yes", "0x0374", "-1").err());
        assertEquals("bmswb vreg: value 1.5 is not a whole number of 1 for 0x0374 (Synchronize group number); nothing"
                + " was sent\n", run(1, "", "vreg", "write", "--yes", "0x0374", "1.5").err());
        assertEquals("bmswb vreg: 0x0FFF (State-of-Charge) is read-only; nothing was sent\n",
                run(1, "", "vreg", "write", "--yes", "0x0FFF", "50").err());
        assertEquals("bmswb vreg: register 0x1234 is not in the catalogue (see bmswb vreg list); nothing was sent\n",
                run(1, "", "vreg", "write", "--yes", "0x1234", "1").err());
        assertTrue(connections.opened.isEmpty(), "nothing was opened");
        assertTrue(access.log.isEmpty());
    }

    @Test
    void aWriteTheBmsRejectsNamesItsAckCode() {
        access.rejectWrites = 0x8100;
        Console c = run(1, "", "vreg", "write", "-y", "0x0374", "3");
        assertEquals("bmswb vreg: node 0x50 answered the write to 0x0374 (ACK 0x8100: write rejected: value out of"
                + " range or register not writable)\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void anUnreadableOldValueIsShownAsUnknown() {
        access.device.remove(0x0374);
        Console c = run(0, "yes\n", "vreg", "write", "0x0374", "1");
        assertEquals("bmswb vreg write: cannot read the current value of 0x0374: node 0x50 answered the request for"
                + " 0x0374 with ACK 0x8000 (unknown register or invalid request)\n"
                + "write 0x0374 sync_group: ? → 1? [y/N] ", c.err());
    }

    @Test
    void usageErrors() {
        assertEquals("bmswb vreg: missing subcommand (list, read, write)\nTry 'bmswb vreg --help'.\n",
                run(2, "", "vreg").err());
        assertEquals("bmswb vreg: unknown subcommand 'dump' (expected list, read, write)\nTry 'bmswb vreg --help'.\n",
                run(2, "", "vreg", "dump").err());
        assertEquals("bmswb vreg: missing REG\nTry 'bmswb vreg --help'.\n", run(2, "", "vreg", "read").err());
        assertEquals("bmswb vreg: register 'soc': expected an id 0x0000..0xFFFF such as 0x0FFF or 4095\n"
                + "Try 'bmswb vreg --help'.\n", run(2, "", "vreg", "read", "soc").err());
        assertEquals("bmswb vreg: register '0x10000': expected an id 0x0000..0xFFFF such as 0x0FFF or 4095\n"
                + "Try 'bmswb vreg --help'.\n", run(2, "", "vreg", "read", "0x10000").err());
        assertEquals("bmswb vreg: missing VALUE\nTry 'bmswb vreg --help'.\n", run(2, "", "vreg", "write", "0x0374").err());
        assertEquals("bmswb vreg: VALUE 'two': expected a number\nTry 'bmswb vreg --help'.\n",
                run(2, "", "vreg", "write", "0x0374", "two").err());
        assertEquals("bmswb vreg: --node: expected an address 0x00..0xFD such as 0x50 or 80, got '0xFF'\n"
                + "Try 'bmswb vreg --help'.\n", run(2, "", "vreg", "read", "--node", "0xFF", "0x0FFF").err());
        run(0, "", "vreg", "read", "--node", "32", "0x0FFF"); // the guide's requester address: ours moves
        assertEquals(32, access.lastOptions.node());
        assertEquals(33, access.lastOptions.source());
        assertEquals("bmswb vreg: unexpected argument '0x0375'\nTry 'bmswb vreg --help'.\n",
                run(2, "", "vreg", "list", "0x0375").err());
    }

    @Test
    void unusableUrisAndFailedConnections() {
        Console c = run(2, "", "vreg", "read", "--connect", "slcan:/dev/ttyACM0", "0x0FFF");
        assertEquals(1, c.err().lines().count(), c.err());
        assertEquals("bmswb vreg: cannot connect to fail:x: port /dev/x: no such port\n",
                run(1, "", "vreg", "read", "--connect", "fail:x", "0x0FFF").err());
        assertTrue(connections.opened.stream().allMatch(f -> f.closed));
    }

    @Test
    void withoutDeviceTheMgMasterLvFoundOnTheBusIsAsked() {
        network.devices.clear();
        network.withMg(0x42);
        network.devices.add(FakeNetwork.device(0x41, 358, "Victron Energy", false, false));
        run(0, "", "vreg", "read", "0x0FFF");
        assertEquals(0x42, access.lastOptions.node());
        assertEquals(List.of("60928->255"), network.requests, "every device was asked for its address claim");
    }

    @Test
    void twoMgMasterLvsOrNoneAreAnErrorThatSaysWhatToDo() {
        network.withMg(0x51);
        Console two = run(1, "", "vreg", "read", "0x0FFF");
        assertEquals("bmswb vreg: 2 MG Master LVs on the bus (80, 81): choose one with --device ADDR\n", two.err());
        network.devices.clear();
        Console none = run(1, "", "vreg", "read", "--connect", "loop:bench", "0x0FFF");
        assertTrue(none.err().startsWith("bmswb vreg: no MG Master LV identified on loop:bench within 0.6 s"),
                none.err());
        assertTrue(none.err().endsWith("give its address with --device ADDR\n"), none.err());
    }

    @Test
    void deviceChoosesTheNodeAndListenOnlyIsRefused() {
        run(0, "", "vreg", "read", "--device", "0x52", "0x0FFF");
        assertEquals(0x52, access.lastOptions.node());
        Console c = run(2, "", "vreg", "read", "--listen-only", "0x0FFF");
        assertTrue(c.err().contains("--listen-only: vreg read and write send requests"), c.err());
    }
}
