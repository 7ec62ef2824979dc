package org.bmsworkbench.can.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stub vendor library for a transport's tests: the vendor stub's C sources (a folder of
 * {@code *.c}) and the shared small bus {@code stub/stub_bus.c} and {@code stub_bus.h} of this jar
 * (extracted next to the library), compiled with the machine's gcc into one shared library once
 * per test run. Tests that need it are skipped, saying why, when there is no gcc or the machine
 * is not Linux.
 */
public final class StubBusLibrary {
    private static final String[] SHARED = {"stub_bus.c", "stub_bus.h"};
    private final String what;
    private final Path sources;
    private final Path library;
    private String failure;
    private boolean built;
    private StubBus control;

    /**
     * @param what    what the library is, for the skip message: {@code "stub PCAN-Basic library"}
     * @param sources the folder of the vendor stub's {@code *.c} files (they include {@code "stub_bus.h"})
     * @param library the shared library to build: {@code target/stub/libpcanbasic.so}
     */
    public StubBusLibrary(String what, Path sources, Path library) {
        this.what = what;
        this.sources = sources;
        this.library = library.toAbsolutePath();
    }

    /** Builds the library if needed and returns its path; skips the test (with the reason) when it cannot be built. */
    public synchronized Path path() {
        if (!built && failure == null) {
            failure = compile(library, sources);
            built = failure == null;
        }
        assumeTrue(failure == null, () -> what + " not built: " + failure);
        return library;
    }

    /**
     * The library's test controls ({@code type} is {@link StubBus} or an interface that extends it
     * with the vendor stub's own), loaded once and reset to a quiet bus: plugged in, no loopback,
     * bus active, no generated frames.
     */
    public synchronized <C extends StubBus> C control(Class<C> type) {
        Path p = path();
        if (control == null) {
            control = Native.load(p.toString(), type);
        }
        C c = type.cast(control);
        c.stub_set_unplugged(0);
        c.stub_set_loopback(0);
        c.stub_set_bus_state(0);
        c.stub_set_rate(0);
        return c;
    }

    /**
     * Compiles the {@code *.c} of {@code sources} with the shared stub bus into {@code library}
     * (warnings are errors); returns null, or why not: {@code "no gcc on this machine (…)"},
     * {@code "gcc failed: …"}, ….
     */
    public static String compile(Path library, Path sources) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "the stub is built as a Linux shared library; this is " + System.getProperty("os.name");
        }
        try {
            Path shared = Files.createDirectories(library.toAbsolutePath().getParent().resolve("stub_bus"));
            for (String name : SHARED) {
                try (InputStream in = StubBusLibrary.class.getResourceAsStream("stub/" + name)) {
                    if (in == null) {
                        return "stub/" + name + " is missing from org.bmsworkbench.can.testing";
                    }
                    Files.copy(in, shared.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-shared",
                    "-fPIC", "-fvisibility=hidden", "-O2", "-I" + shared, "-o", library.toAbsolutePath().toString()));
            try (Stream<Path> files = Files.list(sources)) {
                files.filter(f -> f.toString().endsWith(".c")).sorted().forEach(f -> command.add(f.toString()));
            }
            command.add(shared.resolve("stub_bus.c").toString());
            command.add("-lpthread");
            Process gcc;
            try {
                gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                return "no gcc on this machine (" + e.getMessage() + ")";
            }
            String output = new String(gcc.getInputStream().readAllBytes());
            if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                return "gcc took over a minute";
            }
            return gcc.exitValue() == 0 ? null : "gcc failed: " + output.strip();
        } catch (IOException e) {
            return "cannot build " + library + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
