package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loading a vendor's library on first use: where it is looked for, the one line when it is not there, trying again. */
class VendorLibraryTest {
    private final List<String> asked = new ArrayList<>();

    private final class Acme extends VendorLibrary<Object> {
        Acme(String path, String os, Loader<Object> loader) {
            super("ACME's", "CANfoo", "bmswb.acme.library", "BMSWB_ACME_LIBRARY", path, os, loader);
        }

        @Override
        public String fileName() {
            return windows() ? "canfoo.dll" : "libcanfoo.so";
        }

        @Override
        protected String systemName() {
            return "canfoo";
        }

        @Override
        protected String whereFrom() {
            return "install ACME's drivers";
        }

        @Override
        protected String unsupported() {
            return mac() ? "no CANfoo for macOS" : null;
        }
    }

    private Acme missing(String path, String os, String error) {
        return new Acme(path, os, name -> {
            asked.add(name);
            throw new UnsatisfiedLinkError(error);
        });
    }

    @Test
    void aMissingLibrarySaysWhatToInstallAndIsLookedForAgainNextTime() throws IOException {
        Acme acme = missing(null, "Linux", "Unable to load library 'canfoo':\nlibcanfoo.so: cannot open shared object file");
        assertEquals(Optional.of("ACME's CANfoo library libcanfoo.so is not installed: install ACME's drivers"),
                acme.unavailable());
        assertThrows(IOException.class, acme::get);
        assertEquals(List.of("canfoo", "canfoo"), asked);

        Object api = new Object();
        Acme found = new Acme("  ", "Windows 11", name -> {
            asked.add(name);
            return api;
        });
        assertSame(api, found.get());
        assertSame(api, found.get());
        assertEquals(Optional.empty(), found.unavailable());
        assertEquals(List.of("canfoo", "canfoo", "canfoo"), asked, "loaded once, by its system name");
        assertEquals("canfoo.dll", found.fileName());
    }

    @Test
    void aNamedFileThatIsNotThereOrDoesNotLoadIsNamed() throws Exception {
        assertEquals("CANfoo library /nonexistent/libcanfoo.so (named by bmswb.acme.library or BMSWB_ACME_LIBRARY)"
                + " does not exist; install ACME's drivers",
                missing("/nonexistent/libcanfoo.so", "Linux", "x").unavailable().orElseThrow());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("libcanfoo", ".so");
        try {
            assertEquals("CANfoo library " + file + " does not load (" + file + ": invalid ELF header)",
                    missing(file.toString(), "Mac OS X", "  " + file + ": invalid ELF header\nmore").unavailable()
                            .orElseThrow());
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertEquals(List.of(file.toString()), asked, "a named file is loaded on macOS too");
        assertEquals("no CANfoo for macOS", missing(null, "Darwin", "x").unavailable().orElseThrow());
        assertEquals("JNA's native part (jnidispatch) does not load on this system, so ACME's library cannot be called"
                + " (Native library (linux-x86-64/libjnidispatch.so) not found)",
                missing(null, "Linux", "Native library (linux-x86-64/libjnidispatch.so) not found\nin resource path")
                        .unavailable().orElseThrow());
    }

    @Test
    void theFirstLineOfAFailureIsItsMessageOrItsKind() {
        assertEquals("a", NativeLibrary.firstLine(new UnsatisfiedLinkError(" a \n b")));
        assertEquals("NoClassDefFoundError", NativeLibrary.firstLine(new NoClassDefFoundError()));
    }
}
