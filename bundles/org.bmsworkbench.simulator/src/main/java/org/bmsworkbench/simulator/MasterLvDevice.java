package org.bmsworkbench.simulator;

import java.util.SplittableRandom;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;

/**
 * The simulated MG Master LV: its pack, protections, state machine, error log, settings and
 * relay, stepped in 100 ms steps of virtual time. Plain Java, one owner thread, deterministic
 * for a seed.
 *
 * <p>States (VREG 0x0371): a boot walks initialising 0…8 (0.5 s each), then, with Combined
 * BMS, standby 14 until a start command and going-to-running 15 (1 s), then pre-charging 16
 * (2 s) and running 9 with the main contactor closed. A critical level (cell ≥ 3.90 V →
 * error 13, ≤ 2.30 V → 14, ≥ 65 °C → 15, ≤ −30 °C → 16) or a short circuit (→ 18) is state
 * 10 Error with that code, pushed onto the last errors, the cause's alarm latched and the
 * contactor open. When the MG device profile counts the code as a Safety lock (by default
 * 13–16 and 18) it stays so until the right unlock code is written to the profile's unlock
 * register ({@link SimulatorUnlockCodes}); otherwise the BMS restarts by itself 30 s later.
 * A restart is shutting down 12 (1 s), 2 s of silence, then a boot.
 */
public final class MasterLvDevice {
    public static final long STEP_MILLIS = 100;
    static final double STEP_S = STEP_MILLIS / 1000.0;
    static final double INIT_STEP_S = 0.5;
    static final double GOING_TO_RUNNING_S = 1;
    static final double PRE_CHARGE_S = 2;
    static final double SHUTTING_DOWN_S = 1;
    static final double REBOOT_SILENCE_S = 2;
    static final double AUTO_RESTART_S = 30;
    static final double CRITICAL_CELL_HIGH = 3.90;
    static final double CRITICAL_CELL_LOW = 2.30;
    static final double CRITICAL_TEMPERATURE_HIGH = 65;
    static final double CRITICAL_TEMPERATURE_LOW = -30;

    private final SimulatorOptions options;
    private final long epochMillis;
    private final DeviceProfile profile;
    private final BatteryPack pack;
    private final ProtectionMonitor protection = new ProtectionMonitor();
    private final ErrorLog errors = new ErrorLog();
    private final Environment environment = new Environment();
    private final SplittableRandom noise;
    private final int[] settings = new int[Setting.values().length];
    private long millis;
    private int state = BmsState.INITIALIZING_FIRST;
    private double stateSeconds;
    private int error = BmsState.ERROR_NONE;
    private boolean locked;
    private boolean contactorClosed;
    private boolean startCommand;
    private boolean chargeBlocked;
    private boolean dischargeBlocked;
    private boolean highVoltageStop;

    /**
     * @param epochMillis the wall-clock time (ms since the epoch, UTC) that virtual time 0 stands for
     * @param profile     the MG device profile: which error codes lock, the unlock register
     */
    public MasterLvDevice(SimulatorOptions options, long epochMillis, DeviceProfile profile) {
        this.options = options;
        this.epochMillis = epochMillis;
        this.profile = profile;
        Scenario scenario = options.scenario();
        this.pack = new BatteryPack(options, scenario.initialSoc(), scenario.initialAmbient());
        this.noise = new SplittableRandom(options.seed() * 31 + 7);
        for (Setting s : Setting.values()) {
            settings[s.ordinal()] = s.defaultValue();
        }
        settings[Setting.COMBINED_BMS.ordinal()] = options.combined() ? 1 : 0;
        ScenarioScripts.pastErrors(scenario, errors, epochMillis / 1000);
        scenario.apply(0, environment);
        protection.evaluate(pack);
    }

    /** Steps until virtual time {@code untilMillis} (whole 100 ms steps). */
    public void advanceTo(long untilMillis) {
        while (millis + STEP_MILLIS <= untilMillis) {
            step();
        }
    }

    private void step() {
        double t = (millis + STEP_MILLIS) / 1000.0;
        options.scenario().apply(t, environment);
        pack.setCellOffset(environment.offsetCell % pack.cells(), environment.offsetVolts);
        if (environment.shortCircuit && contactorClosed) {
            // the hardware short-circuit protection trips within microseconds: no step sees the current
            protection.latch(Protection.SHORT_CIRCUIT, false);
            fail(BmsState.ERROR_PROTECTION_SHUTDOWN);
        }
        pack.step(STEP_S, current(), environment.ambient);
        protection.evaluate(pack);
        updateBlocks();
        millis += STEP_MILLIS;
        stepState();
    }

    private double current() {
        if (!contactorClosed) {
            return 0;
        }
        double capacity = pack.capacityAh();
        if (environment.shortCircuit) {
            return -20 * capacity;
        }
        double jitter = 1 + 0.004 * (noise.nextDouble() + noise.nextDouble() + noise.nextDouble() - 1.5);
        double want = environment.demandC * capacity * jitter;
        return switch (environment.load) {
            case FOLLOWS_LIMITS -> Math.max(-dischargeCurrentLimit(), Math.min(chargeCurrentLimit(), want));
            case IGNORES_LIMITS -> want > 0 ? (allowedToCharge() ? want : 0) : (allowedToDischarge() ? want : 0);
            case IGNORES_BMS -> want;
        };
    }

    /**
     * An alarm that stops charging (discharging) keeps it stopped while raised; one stopped by a
     * high-voltage alarm stays stopped until the high-voltage warning is gone and the SOC has
     * fallen to 98 %, so that a charger on the relay does not knock at a full pack.
     */
    private void updateBlocks() {
        if (ChargeLimits.blocksCharge(protection)) {
            chargeBlocked = true;
            highVoltageStop |= protection.alarm(Protection.HIGH_VOLTAGE);
        } else if (chargeBlocked && (!highVoltageStop
                || !protection.warning(Protection.HIGH_VOLTAGE) && pack.socPercent() <= 98)) {
            chargeBlocked = false;
            highVoltageStop = false;
        }
        dischargeBlocked = ChargeLimits.blocksDischarge(protection);
    }

    private void stepState() {
        stateSeconds += STEP_S;
        switch (state) {
            case BmsState.RUNNING -> checkRunning();
            case BmsState.STANDBY -> {
                if (startCommand) {
                    enter(BmsState.GOING_TO_RUNNING);
                }
            }
            case BmsState.GOING_TO_RUNNING -> after(GOING_TO_RUNNING_S, BmsState.PRE_CHARGING);
            case BmsState.PRE_CHARGING -> {
                if (stateSeconds >= PRE_CHARGE_S - 1e-9) {
                    enter(BmsState.RUNNING);
                    contactorClosed = true;
                }
            }
            case BmsState.ERROR -> {
                if (!locked) {
                    after(AUTO_RESTART_S, BmsState.SHUTTING_DOWN);
                }
            }
            case BmsState.SHUTTING_DOWN -> {
                if (stateSeconds >= SHUTTING_DOWN_S - 1e-9) {
                    reboot();
                }
            }
            default -> {
                if (BmsState.initializing(state) && stateSeconds >= INIT_STEP_S - 1e-9) {
                    if (state < BmsState.INITIALIZING_LAST) {
                        enter(state + 1);
                    } else {
                        startCommand = false;
                        enter(setting(Setting.COMBINED_BMS) == 1 ? BmsState.STANDBY : BmsState.PRE_CHARGING);
                    }
                }
            }
        }
    }

    private void after(double seconds, int next) {
        if (stateSeconds >= seconds - 1e-9) {
            enter(next);
        }
    }

    private void enter(int next) {
        state = next;
        stateSeconds = 0;
    }

    private void checkRunning() {
        if (protection.alarm(Protection.SHORT_CIRCUIT)) {
            fail(BmsState.ERROR_PROTECTION_SHUTDOWN);
        } else if (pack.cellVoltageMax() >= CRITICAL_CELL_HIGH) {
            lock(BmsState.ERROR_OVER_VOLTAGE, Protection.HIGH_VOLTAGE);
        } else if (pack.cellVoltageMin() <= CRITICAL_CELL_LOW) {
            lock(BmsState.ERROR_UNDER_VOLTAGE, Protection.LOW_VOLTAGE);
        } else if (pack.temperatureMax() >= CRITICAL_TEMPERATURE_HIGH) {
            lock(BmsState.ERROR_OVER_TEMPERATURE, Protection.HIGH_TEMPERATURE);
        } else if (pack.temperatureMin() <= CRITICAL_TEMPERATURE_LOW) {
            lock(BmsState.ERROR_UNDER_TEMPERATURE, Protection.LOW_TEMPERATURE);
        }
    }

    private void lock(int code, Protection cause) {
        protection.latch(cause, true);
        fail(code);
    }

    private void fail(int code) {
        locked = profile.isSafetyLockError(code);
        error = code;
        errors.push(code, utcSeconds());
        contactorClosed = false;
        enter(BmsState.ERROR);
    }

    /** Shuts down and boots again: 2 s of silence, then initialising with nothing latched. */
    private void reboot() {
        contactorClosed = false;
        locked = false;
        error = BmsState.ERROR_NONE;
        chargeBlocked = false;
        highVoltageStop = false;
        dischargeBlocked = false;
        protection.reset();
        protection.evaluate(pack);
        setSetting(Setting.RESTART_REQUEST, 0);
        state = BmsState.INITIALIZING_FIRST;
        stateSeconds = -REBOOT_SILENCE_S;
    }

    /**
     * A VREG write of a raw value. Settings are range-checked; 1 to the restart request restarts
     * the BMS, or in standby is the start command; the right code to the unlock register lifts a
     * Safety lock. Read-only registers, and settings in error state, are not writable; a
     * register the device does not have is unknown.
     */
    public WriteResult write(int register, long value) {
        if (register == profile.unlockSettings().registerId()) {
            if (!locked || value < 0 || value > 0xFFFF_FFFFL
                    || !SimulatorUnlockCodes.accepts(options.serial(), new UnlockCode(value))) {
                return WriteResult.OUT_OF_RANGE;
            }
            reboot();
            return WriteResult.ACCEPTED;
        }
        Setting setting = Setting.byRegister(register).orElse(null);
        if (setting == null) {
            return DeviceRegisters.find(register).isPresent() ? WriteResult.NOT_WRITABLE : WriteResult.UNKNOWN_REGISTER;
        }
        if (state == BmsState.ERROR) {
            return WriteResult.NOT_WRITABLE;
        }
        if (!setting.accepts(value)) {
            return WriteResult.OUT_OF_RANGE;
        }
        setSetting(setting, (int) value);
        if (setting == Setting.RESTART_REQUEST && value == 1) {
            if (state == BmsState.STANDBY) {
                startCommand = true;
                setSetting(Setting.RESTART_REQUEST, 0);
            } else if (state == BmsState.RUNNING || BmsState.initializing(state) || state == BmsState.PRE_CHARGING) {
                contactorClosed = false;
                enter(BmsState.SHUTTING_DOWN);
            }
        }
        return WriteResult.ACCEPTED;
    }

    private void setSetting(Setting s, int value) {
        settings[s.ordinal()] = value;
    }

    /** A setting's value; 0xFF in error state, as the guide says. */
    public int setting(Setting s) {
        return state == BmsState.ERROR ? 0xFF : settings[s.ordinal()];
    }

    public boolean allowedToCharge() {
        return contactorClosed && !chargeBlocked;
    }

    public boolean allowedToDischarge() {
        return contactorClosed && !dischargeBlocked;
    }

    public double chargeCurrentLimit() {
        return ChargeLimits.chargeCurrent(pack, protection, allowedToCharge());
    }

    public double dischargeCurrentLimit() {
        return ChargeLimits.dischargeCurrent(pack, protection, allowedToDischarge());
    }

    /** Whether the BMS sends and answers at this moment (not during a reboot, not after a comms loss). */
    public boolean transmitting() {
        return !environment.silent && stateSeconds >= 0;
    }

    /** The programmable relay (VREG 0x034E): closed while running without an alarm. */
    public boolean relayClosed() {
        return state == BmsState.RUNNING && !protection.anyAlarm();
    }

    public long millis() { return millis; }
    public long utcSeconds() { return (epochMillis + millis) / 1000; }
    public long epochMicros() { return (epochMillis + millis) * 1000; }
    public SimulatorOptions options() { return options; }
    public DeviceProfile profile() { return profile; }
    public BatteryPack pack() { return pack; }
    public ProtectionMonitor protection() { return protection; }
    public ErrorLog errors() { return errors; }
    public Environment environment() { return environment; }
    public int state() { return state; }
    public int error() { return error; }
    public boolean locked() { return locked; }
    public boolean contactorClosed() { return contactorClosed; }
}
