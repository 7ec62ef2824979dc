package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb devices} against a fake bus network: docs/SIGNALS.md's JSONL, the table, listen-only. */
class DevicesCommandTest {
    @TempDir
    Path dir;

    private final FakeConnections connections = new FakeConnections();
    private final FakeNetwork network = new FakeNetwork().withMg(0x50);

    private Console run(int expected, String... args) {
        connections.onOpen = c -> c.receive(CanFrame.of(1_600_000_000_000_000L, "can0", 0x19F21450, true, new byte[8]));
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new DevicesCommand(connections, network, network, Duration.ofSeconds(2)),
                Map.of("command.name", "devices", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), new ByteArrayInputStream(new byte[0]), c.out, c.err, dir, false);
        assertEquals(expected, status, () -> c.out() + c.err());
        return c;
    }

    @Test
    void jsonlHasOneObjectPerDeviceWithTheFieldsOfTheContract() {
        network.devices.add(FakeNetwork.device(0x21, 2047, null, false, true));
        Console c = run(0, "devices", "--duration", "0.2", "--format", "jsonl");
        List<String> lines = c.out().lines().toList();
        assertEquals(2, lines.size(), c.out());
        assertEquals("{\"address\":80,\"name\":\"0x0000000080001284\",\"manufacturer_code\":1160,"
                + "\"manufacturer\":\"MG Energy Systems\",\"device_class\":35,\"device_function\":170,"
                + "\"model\":\"MG Master LV\",\"software\":\"1.04\",\"serial\":\"HQ2107ABCDE\",\"pgns\":[60928,127508],"
                + "\"last_seen\":1600000000.5,\"self\":false,\"role\":\"bms\"}", lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"address\":33,"), lines.get(1));
        assertTrue(lines.get(1).contains("\"manufacturer\":null"), lines.get(1));
        assertTrue(lines.get(1).contains("\"self\":true"), lines.get(1));
        assertEquals(List.of("60928->255", "126996->255"), network.requests, "asked for claims and product information");
    }

    @Test
    void jsonlOfAnElevenBitDeviceHasItsCanIdsAndNoAddress() {
        // an SMA BMS (0x351-0x35F, bmswb devices --help) has no address or NAME: its CAN ids instead; never seen
        network.devices.clear();
        network.devices.add(new BusDevice(null, "bms", null, null, "MG-BMS \"LV\"", null, null, null, null, null,
                List.of(), List.of(0x351, 0x35E), CanFrame.NO_TIMESTAMP, false, true));
        Console c = run(0, "devices", "--duration", "0.2", "--listen-only", "--format", "jsonl");
        assertEquals("{\"address\":null,\"name\":null,\"manufacturer_code\":null,\"manufacturer\":\"MG-BMS \\\"LV\\\"\","
                + "\"device_class\":null,\"device_function\":null,\"model\":null,\"software\":null,\"serial\":null,"
                + "\"pgns\":[],\"can_ids\":[\"0x351\",\"0x35E\"],\"last_seen\":null,\"self\":false,\"role\":\"bms\"}\n",
                c.out());
    }

    @Test
    void listenOnlySendsNoRequest() {
        Console c = run(0, "devices", "--duration", "0.2", "--listen-only");
        assertTrue(network.requests.isEmpty());
        assertTrue(c.out().startsWith("ADDRESS"), c.out());
        assertTrue(c.out().contains("80 (0x50)"), c.out());
        assertTrue(c.out().contains("MG Energy Systems (1160)"), c.out());
    }

    @Test
    void anElevenBitBusIsNotAsked() {
        connections.onOpen = c -> c.receive(CanFrame.of(1, "can0", 0x356, false, new byte[6]));
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new DevicesCommand(connections, network, network, Duration.ofSeconds(2)),
                Map.of("command.name", "devices", "service.id", 1L));
        Console c = new Console(dir);
        assertEquals(0, main.run(List.of("devices", "--duration", "0.2"), new ByteArrayInputStream(new byte[0]), c.out,
                c.err, dir, false));
        assertTrue(network.requests.isEmpty(), "no addresses on an 11-bit bus: nothing to ask");
    }
}
