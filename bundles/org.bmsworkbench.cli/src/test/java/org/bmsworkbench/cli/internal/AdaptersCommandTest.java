package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb adapters} against fake connections listing transports and discovered adapters. */
class AdaptersCommandTest {
    @TempDir
    Path dir;

    private final FakeConnections connections = new FakeConnections();

    private Console run(int expectedStatus, String... args) {
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new AdaptersCommand(connections), Map.of("command.name", "adapters", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), null, c.out, c.err, dir, false);
        assertEquals(expectedStatus, status, c.err());
        return c;
    }

    private void twoTransportsTwoPorts() {
        connections.transports.put("sim", "Simulated MG Master LV");
        connections.transports.put("slcan", "SLCAN serial adapters");
        connections.adapters.add(new DiscoveredAdapter("slcan", "slcan:/dev/ttyACM0", "/dev/ttyACM0",
                "CANable2 b158aa7", 0x16D0, 0x117E, "CANable 2 (slcan firmware)"));
        connections.adapters.add(new DiscoveredAdapter("slcan", "slcan:/dev/ttyS0", "/dev/ttyS0", "Physical Port S0",
                -1, -1, ""));
    }

    @Test
    void tableOfTransportsAndAdaptersWithKnownOnesMarked() {
        twoTransportsTwoPorts();
        Console c = run(0, "adapters");
        assertEquals("""
                Transports:
                SCHEME  DESCRIPTION
                sim     Simulated MG Master LV
                slcan   SLCAN serial adapters

                Adapters:
                   URI                 NAME          DESCRIPTION       USB ID     KNOWN CAN ADAPTER
                *  slcan:/dev/ttyACM0  /dev/ttyACM0  CANable2 b158aa7  16d0:117e  CANable 2 (slcan firmware)
                   slcan:/dev/ttyS0    /dev/ttyS0    Physical Port S0  -          -

                2 ports, 1 known CAN adapter (*). Pseudo-terminals (e.g. socat pairs) are not listed: open them by path, e.g. --connect slcan:/tmp/ttyV0.
                """, c.out());
        assertEquals("", c.err());
    }

    @Test
    void noAdapterFoundIsSaid() {
        connections.transports.put("sim", "Simulated MG Master LV");
        Console c = run(0, "adapters");
        assertTrue(c.out().endsWith("\nNo adapter found. Pseudo-terminals (e.g. socat pairs) are not listed: open them"
                + " by path, e.g. --connect slcan:/tmp/ttyV0.\n"), c.out());
    }

    @Test
    void jsonl() {
        twoTransportsTwoPorts();
        Console c = run(0, "adapters", "--format", "jsonl");
        assertEquals("""
                {"type":"transport","scheme":"sim","description":"Simulated MG Master LV"}
                {"type":"transport","scheme":"slcan","description":"SLCAN serial adapters"}
                {"type":"adapter","scheme":"slcan","uri":"slcan:/dev/ttyACM0","name":"/dev/ttyACM0","description":"CANable2 b158aa7","usb_id":"16d0:117e","known_adapter":"CANable 2 (slcan firmware)"}
                {"type":"adapter","scheme":"slcan","uri":"slcan:/dev/ttyS0","name":"/dev/ttyS0","description":"Physical Port S0","usb_id":null,"known_adapter":null}
                """, c.out());
    }

    @Test
    void aTransportWithoutItsVendorLibraryIsListedAsUnavailableWithTheReason() {
        connections.transports.put("pcan", "PEAK PCAN adapters through PCAN-Basic");
        connections.transports.put("sim", "Simulated MG Master LV");
        connections.unavailable.put("pcan", "libpcanbasic.so not found: install PEAK's driver");
        Console c = run(0, "adapters");
        assertTrue(c.out().startsWith("""
                Transports:
                SCHEME  DESCRIPTION
                pcan    PEAK PCAN adapters through PCAN-Basic
                sim     Simulated MG Master LV

                Installed but unavailable on this machine:
                SCHEME  REASON
                pcan    libpcanbasic.so not found: install PEAK's driver

                """), c.out());
        Console j = run(0, "adapters", "--format", "jsonl");
        assertEquals("""
                {"type":"transport","scheme":"pcan","description":"PEAK PCAN adapters through PCAN-Basic","available":false,"unavailable_reason":"libpcanbasic.so not found: install PEAK's driver"}
                {"type":"transport","scheme":"sim","description":"Simulated MG Master LV"}
                """, j.out());
    }

    @Test
    void jsonlWithNothingFoundSaysSoOnStderr() {
        Console c = run(0, "adapters", "--format", "jsonl");
        assertEquals("", c.out());
        assertTrue(c.err().startsWith("bmswb adapters: no adapter found. Pseudo-terminals"), c.err());
    }

    @Test
    void helpAndUsageErrors() {
        assertTrue(run(0, "adapters", "--help").out().startsWith("Usage: bmswb adapters [-h] [--format=table|jsonl]"));
        assertEquals("bmswb adapters: unexpected argument 'x'\nTry 'bmswb adapters --help'.\n", run(2, "adapters", "x").err());
        assertEquals("bmswb adapters: --format: expected one of table, jsonl, got 'csv'\nTry 'bmswb adapters --help'.\n",
                run(2, "adapters", "--format", "csv").err());
    }
}
