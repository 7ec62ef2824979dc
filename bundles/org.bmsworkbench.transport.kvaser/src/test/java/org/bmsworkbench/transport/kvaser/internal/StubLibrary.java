package org.bmsworkbench.transport.kvaser.internal;

import com.sun.jna.Native;
import java.nio.file.Path;
import org.bmsworkbench.can.testing.StubBus;
import org.bmsworkbench.can.testing.StubBusLibrary;

/**
 * The stub CANlib library of {@code src/test/c} (Kvaser's function names and codes over the
 * shared small bus of {@link StubBusLibrary}), compiled with the machine's gcc into
 * {@code target/stub/libcanlib.so} once per test run. Tests that need it are skipped, saying why,
 * when there is no gcc or the machine is not Linux.
 */
final class StubLibrary {
    private static final StubBusLibrary STUB = new StubBusLibrary("stub CANlib library", Path.of("src/test/c"),
            Path.of("target/stub/libcanlib.so"));

    /** The bus's test controls and the one the CANlib stub adds (canlib_stub.c). */
    interface Control extends StubBus {
        long stub_kvaser_writes_while_silent();
    }

    private StubLibrary() {
    }

    /** The stub's test controls, reset to a quiet bus: plugged in, no loopback, bus active, no generated frames. */
    static Control control() {
        return STUB.control(Control.class);
    }

    /** A library handle on the stub, as the transport loads it. */
    static CanlibLibrary library() {
        return new CanlibLibrary(STUB.path().toString(), "Linux", name -> Native.load(name, Canlib.class));
    }
}
