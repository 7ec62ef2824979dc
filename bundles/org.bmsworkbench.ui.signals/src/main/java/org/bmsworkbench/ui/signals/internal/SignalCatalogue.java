package org.bmsworkbench.ui.signals.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;

/**
 * Describes each model key for the view: the standard catalogue first, then what installed
 * protocols contribute, else a descriptor made up from the key (group from its first part,
 * no unit). Also the order of groups and of keys within a group. UI thread only.
 */
final class SignalCatalogue {

    /** Group ids in display order; anything else sorts before {@code other}. */
    static final List<String> GROUPS = List.of("pack", "cells", "limits", "energy", "status", "identity", "history",
            "settings", "alarms", "warnings", "events", "other");

    private static final Map<String, String> GROUP_LABELS = Map.ofEntries(Map.entry("pack", "Pack"),
            Map.entry("cells", "Cells"), Map.entry("limits", "Limits"), Map.entry("energy", "Energy"),
            Map.entry("status", "Status"), Map.entry("identity", "Identity"), Map.entry("history", "History"),
            Map.entry("settings", "Settings"), Map.entry("alarms", "Alarms"), Map.entry("warnings", "Warnings"),
            Map.entry("events", "Events"), Map.entry("other", "Other"));

    private static final Map<String, Integer> STANDARD_RANK = standardRank();

    private final Supplier<List<SignalDescriptor>> contributed;
    private final Map<String, SignalDescriptor> known = new HashMap<>();

    /** @param contributed the descriptors of the installed protocols (standard and their own); may return an empty list */
    SignalCatalogue(Supplier<List<SignalDescriptor>> contributed) {
        this.contributed = contributed;
    }

    private static Map<String, Integer> standardRank() {
        Map<String, Integer> rank = new HashMap<>();
        List<SignalDescriptor> all = StandardSignals.all();
        for (int i = 0; i < all.size(); i++) {
            rank.put(all.get(i).key(), i);
        }
        return rank;
    }

    /** The descriptor of {@code key}; {@code sample} (may be null) decides the kind of a key nobody describes. */
    SignalDescriptor describe(String key, Object sample) {
        SignalDescriptor d = known.get(key);
        if (d != null) {
            return d;
        }
        d = StandardSignals.find(key).orElse(null);
        if (d == null) {
            for (SignalDescriptor c : contributed.get()) {
                if (c.key().equals(key)) {
                    d = c;
                    break;
                }
            }
        }
        if (d == null) {
            d = madeUp(key, sample);
        }
        known.put(key, d);
        return d;
    }

    private static SignalDescriptor madeUp(String key, Object sample) {
        int dot = key.indexOf('.');
        String prefix = dot < 0 ? key : key.substring(0, dot);
        String group = GROUPS.contains(prefix) ? prefix : "other";
        SignalKind kind = sample instanceof Number ? SignalKind.NUMBER
                : sample instanceof Boolean ? SignalKind.BOOLEAN : SignalKind.TEXT;
        return new SignalDescriptor(key, "", kind, group, key, "Not in the standard catalogue nor described by an installed protocol.");
    }

    static String groupLabel(String group) {
        String label = GROUP_LABELS.get(group);
        if (label != null) {
            return label;
        }
        return group.isEmpty() ? "Other" : Character.toUpperCase(group.charAt(0)) + group.substring(1);
    }

    /** Sort rank of a group: the listed groups in order, unknown groups just before {@code other}. */
    static int groupRank(String group) {
        int i = GROUPS.indexOf(group);
        return i >= 0 ? i : GROUPS.size() - 1;
    }

    /** Sort rank of a key within its group: catalogue order, then unknown keys by name (compare with {@link #compareKeys}). */
    static int compareKeys(String a, String b) {
        int ra = STANDARD_RANK.getOrDefault(a, Integer.MAX_VALUE);
        int rb = STANDARD_RANK.getOrDefault(b, Integer.MAX_VALUE);
        return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    }
}
