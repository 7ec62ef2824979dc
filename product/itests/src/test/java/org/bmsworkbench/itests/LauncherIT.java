package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the launcher does between runs: the plugins/ folder, a damaged cache, a broken product. */
class LauncherIT {

    @Test
    void pluginsAddedOrDeletedWhileStoppedAreSeenByTheVeryNextCommand() throws IOException {
        // every protocol bundle is left out, so that the dropped one is the only protocol
        try (Bmswb bmswb = Bmswb.copy("org.bmsworkbench.protocol.")) {
            assertTrue(bmswb.run("protocols").err().contains("no protocol is installed"));

            Files.copy(ProductBundles.jar("org.bmsworkbench.protocol.sma"), bmswb.home.resolve("plugins/sma.jar"));
            Bmswb.Result added = bmswb.run("protocols");
            assertEquals(0, added.status(), added::toString);
            assertTrue(added.out().contains("sma"), added::toString);

            Files.delete(bmswb.home.resolve("plugins/sma.jar"));
            Bmswb.Result removed = bmswb.run("protocols");
            assertTrue(removed.err().contains("no protocol is installed"), removed::toString);
        }
    }

    @Test
    void aDamagedBundleCacheIsRebuiltWithoutTheUsersHelp() throws IOException {
        try (Bmswb bmswb = Bmswb.copy()) {
            assertEquals(0, bmswb.run("protocols").status());
            // Damage every cached copy of the command-line bundle, as a full disk or a crash might.
            try (Stream<Path> files = Files.walk(bmswb.userDir.resolve("cache"))) {
                for (Path info : files.filter(p -> p.getFileName().toString().equals("bundle.info")).toList()) {
                    if (Files.readString(info).contains("org.bmsworkbench.cli")) {
                        try (Stream<Path> jars = Files.walk(info.getParent())) {
                            for (Path jar : jars.filter(p -> p.getFileName().toString().equals("bundle.jar")).toList()) {
                                Files.writeString(jar, "damaged");
                            }
                        }
                    }
                }
            }
            Bmswb.Result repaired = bmswb.run("decode", "--protocol", "sma", "--format", "jsonl",
                    bmswb.home.resolve("samples/mg-master-lv-sma.log").toString());
            assertEquals(0, repaired.status(), repaired::toString);
            assertTrue(repaired.out().startsWith("{\"time\":"), "stdout holds only JSONL: " + repaired);
            assertFalse(repaired.err().contains("\tat "), "no stack trace: " + repaired.err());
            assertEquals(0, bmswb.run("protocols").status());
        }
    }

    @Test
    void transportsThatCannotStartAreNamedInOneLineAndTheOthersStillServe() throws IOException {
        // Without JNA the PCAN and Kvaser transports cannot resolve; they start only when a command may open a bus.
        try (Bmswb bmswb = Bmswb.copy("jna-")) {
            for (int run = 0; run < 2; run++) { // the first run installs the bundles, the second reuses the cache
                Bmswb.Result r = bmswb.run("adapters");
                assertEquals(0, r.status(), r::toString);
                assertTrue(r.out().contains("replay"), r::toString);
                assertEquals(List.of("bmswb: 2 bundles could not start: org.bmsworkbench.transport.kvaser, "
                        + "org.bmsworkbench.transport.pcan (BMSWB_DEBUG=1 shows why)"), r.err().strip().lines().toList(),
                        "one line, not the resolver's explanations");
            }
            Bmswb.Result offline = bmswb.run("protocols");
            assertEquals("", offline.err(), "an offline command starts no transport: " + offline);
        }
    }

    @Test
    void aProductWithoutDeclarativeServicesFailsAtOnceWithOneReason() throws IOException {
        try (Bmswb bmswb = Bmswb.copy("org.apache.felix.scr")) {
            Bmswb.Result r = bmswb.run("protocols");
            assertEquals(1, r.status(), r::toString);
            List<String> lines = r.err().strip().lines().toList();
            assertTrue(lines.size() <= 2, "a summary, not the resolver's explanations: " + r.err());
            assertTrue(r.err().contains("the command line did not start"), r::toString);
            assertTrue(r.millis() < 15_000, "it did not wait for the full time-out: " + r.millis() + " ms");
        }
    }

    @Test
    void aSecondInstanceUsesAPrivateCacheAndRemovesItWhenStopped() throws Exception {
        try (Bmswb bmswb = Bmswb.copy()) {
            Process first = bmswb.builder("protocols", "--watch", "--duration", "60").start();
            Process second = null;
            try {
                awaitOutput(first);
                second = bmswb.builder("protocols", "--watch", "--duration", "60").start();
                awaitOutput(second);
                assertEquals(1, temporaryCaches(bmswb).size(), "the second instance's private cache");
                second.destroy(); // SIGTERM, as Ctrl-C or a service manager would
                assertTrue(second.waitFor(20, TimeUnit.SECONDS));
                assertEquals(List.of(), temporaryCaches(bmswb), "removed on exit");
            } finally {
                first.destroy();
                first.waitFor(20, TimeUnit.SECONDS);
                if (second != null) {
                    second.destroyForcibly();
                }
            }
        }
    }

    private static void awaitOutput(Process p) throws IOException {
        // The table's first line means the framework is up and the command runs.
        int c = p.getInputStream().read();
        assertTrue(c >= 0, "bmswb printed nothing");
    }

    private static List<Path> temporaryCaches(Bmswb bmswb) throws IOException {
        try (Stream<Path> s = Files.list(bmswb.userDir.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("tmp-")).toList();
        }
    }
}
