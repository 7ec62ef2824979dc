package org.bmsworkbench.cli.internal.decode;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.MultiDeviceSession;
import org.bmsworkbench.bms.ProtocolSession;

/**
 * The protocols' sessions of each bus or serial port in a log, made when its first frame comes: a
 * bus is its own network, so one bus's fast packets, device names and half-read serial messages never
 * mix with another's (a serial trace of two ports would otherwise run one port's bytes into the
 * other's message). The bus names come from the readers' caches, so the last bus is found by identity
 * and a log of one bus costs one comparison a frame. Used on the decoding thread only.
 */
final class BusSessions {
    private final List<BmsProtocol> protocols;
    private final Integer device;
    private final List<String> buses = new ArrayList<>();
    private final List<ProtocolSession[]> sessions = new ArrayList<>();
    private String lastBus;
    private ProtocolSession[] last;

    /**
     * @param device the source address designated on every multi-device session ({@code --device}),
     *               or null
     */
    BusSessions(List<BmsProtocol> protocols, Integer device) {
        this.protocols = protocols;
        this.device = device;
    }

    /** The sessions of {@code bus}, in the protocols' order; new ones for a bus not seen before. */
    ProtocolSession[] of(String bus) {
        if (bus == lastBus) {
            return last;
        }
        int i = buses.indexOf(bus);
        if (i < 0) {
            i = buses.size();
            buses.add(bus);
            sessions.add(newSessions());
        }
        lastBus = bus;
        last = sessions.get(i);
        return last;
    }

    private ProtocolSession[] newSessions() {
        ProtocolSession[] made = new ProtocolSession[protocols.size()];
        for (int i = 0; i < made.length; i++) {
            made[i] = protocols.get(i).newSession();
            if (device != null && made[i] instanceof MultiDeviceSession multi) {
                multi.designate(device);
            }
        }
        return made;
    }
}
