package org.bmsworkbench.can.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns bus-name bytes into shared Strings, so a log of a few buses allocates no name per line. */
final class BusNames {
    private static final int MAX_CACHED = 64;
    private byte[][] keys = new byte[4][];
    private String[] names = new String[4];
    private int size;
    private int last = -1;

    String name(byte[] b, int from, int to) {
        int len = to - from;
        if (last >= 0 && same(keys[last], b, from, len)) {
            return names[last]; // a name of a few bytes, the same line after line: compared in place
        }
        for (int i = 0; i < size; i++) {
            if (same(keys[i], b, from, len)) {
                last = i;
                return names[i];
            }
        }
        String name = new String(b, from, len, StandardCharsets.UTF_8);
        if (size < MAX_CACHED) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                names = Arrays.copyOf(names, size * 2);
            }
            keys[size] = Arrays.copyOfRange(b, from, to);
            names[size] = name;
            last = size++;
        }
        return name;
    }

    private static boolean same(byte[] key, byte[] b, int from, int len) {
        if (key.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
