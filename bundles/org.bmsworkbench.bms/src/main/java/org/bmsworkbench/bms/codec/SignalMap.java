package org.bmsworkbench.bms.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The signals of one decoded message: an immutable map whose keys are fixed by the message
 * layout and whose values sit in an array, in the message's order. Decoding fills an array
 * and wraps it; no hashing, no entry objects, and {@link #forEach} runs over the arrays.
 * Values may be null (the field's not-available marker).
 */
public final class SignalMap extends AbstractMap<String, Object> {

    /** The keys of one message, in order, shared by every map decoded from it. */
    public static final class Keys {
        private final String[] keys;

        public Keys(List<String> keys) {
            this.keys = keys.toArray(new String[0]);
            if (Set.of(this.keys).size() != this.keys.length) {
                throw new IllegalArgumentException("duplicate key in " + keys);
            }
        }

        public int size() {
            return keys.length;
        }

        /** A map over {@code values}, which the caller hands over (one value per key, in key order). */
        public SignalMap wrap(Object[] values) {
            if (values.length != keys.length) {
                throw new IllegalArgumentException(values.length + " values for " + keys.length + " keys");
            }
            return new SignalMap(keys, values);
        }
    }

    private final String[] keys;
    private final Object[] values;

    private SignalMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof SignalMap m && m.keys == keys) {
            return Arrays.equals(m.values, values);
        }
        return super.equals(o);
    }
}
