package org.bmsworkbench.can.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns an adapter's clock (microseconds since its driver started) into wall-clock
 * microseconds: the first frame anchors the adapter's time to the host's, later frames keep the
 * adapter's spacing; a jump of more than a second either way (the adapter was re-plugged, the
 * host clock was set) anchors again. One per channel, used by its reader thread only.
 */
@ProviderType
public final class AdapterTime {
    private static final long JUMP_MICROS = 1_000_000;
    private long offset;
    private boolean anchored;

    /** Wall-clock microseconds of an adapter time read at host time {@code hostMicros}. */
    public long toWallClock(long adapterMicros, long hostMicros) {
        long t = adapterMicros + offset;
        if (!anchored || Math.abs(t - hostMicros) > JUMP_MICROS) {
            offset = hostMicros - adapterMicros;
            anchored = true;
            t = hostMicros;
        }
        return t;
    }

    /** The next frame anchors again (the adapter was opened again). */
    public void reset() {
        anchored = false;
    }
}
