package org.bmsworkbench.transport.slcan.internal.protocol;

/**
 * Turns the adapter's wrapping millisecond timestamps ({@code Z1}) into microseconds since
 * the epoch, unwrapped against the host's clock.
 *
 * <p>LAWICEL adapters count 0..59,999 ms ({@code 0xEA5F}) and wrap; a value of 60,000 or more
 * shows an adapter counting the full 16 bits, and the period becomes 65,536 from then on.
 * The first frame is placed at the host's time of receipt. Each later frame advances by the
 * adapter's difference to the frame before, plus as many whole periods as best match the
 * host time that passed (so a silence longer than a period is not lost). A frame is never
 * placed after its host time of receipt, nor more than {@link #MAX_LAG_MICROS} before it:
 * either re-anchors the adapter's clock on the host's (clocks drift apart by up to some
 * 100 ppm). One instance per opening of the port; not thread-safe.
 */
public final class AdapterClock {
    static final int LAWICEL_PERIOD = 60_000;
    static final int FULL_PERIOD = 65_536;
    static final long MAX_LAG_MICROS = 500_000;

    private int period = LAWICEL_PERIOD;
    private boolean started;
    private int lastRaw;
    private long lastHostMicros;
    private long adapterMillis;
    private long baseMicros;

    /** {@code raw}: the adapter's timestamp 0..0xFFFF; {@code hostMicros}: when the line arrived. */
    public long toMicros(int raw, long hostMicros) {
        if (raw >= period) {
            period = FULL_PERIOD;
        }
        if (!started) {
            started = true;
            adapterMillis = raw;
            baseMicros = hostMicros - raw * 1000L;
        } else {
            long hostElapsedMillis = Math.max(0, (hostMicros - lastHostMicros) / 1000);
            int delta = Math.floorMod(raw - lastRaw, period);
            long wraps = Math.max(0, Math.round((hostElapsedMillis - delta) / (double) period));
            adapterMillis += delta + wraps * period;
        }
        lastRaw = raw;
        lastHostMicros = hostMicros;
        long t = baseMicros + adapterMillis * 1000;
        if (t > hostMicros || t < hostMicros - MAX_LAG_MICROS) {
            baseMicros += hostMicros - t;
            t = hostMicros;
        }
        return t;
    }

    /** The wrap period in use, in milliseconds. */
    public int period() {
        return period;
    }
}
