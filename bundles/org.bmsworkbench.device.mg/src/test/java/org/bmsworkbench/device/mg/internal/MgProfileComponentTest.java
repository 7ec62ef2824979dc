package org.bmsworkbench.device.mg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.device.mg.MgDeviceProfile;
import org.bmsworkbench.device.mg.MgProfileSettings;
import org.bmsworkbench.device.mg.SafetyLockAssessment.Verdict;
import org.junit.jupiter.api.Test;

/** The service: comes up with defaults, takes a configuration, survives a bad one with warnings. */
class MgProfileComponentTest {
    private final RecordingLogger log = new RecordingLogger();

    /** A configuration as DS builds it: the given properties, the annotation's defaults for the rest. */
    private static MgProfileComponent.Config config(Map<String, Object> properties) {
        return (MgProfileComponent.Config) Proxy.newProxyInstance(MgProfileComponent.Config.class.getClassLoader(),
                new Class<?>[] {MgProfileComponent.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    return properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
                });
    }

    @Test
    void withoutConfigurationItHasTheDefaults() {
        MgProfileComponent profile = new MgProfileComponent(log.logger, config(Map.of()));
        assertEquals(MgProfileSettings.defaults(), profile.settings());
        assertEquals(0xEE10, profile.unlockSettings().registerId());
        assertFalse(profile.unlockSettings().verified());
        assertEquals(0x50, profile.nodeAddress());
        assertEquals("MG Master LV 400", profile.productName(0xA392));
        assertEquals(Verdict.SAFETY_LOCK, profile.assess(10, 15).verdict());
        assertEquals(List.of(), log.warnings);
    }

    @Test
    void aConfigurationIsTaken() {
        MgProfileComponent profile = new MgProfileComponent(log.logger, config(Map.of("unlock.register", "0xEE30",
                "unlock.verified", true, "safety.lock.error.codes", new String[] {"13", "14"}, "node.address", "0x51")));
        assertEquals(new MgProfileSettings(0xEE30, true, Set.of(13, 14), 0x51), profile.settings());
        assertTrue(profile.unlockSettings().verified());
        assertEquals(Verdict.OTHER_ERROR, profile.assess(10, 15).verdict());
        assertEquals(List.of(), log.warnings);
    }

    @Test
    void aBadConfigurationIsWarnedAboutAndTheComponentStillComesUp() {
        MgProfileComponent profile = new MgProfileComponent(log.logger, config(Map.of("unlock.register", "0x2101",
                "safety.lock.error.codes", new String[] {"99"}, "node.address", "fifty")));
        assertEquals(MgProfileSettings.defaults(), profile.settings());
        assertEquals(3, log.warnings.size());
        assertTrue(log.warnings.get(0).startsWith("configuration unlock.register='0x2101' rejected"));
        assertTrue(log.warnings.get(1).startsWith("configuration safety.lock.error.codes='99' rejected"));
        assertTrue(log.warnings.get(2).startsWith("configuration node.address='fifty' rejected"));
    }

    @Test
    void aModifiedConfigurationIsAppliedInPlace() {
        MgProfileComponent profile = new MgProfileComponent(log.logger, config(Map.of()));
        profile.modified(config(Map.of("safety.lock.error.codes", new String[] {"25"})));
        assertEquals(Set.of(25), profile.safetyLockErrorCodes());
        assertTrue(profile.isSafetyLockError(25));
        assertFalse(profile.isSafetyLockError(13));
    }

    @Test
    void theGeneratedDescriptorNamesTheComponentAndPidAndMakesConfigurationOptional() throws IOException {
        String xml = resource("OSGI-INF/org.bmsworkbench.device.mg.profile.xml");
        assertTrue(xml.contains("name=\"" + MgDeviceProfile.PID + "\""), xml);
        assertTrue(xml.contains("configuration-pid=\"" + MgDeviceProfile.PID + "\""), xml);
        assertTrue(xml.contains("configuration-policy=\"optional\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.bmsworkbench.device.mg.MgDeviceProfile\"/>"), xml);
        assertTrue(xml.contains("<provide interface=\"org.bmsworkbench.device.mg.DeviceProfile\"/>"), xml);
    }

    @Test
    void theMetatypeDescribesEveryPropertyWithItsDefault() throws IOException {
        String xml = resource("OSGI-INF/metatype/org.bmsworkbench.device.mg.profile.xml");
        assertTrue(xml.contains("<Designate pid=\"" + MgDeviceProfile.PID + "\">"), xml);
        assertTrue(xml.contains("<AD id=\"unlock.register\" type=\"String\""), xml);
        assertTrue(xml.contains("UNVERIFIED"), xml);
        assertTrue(xml.contains("<AD id=\"unlock.verified\" type=\"Boolean\""), xml);
        assertTrue(xml.contains("default=\"13,14,15,16,18\""), xml);
        assertTrue(xml.contains("<AD id=\"node.address\" type=\"String\""), xml);
        assertTrue(xml.contains("default=\"0x50\""), xml);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MgProfileComponentTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is generated by bnd into target/classes");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
