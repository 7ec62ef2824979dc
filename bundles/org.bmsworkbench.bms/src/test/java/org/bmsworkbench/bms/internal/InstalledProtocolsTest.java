package org.bmsworkbench.bms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.FakeProtocol;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.Subscription;
import org.junit.jupiter.api.Test;

class InstalledProtocolsTest {
    private final RecordingLogger log = new RecordingLogger();
    private final InstalledProtocols registry = new InstalledProtocols(log.logger);

    private static Map<String, Object> props(String id) {
        return Map.of("protocol.id", id);
    }

    @Test
    void listsProtocolsSortedByIdAndFindsThem() {
        FakeProtocol sma = FakeProtocol.scoring("sma", 1, 0x351);
        FakeProtocol gb = FakeProtocol.scoring("general-bms", 1, 0x351);
        registry.addProtocol(sma, props("sma"));
        registry.addProtocol(gb, props("general-bms"));
        assertEquals(List.of(gb, sma), registry.protocols());
        assertEquals(sma, registry.find("sma").orElseThrow());
        assertTrue(registry.find("nmea2000").isEmpty());
        registry.removeProtocol(sma);
        assertEquals(List.of(gb), registry.protocols());
        assertTrue(registry.find("sma").isEmpty());
    }

    @Test
    void tellsListenersOnBindAndUnbindUntilUnsubscribed() {
        List<List<String>> seen = new ArrayList<>();
        Subscription s = registry.onChange(list -> seen.add(list.stream().map(BmsProtocol::id).toList()));
        registry.onChange(list -> {
            throw new IllegalStateException("a broken listener");
        });
        FakeProtocol sma = FakeProtocol.scoring("sma", 1, 0x351);
        registry.addProtocol(sma, props("sma"));
        registry.removeProtocol(sma);
        s.close();
        registry.addProtocol(sma, props("sma"));
        assertEquals(List.of(List.of("sma"), List.of()), seen);
    }

    @Test
    void signalsAreTheStandardCatalogueWithContributedKeysSortedByKey() {
        SignalDescriptor fan = new SignalDescriptor("oem.fan_speed", "", SignalKind.NUMBER, "status", "Fan speed", "Fan.");
        SignalDescriptor voltage = StandardSignals.find("pack.voltage").orElseThrow();
        registry.addProtocol(new FakeProtocol("oem", Map.of(), Set.of(), List.of(fan, voltage)), props("oem"));
        List<SignalDescriptor> all = registry.signals();
        assertEquals(StandardSignals.all().size() + 1, all.size());
        assertTrue(all.contains(fan));
        List<String> keys = all.stream().map(SignalDescriptor::key).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }

    @Test
    void aContributedKeyThatChangesAStandardUnitIsRejectedWithAWarning() {
        SignalDescriptor millivolts = new SignalDescriptor("pack.voltage", "mV", SignalKind.NUMBER, "pack", "Pack", "");
        registry.addProtocol(new FakeProtocol("oem", Map.of(), Set.of(), List.of(millivolts)), props("oem"));
        SignalDescriptor kept = registry.signals().stream().filter(d -> d.key().equals("pack.voltage")).findFirst()
                .orElseThrow();
        assertEquals(StandardSignals.find("pack.voltage").orElseThrow(), kept);
        assertEquals(1, log.warnings.size());
        assertTrue(log.warnings.get(0).contains("oem") && log.warnings.get(0).contains("pack.voltage")
                && log.warnings.get(0).contains("'mV'") && log.warnings.get(0).contains("'V'"), log.warnings.get(0));
    }

    @Test
    void aSecondProtocolCannotGiveAContributedKeyAnotherUnit() {
        SignalDescriptor rpm = new SignalDescriptor("oem.fan_speed", "rpm", SignalKind.NUMBER, "status", "Fan", "");
        SignalDescriptor pct = new SignalDescriptor("oem.fan_speed", "%", SignalKind.NUMBER, "status", "Fan", "");
        registry.addProtocol(new FakeProtocol("a", Map.of(), Set.of(), List.of(rpm)), props("a"));
        registry.addProtocol(new FakeProtocol("b", Map.of(), Set.of(), List.of(pct)), props("b"));
        assertTrue(registry.signals().contains(rpm));
        assertTrue(!registry.signals().contains(pct));
        assertEquals(1, log.warnings.size());
    }

    @Test
    void aRejectedDescriptorIsAcceptedOnceTheProtocolItClashedWithLeaves() {
        SignalDescriptor rpm = new SignalDescriptor("oem.fan_speed", "rpm", SignalKind.NUMBER, "status", "Fan", "");
        SignalDescriptor pct = new SignalDescriptor("oem.fan_speed", "%", SignalKind.NUMBER, "status", "Fan", "");
        FakeProtocol a = new FakeProtocol("a", Map.of(), Set.of(), List.of(rpm));
        FakeProtocol b = new FakeProtocol("b", Map.of(), Set.of(), List.of(pct));
        registry.addProtocol(a, props("a"));
        registry.addProtocol(b, props("b"));
        assertTrue(registry.signals().contains(rpm));

        registry.removeProtocol(a);
        assertTrue(registry.signals().contains(pct), registry.signals().toString());
        assertTrue(!registry.signals().contains(rpm));

        registry.addProtocol(a, props("a")); // now b was first: a's unit is the one rejected
        assertTrue(registry.signals().contains(pct));
        assertTrue(!registry.signals().contains(rpm));
        assertEquals(2, log.warnings.size(), log.warnings.toString());
        assertTrue(log.warnings.get(1).startsWith("BMS protocol a gives signal oem.fan_speed the unit 'rpm'"),
                log.warnings.get(1));
    }
}
