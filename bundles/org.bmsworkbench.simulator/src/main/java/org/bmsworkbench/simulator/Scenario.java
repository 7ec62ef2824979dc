package org.bmsworkbench.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to the simulated Master LV over virtual time, chosen with {@code scenario=}.
 * Each is a script: a function of the seconds since start that sets the {@link Environment}
 * (the README lists what each does, in order).
 */
public enum Scenario {
    NORMAL("normal", "a day of use: 20 min discharge at 0.15 C, 5 min rest, 15 min charge at 0.2 C, repeated; no alarms",
            70, 22, ScenarioScripts::normal),
    CHARGING("charging", "a charger asks 0.5 C from 55 %; the charge current limit tapers above 90 % to 0 at 100 %",
            55, 20, ScenarioScripts::charging),
    DISCHARGING("discharging", "a load asks 0.5 C from 60 %; the discharge current limit tapers below 20 % to 0 at 2 %",
            60, 20, ScenarioScripts::discharging),
    HIGH_TEMPERATURE("high-temperature", "0.3 C discharge while the ambient climbs from 30 to 62 °C, holds, then cools to 20 °C",
            80, 30, ScenarioScripts::highTemperature),
    LOW_TEMPERATURE_CHARGE("low-temperature-charge", "0.3 C charge while the ambient falls from 12 to −6 °C, holds, then warms to 15 °C",
            40, 12, ScenarioScripts::lowTemperatureCharge),
    CELL_IMBALANCE("cell-imbalance", "cell 2 drifts 0.26 V below the others, stays, then balancing brings it back",
            60, 20, ScenarioScripts::cellImbalance),
    OVER_VOLTAGE("over-voltage", "a charger on a relay ignores the charge limits at 97 % until the BMS opens its relay; switched off at 400 s, then a 0.2 C load",
            97, 20, ScenarioScripts::overVoltage),
    UNDER_VOLTAGE("under-voltage", "a 0.3 C load on a relay ignores the discharge limits at 6 % until the BMS opens its relay; off at 1000 s, a 0.2 C charger from 1100 s",
            6, 20, ScenarioScripts::underVoltage),
    SHORT_CIRCUIT("short-circuit", "an inrush of 0.95 C at 20 s, a short circuit at 40 s: contactor open, error 18 (a Safety lock by the default MG profile, else an automatic restart 30 s later)",
            80, 20, ScenarioScripts::shortCircuit),
    SAFETY_LOCK("safety-lock", "a 0.5 C charger wired past the BMS overcharges the cells to 3.9 V: Safety lock, error 13, until unlocked; the charger is removed at 300 s",
            97, 20, ScenarioScripts::safetyLock),
    COMMS_LOSS("comms-loss", "normal operation, then the BMS falls silent after 60 s", 70, 22, ScenarioScripts::commsLoss),
    NETWORK("network", "normal operation on a bus shared with other devices: on nmea2000 another maker's battery monitor,"
            + " a charger and a display holding address 0x20, with address claims and ISO requests (the MG at instance"
            + " base 32); on sma and general-bms an inverter's own frames 0x305 and 0x307", 70, 22, ScenarioScripts::normal);

    /** Sets the environment for a moment of the scenario. */
    @FunctionalInterface
    interface Script {
        void apply(double seconds, Environment environment);
    }

    private final String id;
    private final String description;
    private final double initialSoc;
    private final double initialAmbient;
    private final Script script;

    Scenario(String id, String description, double initialSoc, double initialAmbient, Script script) {
        this.id = id;
        this.description = description;
        this.initialSoc = initialSoc;
        this.initialAmbient = initialAmbient;
        this.script = script;
    }

    public String id() { return id; }
    public String description() { return description; }
    public double initialSoc() { return initialSoc; }
    public double initialAmbient() { return initialAmbient; }

    /** Sets {@code environment} for {@code seconds} after the start. */
    public void apply(double seconds, Environment environment) {
        script.apply(seconds, environment);
    }

    public static Optional<Scenario> byName(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static Set<String> ids() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.toUnmodifiableSet());
    }
}
