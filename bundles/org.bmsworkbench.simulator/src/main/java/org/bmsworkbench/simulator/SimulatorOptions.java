package org.bmsworkbench.simulator;

import java.util.Set;
import java.util.regex.Pattern;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;

/**
 * Everything that configures one simulated MG Master LV, from a {@code sim:} URI or built in code.
 *
 * @param protocol     {@code general-bms} (default), {@code sma} or {@code nmea2000}
 * @param scenario     what happens over time
 * @param serial       the 16-character BMS serial number (0x380/0x381, the unlock code)
 * @param seed         seeds measurement noise and sensor offsets: same seed, same frames
 * @param speed        time scale, 1..1000 (10 = ten times faster than real time)
 * @param series       12.8 V batteries in series (1..4: 12, 24, 36 or 48 V)
 * @param parallel     strings in parallel (1..24)
 * @param capacityAh   installed capacity of the whole pack in Ah
 * @param instance     NMEA 2000 data instance base: 0, 32, ... 224 (a {@code sim:} URI of the {@code network}
 *                     scenario without {@code instance} gives {@value #NETWORK_INSTANCE})
 * @param combined     Combined BMS (VREG 0x0377): after a restart wait in standby for a start command
 */
public record SimulatorOptions(String protocol, Scenario scenario, String serial, long seed, int speed,
        int series, int parallel, int capacityAh, int instance, boolean combined) {

    public static final String DEFAULT_PROTOCOL = "general-bms";
    public static final String DEFAULT_SERIAL = "MG0000SIM0000001";
    public static final Set<String> PROTOCOLS = Set.of("sma", "general-bms", "nmea2000");
    public static final int CELLS_PER_BATTERY = 4;
    static final Set<String> OPTION_NAMES = Set.of("device", "protocol", "scenario", "serial", "seed", "speed",
            "batteries", "series", "parallel", "capacity", "voltage", "instance", "combined");
    /** The {@code device} option: {@code mg} (this Master LV, the default), {@code jbd}, {@code daly}. */
    public static final String DEVICE_MG = "mg";
    public static final Set<String> DEVICES = Set.of(DEVICE_MG, "jbd", "daly");
    /** The MG Master LV's data instance base on the {@code network} scenario unless {@code instance} is given. */
    public static final int NETWORK_INSTANCE = 32;
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7E]{1,16}");

    public SimulatorOptions {
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("protocol " + protocol + " is not one of " + PROTOCOLS);
        }
        if (!SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial '" + serial + "' must be 1 to 16 printable ASCII characters");
        }
        check(speed, 1, 1000, "speed");
        check(series, 1, 4, "series");
        check(parallel, 1, 24, "parallel");
        check(capacityAh, 1, 65_000, "capacity");
        check(instance, 0, 224, "instance");
        if (instance % 32 != 0) {
            throw new IllegalArgumentException("instance " + instance + " is not a multiple of 32");
        }
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
        }
    }

    /** A 48 V, 200 Ah General BMS Master LV running the {@code normal} scenario at real time. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(DEFAULT_PROTOCOL, Scenario.NORMAL, DEFAULT_SERIAL, 1, 1, 4, 1, 200, 0, false);
    }

    public SimulatorOptions withProtocol(String p) {
        return new SimulatorOptions(p, scenario, serial, seed, speed, series, parallel, capacityAh, instance, combined);
    }

    public SimulatorOptions withScenario(Scenario s) {
        return new SimulatorOptions(protocol, s, serial, seed, speed, series, parallel, capacityAh, instance, combined);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(protocol, scenario, serial, s, speed, series, parallel, capacityAh, instance, combined);
    }

    public SimulatorOptions withCombined(boolean c) {
        return new SimulatorOptions(protocol, scenario, serial, seed, speed, series, parallel, capacityAh, instance, c);
    }

    public SimulatorOptions withInstance(int i) {
        return new SimulatorOptions(protocol, scenario, serial, seed, speed, series, parallel, capacityAh, i, combined);
    }

    public int batteries() {
        return series * parallel;
    }

    /** Cells in series in the pack (4 per 12.8 V battery). */
    public int cellsInSeries() {
        return series * CELLS_PER_BATTERY;
    }

    /** Nominal system voltage class: 12, 24, 36 or 48. */
    public int nominalVoltage() {
        return series * 12;
    }

    /**
     * Reads a {@code sim:} URI. Every option is checked; a bad one throws
     * {@link InvalidUriException} naming the option, the value and what is allowed.
     */
    public static SimulatorOptions parse(ConnectionUri uri) {
        if (!device(uri).equals(DEVICE_MG)) {
            throw new InvalidUriException("'" + uri + "': option device=" + device(uri)
                    + " is not the MG Master LV; its options are read by CellBmsOptions");
        }
        uri.requireOnly(OPTION_NAMES);
        if (uri.authority() != null || !uri.path().isEmpty()) {
            throw new InvalidUriException("'" + uri + "': the simulator takes options only, e.g. sim:?protocol=sma");
        }
        SimulatorOptions d = defaults();
        String protocol = uri.choiceOption("protocol", d.protocol(), PROTOCOLS);
        Scenario scenario = Scenario.byName(uri.choiceOption("scenario", d.scenario().id(), Scenario.ids()))
                .orElseThrow();
        String serial = uri.option("serial").map(String::strip).orElse(d.serial());
        if (!SERIAL.matcher(serial).matches()) {
            throw new InvalidUriException("'" + uri + "': option serial=" + serial
                    + " must be 1 to 16 printable ASCII characters without blanks");
        }
        long seed = uri.longOption("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
        int speed = uri.intOption("speed", d.speed(), 1, 1000);
        int series = seriesOf(uri, d.series());
        int parallel = uri.intOption("parallel", 0, 1, 24);
        int batteries = uri.intOption("batteries", 0, 1, 96);
        if (parallel == 0) {
            if (batteries != 0 && batteries % series != 0) {
                throw new InvalidUriException("'" + uri + "': option batteries=" + batteries
                        + " is not a multiple of the " + series + " batteries in series");
            }
            parallel = batteries == 0 ? 1 : batteries / series;
            if (parallel > 24) {
                throw new InvalidUriException("'" + uri + "': option batteries=" + batteries + " makes "
                        + parallel + " strings in parallel; at most 24");
            }
        } else if (batteries != 0 && batteries != series * parallel) {
            throw new InvalidUriException("'" + uri + "': option batteries=" + batteries + " is not series "
                    + series + " × parallel " + parallel + " = " + series * parallel);
        }
        int capacity = uri.intOption("capacity", 200 * parallel, 1, 65_000);
        int instance = uri.intOption("instance", scenario == Scenario.NETWORK ? NETWORK_INSTANCE : 0, 0, 224);
        if (instance % 32 != 0) {
            throw new InvalidUriException("'" + uri + "': option instance=" + instance
                    + " is not a data instance base (0, 32, 64, ... 224)");
        }
        boolean combined = uri.booleanOption("combined", false);
        return new SimulatorOptions(protocol, scenario, serial, seed, speed, series, parallel, capacity, instance,
                combined);
    }

    /**
     * The simulated device a {@code sim:} URI names: {@code mg} (default), {@code jbd} or {@code daly}.
     *
     * @throws InvalidUriException when {@code device} names another
     */
    public static String device(ConnectionUri uri) {
        return uri.choiceOption("device", DEVICE_MG, DEVICES);
    }

    private static int seriesOf(ConnectionUri uri, int dflt) {
        int voltage = (int) uri.longOption("voltage", 0, 12, 48);
        if (uri.option("voltage").isPresent() && voltage % 12 != 0) {
            throw new InvalidUriException("'" + uri + "': option voltage=" + voltage + " is not one of 12, 24, 36, 48");
        }
        int series = uri.intOption("series", 0, 1, 4);
        if (voltage != 0 && series != 0 && voltage / 12 != series) {
            throw new InvalidUriException("'" + uri + "': option voltage=" + voltage + " needs series=" + voltage / 12
                    + ", not series=" + series + " (one 12.8 V battery per 12 V)");
        }
        return series != 0 ? series : voltage != 0 ? voltage / 12 : dflt;
    }

    @Override
    public String toString() {
        return "sim:?protocol=" + protocol + "&scenario=" + scenario.id() + "&serial=" + serial + "&seed=" + seed
                + "&speed=" + speed + "&series=" + series + "&parallel=" + parallel + "&capacity=" + capacityAh
                + "&instance=" + instance + "&combined=" + combined;
    }
}
