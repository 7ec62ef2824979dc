package org.bmsworkbench.device.mg.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bmsworkbench.device.mg.BmsError;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.MgDeviceProfile;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.MgProfileSettings;
import org.bmsworkbench.device.mg.Product;
import org.bmsworkbench.device.mg.SafetyLockAssessment;
import org.bmsworkbench.device.mg.StatusFlag;
import org.bmsworkbench.device.mg.UnlockSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The MG Master LV device profile service. Works without configuration (the defaults); a
 * configuration under {@link MgDeviceProfile#PID} is applied in place, bad values logged as
 * warnings and replaced by their defaults. Each call reads the profile current at that moment;
 * a caller that needs several answers from one configuration takes {@link #settings()} once
 * and builds a {@link MgMasterLvProfile} from it.
 */
@Component(name = MgDeviceProfile.PID, configurationPid = MgDeviceProfile.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {MgDeviceProfile.class, DeviceProfile.class})
@Designate(ocd = MgProfileComponent.Config.class)
public final class MgProfileComponent implements MgDeviceProfile {

    /** The configuration of the MG Master LV profile. */
    @ObjectClassDefinition(id = MgDeviceProfile.PID, name = "MG Master LV device profile",
            description = "What counts as a Safety lock on an MG Master LV and how an unlock code is sent to it.")
    public @interface Config {
        @AttributeDefinition(name = "Unlock register",
                description = "VREG register id the unlock code is written to (decimal, or hexadecimal after 0x)."
                        + " The default 0xEE10 is an UNVERIFIED placeholder: the communication guide does not say how"
                        + " the code reaches the BMS. Must not be a register the guide documents.")
        String unlock_register() default "0xEE10";

        @AttributeDefinition(name = "Unlock register verified",
                description = "Set only after the unlock register has been confirmed on a real MG Master LV. While"
                        + " false, the wizard and the command line demand an explicit acknowledgement.")
        boolean unlock_verified() default false;

        @AttributeDefinition(name = "Safety lock error codes",
                description = "BMS error codes (VREG 0x2101) that mean a Safety lock when the BMS is in state 10"
                        + " Error. Each must be a defined error of the guide's table.")
        String[] safety_lock_error_codes() default {"13", "14", "15", "16", "18"};

        @AttributeDefinition(name = "Node address",
                description = "CAN source address of the BMS, 0x00..0xFD (decimal, or hexadecimal after 0x).")
        String node_address() default "0x50";
    }

    private final Logger logger;
    private volatile MgMasterLvProfile profile;

    @Activate
    public MgProfileComponent(@Reference(service = LoggerFactory.class) Logger logger, Config config) {
        this.logger = logger;
        this.profile = profileOf(config);
    }

    @Modified
    void modified(Config config) {
        profile = profileOf(config);
    }

    private MgMasterLvProfile profileOf(Config config) {
        MgProfileSettings settings = ProfileConfiguration.settings(config.unlock_register(), config.unlock_verified(),
                config.safety_lock_error_codes(), config.node_address(), warning -> logger.warn("{}", warning));
        if (!settings.unlockVerified()) {
            logger.debug("MG Master LV unlock register {} is unverified", String.format("0x%04X", settings.unlockRegister()));
        }
        return new MgMasterLvProfile(settings);
    }

    @Override
    public MgProfileSettings settings() {
        return profile.settings();
    }

    @Override
    public String deviceName() {
        return profile.deviceName();
    }

    @Override
    public int nodeAddress() {
        return profile.nodeAddress();
    }

    @Override
    public List<Product> products() {
        return profile.products();
    }

    @Override
    public Optional<Product> product(int productId) {
        return profile.product(productId);
    }

    @Override
    public String productName(int productId) {
        return profile.productName(productId);
    }

    @Override
    public List<BmsState> states() {
        return profile.states();
    }

    @Override
    public BmsState state(int code) {
        return profile.state(code);
    }

    @Override
    public List<BmsError> errors() {
        return profile.errors();
    }

    @Override
    public BmsError error(int code) {
        return profile.error(code);
    }

    @Override
    public List<StatusFlag> statusFlags() {
        return profile.statusFlags();
    }

    @Override
    public List<StatusFlag> setFlags(long raw) {
        return profile.setFlags(raw);
    }

    @Override
    public Set<Integer> safetyLockErrorCodes() {
        return profile.safetyLockErrorCodes();
    }

    @Override
    public boolean isSafetyLockError(int errorCode) {
        return profile.isSafetyLockError(errorCode);
    }

    @Override
    public SafetyLockAssessment assess(int stateCode, int errorCode) {
        return profile.assess(stateCode, errorCode);
    }

    @Override
    public UnlockSettings unlockSettings() {
        return profile.unlockSettings();
    }
}
