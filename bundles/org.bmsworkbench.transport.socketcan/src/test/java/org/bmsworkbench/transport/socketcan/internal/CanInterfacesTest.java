package org.bmsworkbench.transport.socketcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanInterfacesTest {
    @TempDir
    Path dir;

    @Test
    void listsOnlyType280WithTheirState() {
        // as on a Raspberry Pi with a CAN HAT: can0 up, can1 configured but down, vcan0 (operstate unknown), eth0
        new FakeSysfs(dir).add("eth0", 1, "up", "0x1003").add("can0", 280, "up", "0x40081")
                .add("can1", 280, "down", "0x80").add("vcan0", 280, "unknown", "0xc1").add("lo", 772, "unknown", "0x9");
        List<CanInterfaces.NetInterface> found = new CanInterfaces(dir).list();
        assertEquals(List.of("can0", "can1", "vcan0"), found.stream().map(CanInterfaces.NetInterface::name).toList());
        assertEquals(List.of("up", "down", "up (operstate unknown)"),
                found.stream().map(CanInterfaces.NetInterface::state).toList());
        assertTrue(found.get(0).isUp());
        assertFalse(found.get(1).isUp());
        assertTrue(found.get(2).isUp(), "vcan reports operstate unknown while it is up");
    }

    @Test
    void adminUpWithoutCarrierIsNotUp() {
        new FakeSysfs(dir).add("can0", 280, "down", "0x1");
        CanInterfaces.NetInterface can0 = new CanInterfaces(dir).lookup("can0").orElseThrow();
        assertFalse(can0.isUp());
        assertEquals("down (no carrier)", can0.state());
    }

    @Test
    void aMissingTreeOrNameIsEmptyAndUnreadableFilesAreTolerated() throws Exception {
        assertEquals(List.of(), new CanInterfaces(dir.resolve("nothing")).list());
        assertEquals(Optional.empty(), new CanInterfaces(dir).lookup("can0"));
        assertEquals(Optional.empty(), new CanInterfaces(dir).lookup("../x"));
        Files.createDirectories(dir.resolve("odd"));
        CanInterfaces.NetInterface odd = new CanInterfaces(dir).lookup("odd").orElseThrow();
        assertEquals(-1, odd.type());
        assertFalse(odd.isCan());
    }
}
