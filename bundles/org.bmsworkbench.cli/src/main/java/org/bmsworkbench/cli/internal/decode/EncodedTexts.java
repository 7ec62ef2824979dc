package org.bmsworkbench.cli.internal.decode;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.HashMap;

/**
 * The JSON strings {@link JsonlFormat} writes again and again — keys, bus, protocol and message
 * names, text values — encoded once: {@link #get} gives a text's pre-encoded
 * {@link SerializedString}, or null for a text the generator must escape itself. Every text met so
 * far (up to {@link #CACHE_LIMIT}), and before it a direct-mapped front for the hot ones, so a warm
 * look-up allocates nothing. Not thread-safe (one per format).
 */
final class EncodedTexts {
    private static final int CACHE_LIMIT = 4096;
    private static final int CACHEABLE_LENGTH = 64;
    /** Marks cached text that needs escaping (written through the generator's escapes instead). */
    private static final SerializedString ESCAPED = new SerializedString("");

    private static final int SLOTS = 1024;

    private final HashMap<String, SerializedString> cache = new HashMap<>();
    private final String[] slotText = new String[SLOTS];
    private final SerializedString[] slotSerialized = new SerializedString[SLOTS];

    /**
     * {@code s} pre-encoded, from the cache, when it is short and needs no escape (printable ASCII
     * but {@code "} and {@code \\}: Jackson's standard quoting, which a {@link SerializedString} uses,
     * is then the contract's); else null.
     */
    SerializedString get(String s) {
        int h = s.hashCode();
        int slot = (h ^ h >>> 10) & (SLOTS - 1);
        String front = slotText[slot];
        if (front == s || front != null && front.equals(s)) {
            SerializedString hit = slotSerialized[slot];
            return hit == ESCAPED ? null : hit;
        }
        SerializedString cached = cache.get(s);
        if (cached == null) {
            if (s.length() > CACHEABLE_LENGTH || cache.size() >= CACHE_LIMIT) {
                return null;
            }
            cached = ESCAPED;
            if (plain(s)) {
                cached = new SerializedString(s);
                cached.asQuotedUTF8(); // encoded once, here
            }
            cache.put(s, cached);
        }
        slotText[slot] = s;
        slotSerialized[slot] = cached;
        return cached == ESCAPED ? null : cached;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
