package org.bmsworkbench.transport.pcan.internal;

import com.sun.jna.Native;
import java.nio.file.Path;
import org.bmsworkbench.can.testing.StubBus;
import org.bmsworkbench.can.testing.StubBusLibrary;

/**
 * The stub PCAN-Basic library of {@code src/test/c} (PEAK's function names and codes over the
 * shared small bus of {@link StubBusLibrary}), compiled with the machine's gcc into
 * {@code target/stub/libpcanbasic.so} once per test run. Tests that need it are skipped, saying
 * why, when there is no gcc or the machine is not Linux.
 */
final class StubLibrary {
    private static final StubBusLibrary STUB = new StubBusLibrary("stub PCAN-Basic library", Path.of("src/test/c"),
            Path.of("target/stub/libpcanbasic.so"));

    /** The bus's test controls and the one the PCAN-Basic stub adds (pcanbasic_stub.c). */
    interface Control extends StubBus {
        long stub_pcan_writes_in_listen_only();
    }

    private StubLibrary() {
    }

    /** The stub's test controls, reset to a quiet bus: plugged in, no loopback, bus active, no generated frames. */
    static Control control() {
        return STUB.control(Control.class);
    }

    /** A library handle on the stub, as the transport loads it. */
    static PcanLibrary library() {
        return new PcanLibrary(STUB.path().toString(), "Linux", name -> Native.load(name, PcanBasic.class));
    }
}
