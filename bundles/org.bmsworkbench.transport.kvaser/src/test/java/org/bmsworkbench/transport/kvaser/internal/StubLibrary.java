package org.bmsworkbench.transport.kvaser.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stub CANlib library of {@code src/test/c} (Kvaser's function names and codes over a small
 * simulated bus), compiled with the machine's gcc into {@code target/stub/libcanlib.so} once
 * per test run. Tests that need it are skipped, saying why, when there is no gcc or the machine
 * is not Linux.
 */
final class StubLibrary {
    static final Path SOURCES = Path.of("src/test/c");
    static final Path LIBRARY = Path.of("target/stub/libcanlib.so").toAbsolutePath();
    private static String failure;
    private static boolean built;
    private static Control control;

    /** The functions the stub adds for tests (stub_bus.h). */
    interface Control extends Library {
        void stub_set_unplugged(int on);

        void stub_set_loopback(int on);

        void stub_set_bus_state(int state);

        void stub_set_rate(int framesPerSecond);

        long stub_written();

        int stub_last_written(int[] id, byte[] data);

        int stub_queue(int channel, int id, int extended, int len, byte[] data);

        int stub_open_channels();

        long stub_kvaser_writes_while_silent();
    }

    private StubLibrary() {
    }

    /** Builds the stub if needed and returns its path; skips the test (with the reason) when it cannot be built. */
    static synchronized Path path() {
        if (!built && failure == null) {
            failure = build();
            built = failure == null;
        }
        assumeTrue(failure == null, () -> "stub CANlib library not built: " + failure);
        return LIBRARY;
    }

    /** The stub's test controls, reset to a quiet bus: plugged in, no loopback, bus active, no generated frames. */
    static synchronized Control control() {
        Path p = path();
        if (control == null) {
            control = Native.load(p.toString(), Control.class);
        }
        control.stub_set_unplugged(0);
        control.stub_set_loopback(0);
        control.stub_set_bus_state(0);
        control.stub_set_rate(0);
        return control;
    }

    /** A library handle on the stub, as the transport loads it. */
    static CanlibLibrary library() {
        return new CanlibLibrary(path().toString(), "Linux", name -> Native.load(name, Canlib.class));
    }

    private static String build() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "the stub is built as a Linux shared library; this is " + System.getProperty("os.name");
        }
        List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-shared",
                "-fPIC", "-fvisibility=hidden", "-O2", "-o", LIBRARY.toString()));
        try {
            Files.createDirectories(LIBRARY.getParent());
            try (var files = Files.list(SOURCES)) {
                files.filter(f -> f.toString().endsWith(".c")).sorted().forEach(f -> command.add(f.toString()));
            }
            command.add("-lpthread");
            Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(gcc.getInputStream().readAllBytes());
            if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                return "gcc took over a minute";
            }
            return gcc.exitValue() == 0 ? null : "gcc failed: " + output.strip();
        } catch (IOException e) {
            return "no gcc on this machine (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
