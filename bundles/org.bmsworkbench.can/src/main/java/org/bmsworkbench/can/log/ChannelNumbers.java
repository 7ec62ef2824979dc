package org.bmsworkbench.can.log;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each bus of a log being written a channel number from 1, as ASC channels and TRC bus
 * numbers count: bus {@code canN} is channel N+1 when that number is still free; any other bus
 * (and a {@code canN} whose number is taken) gets the lowest free number at its first frame.
 */
final class ChannelNumbers {
    private final int max;
    private final String what;
    private final Map<String, Integer> channels = new HashMap<>();
    private final BitSet used = new BitSet();
    private String lastBus;
    private int lastChannel;

    /** @param what the log's name in the message when there are more than {@code max} buses */
    ChannelNumbers(int max, String what) {
        this.max = max;
        this.what = what;
    }

    int of(String bus) {
        if (bus == lastBus) {
            return lastChannel;
        }
        Integer known = channels.get(bus);
        int channel;
        if (known != null) {
            channel = known;
        } else {
            int wanted = canNumber(bus, max);
            channel = wanted > 0 && !used.get(wanted) ? wanted : used.nextClearBit(1);
            if (channel > max) {
                throw new IllegalArgumentException("more than " + max + " buses in one " + what);
            }
            used.set(channel);
            channels.put(bus, channel);
        }
        lastBus = bus;
        lastChannel = channel;
        return channel;
    }

    /** N+1 for a bus named {@code canN} (N+1 at most {@code max}), else 0. */
    static int canNumber(String bus, int max) {
        if (!bus.startsWith("can") || bus.length() < 4 || bus.length() > 7
                || (bus.charAt(3) == '0' && bus.length() > 4)) {
            return 0;
        }
        int n = 0;
        for (int i = 3; i < bus.length(); i++) {
            char c = bus.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n + 1 <= max ? n + 1 : 0;
    }
}
