package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class BundleCacheTest {
    /** FNV-1a, 64 bit: the offset basis and the test vectors of the FNV authors (draft-eastlake-fnv, "a", "foobar"). */
    @Test
    void hashIsSixteenHexDigitsOfFnv1a64() {
        assertEquals("cbf29ce484222325", BundleCache.hash(""));
        assertEquals("af63dc4c8601ec8c", BundleCache.hash("a"));
        assertEquals("85944171f73967e8", BundleCache.hash("foobar"));
    }

    @Test
    void aChangedJarChangesTheFingerprintsInput() {
        assertNotEquals(BundleCache.hash("a.jar 100 1700000000000"), BundleCache.hash("a.jar 100 1700000000001"));
    }
}
