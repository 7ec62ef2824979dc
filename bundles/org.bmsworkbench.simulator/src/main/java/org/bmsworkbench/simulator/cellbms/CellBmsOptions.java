package org.bmsworkbench.simulator.cellbms;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.StreamLink;

/**
 * Everything that configures one simulated JBD or Daly, from a {@code sim:?device=jbd|daly} URI.
 *
 * @param make     JBD or Daly
 * @param scenario what happens over time
 * @param cells    cells in series, 4..32
 * @param speed    time scale, 1..1000
 * @param seed     seeds answer delays, chunk splits and sensor offsets: same seed, same bytes
 * @param serial   1..16 printable ASCII characters (the JBD answers it as its device name, register 0x05)
 * @param link     UART (chunks of a byte stream) or, for a Daly only, CAN
 * @param poll     the poll period the channel's {@link StreamLink} announces
 */
public record CellBmsOptions(CellBmsMake make, LockoutScenario scenario, int cells, int speed, long seed,
        String serial, Link link, Duration poll) {

    /** How the BMS is reached. */
    public enum Link { UART, CAN }

    /** The option names a {@code sim:} URI of a JBD or Daly may carry. */
    public static final Set<String> OPTION_NAMES = Set.of("device", "scenario", "cells", "speed", "seed", "serial",
            "link", "poll");
    public static final int MIN_CELLS = 4;
    public static final int MAX_CELLS = 32;
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7E]{1,16}");

    public CellBmsOptions {
        Objects.requireNonNull(make, "make");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(poll, "poll");
        if (cells < MIN_CELLS || cells > MAX_CELLS) {
            throw new IllegalArgumentException("cells " + cells + " is outside " + MIN_CELLS + ".." + MAX_CELLS);
        }
        if (speed < 1 || speed > 1000) {
            throw new IllegalArgumentException("speed " + speed + " is outside 1..1000");
        }
        if (!SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial '" + serial + "' must be 1 to 16 printable ASCII characters");
        }
        if (link == Link.CAN && make != CellBmsMake.DALY) {
            throw new IllegalArgumentException("only a Daly has a CAN link; a " + make.displayName() + " has a UART");
        }
    }

    /** A make's defaults: scenario normal, its default cell count, speed 1, seed 1, UART, poll 1 s. */
    public static CellBmsOptions defaults(CellBmsMake make) {
        return new CellBmsOptions(make, LockoutScenario.NORMAL, make.defaultCells(), 1, 1, defaultSerial(make),
                Link.UART, StreamLink.DEFAULT_POLL_PERIOD);
    }

    public static String defaultSerial(CellBmsMake make) {
        return make == CellBmsMake.JBD ? "JBD-SP16S-SIM01" : "DALY-SIM-0001";
    }

    public CellBmsOptions withScenario(LockoutScenario s) {
        return new CellBmsOptions(make, s, cells, speed, seed, serial, link, poll);
    }

    public CellBmsOptions withCells(int n) {
        return new CellBmsOptions(make, scenario, n, speed, seed, serial, link, poll);
    }

    public CellBmsOptions withSeed(long s) {
        return new CellBmsOptions(make, scenario, cells, speed, s, serial, link, poll);
    }

    public CellBmsOptions withLink(Link l) {
        return new CellBmsOptions(make, scenario, cells, speed, seed, serial, l, poll);
    }

    /** The CAN bus bit rate of a Daly on CAN, else 0 (a byte stream has none here). */
    public int bitrate() {
        return link == Link.CAN ? 250_000 : 0;
    }

    /**
     * Reads a {@code sim:?device=jbd|daly} URI; every option is checked and a bad one throws
     * {@link InvalidUriException} naming the URI, the option and what is allowed.
     */
    public static CellBmsOptions parse(ConnectionUri uri) {
        uri.requireOnly(OPTION_NAMES);
        if (uri.authority() != null || !uri.path().isEmpty()) {
            throw new InvalidUriException("'" + uri + "': the simulator takes options only, e.g. sim:?device=jbd");
        }
        String device = uri.option("device").map(String::strip).orElse("");
        CellBmsMake make = CellBmsMake.byId(device.toLowerCase(java.util.Locale.ROOT)).orElseThrow(
                () -> new InvalidUriException("'" + uri + "': option device=" + device + " is not jbd or daly"));
        LockoutScenario scenario = LockoutScenario.byName(uri.choiceOption("scenario", LockoutScenario.NORMAL.id(),
                LockoutScenario.ids())).orElseThrow();
        int cells = uri.intOption("cells", make.defaultCells(), MIN_CELLS, MAX_CELLS);
        int speed = uri.intOption("speed", 1, 1, 1000);
        long seed = uri.longOption("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        String serial = uri.option("serial").map(String::strip).orElse(defaultSerial(make));
        if (!SERIAL.matcher(serial).matches()) {
            throw new InvalidUriException("'" + uri + "': option serial=" + serial
                    + " must be 1 to 16 printable ASCII characters without blanks");
        }
        Link link = Link.valueOf(uri.choiceOption("link", "uart", Set.of("uart", "can")).toUpperCase(java.util.Locale.ROOT));
        if (link == Link.CAN && make != CellBmsMake.DALY) {
            throw new InvalidUriException("'" + uri + "': option link=can is for device=daly only (a "
                    + make.displayName() + " is reached over its UART)");
        }
        Duration poll = Duration.ofMillis(uri.longOption("poll", StreamLink.DEFAULT_POLL_PERIOD.toMillis(), 100,
                3_600_000));
        return new CellBmsOptions(make, scenario, cells, speed, seed, serial, link, poll);
    }

    @Override
    public String toString() {
        return "sim:?device=" + make.id() + "&scenario=" + scenario.id() + "&cells=" + cells + "&speed=" + speed
                + "&seed=" + seed + "&serial=" + serial + "&link=" + link.name().toLowerCase(java.util.Locale.ROOT)
                + "&poll=" + poll.toMillis();
    }
}
