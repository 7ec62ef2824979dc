package org.bmsworkbench.bms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.MultiDeviceSession;

/**
 * Which device a live session's model follows on a bus of many: the user's choice, else the
 * one BMS a protocol identified, else the only battery sender; several candidates and none
 * identified is ambiguous and follows none. Worked out again only when the protocol's sources
 * changed. Used under the live session's lock.
 */
final class DeviceFollowing {
    private Integer userAddress;
    private Integer userInstance;
    private long userGeneration;

    private MultiDeviceSession seenSession;
    private long seenVersion = -1;
    private long seenUserGeneration = -1;
    private volatile DeviceChoice choice = DeviceChoice.NONE;

    /** The user's choice; null address goes back to the automatic one. */
    void follow(Integer address, Integer instance) {
        userAddress = address;
        userInstance = address == null ? null : instance;
        userGeneration++;
    }

    Integer userAddress() {
        return userAddress;
    }

    DeviceChoice current() {
        return choice;
    }

    /**
     * Brings the choice up to date with {@code session} (null when no active protocol is a
     * {@link MultiDeviceSession}).
     *
     * @return true when the followed device changed from one device to another (the model
     *         should forget the old one's values)
     */
    boolean update(MultiDeviceSession session) {
        long version = session == null ? 0 : session.sourcesVersion();
        if (session == seenSession && version == seenVersion && userGeneration == seenUserGeneration) {
            return false;
        }
        seenSession = session;
        seenVersion = version;
        seenUserGeneration = userGeneration;
        DeviceChoice old = choice;
        choice = decide(session == null ? List.of() : session.batterySources());
        return old.address() != null && (!Objects.equals(old.address(), choice.address())
                || !Objects.equals(old.instance(), choice.instance()));
    }

    private DeviceChoice decide(List<BatterySource> sources) {
        if (userAddress != null) {
            BatterySource s = find(sources, userAddress);
            Integer instance = userInstance;
            String what = s != null && s.label() != null ? s.label() + " at " + userAddress : "device at " + userAddress;
            if (instance == null && s != null && !s.identified() && s.instances().size() > 1) {
                instance = s.instances().get(0);
            }
            return new DeviceChoice(userAddress, instance, true, false,
                    what + (instance != null ? " instance " + instance : "") + " (chosen by the user)", sources);
        }
        List<BatterySource> identified = new ArrayList<>();
        for (BatterySource s : sources) {
            if (s.identified()) {
                identified.add(s);
            }
        }
        if (identified.size() == 1) {
            BatterySource s = identified.get(0);
            return new DeviceChoice(s.address(), null, false, false,
                    (s.label() != null ? s.label() : "BMS") + " at " + s.address() + " (" + s.evidence() + ")", sources);
        }
        if (identified.size() > 1) {
            return new DeviceChoice(null, null, false, true, identified.size() + " "
                    + plural(identified.get(0).label()) + " on the bus (" + addresses(identified)
                    + "): choose one with --device ADDR", sources);
        }
        if (sources.size() == 1) {
            BatterySource s = sources.get(0);
            Integer instance = s.instances().size() > 1 ? s.instances().get(0) : null;
            String name = s.label() != null ? s.label() : "battery";
            return new DeviceChoice(s.address(), instance, false, false, "the only battery sender: " + name + " at "
                    + s.address() + (instance == null ? "" : " instance " + instance + " of " + s.instances()
                            .stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " (choose another with --device " + s.address() + ":N)"), sources);
        }
        if (sources.size() > 1) {
            return new DeviceChoice(null, null, false, true, sources.size() + " battery senders on the bus ("
                    + addresses(sources) + "), none identified as the BMS: choose one with --device ADDR", sources);
        }
        return DeviceChoice.NONE;
    }

    private static String plural(String label) {
        return label == null ? "identified BMSes" : label + "s";
    }

    private static BatterySource find(List<BatterySource> sources, int address) {
        for (BatterySource s : sources) {
            if (s.address() == address) {
                return s;
            }
        }
        return null;
    }

    private static String addresses(List<BatterySource> sources) {
        return sources.stream().map(s -> String.valueOf(s.address())).collect(Collectors.joining(", "));
    }
}
