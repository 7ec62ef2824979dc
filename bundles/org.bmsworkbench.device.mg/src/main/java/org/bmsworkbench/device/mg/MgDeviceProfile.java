package org.bmsworkbench.device.mg;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The MG Master LV device profile as a service: the tables of communication guide 1.5.4.2
 * and the configured Safety lock and unlock settings. The workbench registers one, configured
 * under {@link #PID}; without a configuration it has the defaults of
 * {@link MgProfileSettings#defaults()}.
 */
@ProviderType
public interface MgDeviceProfile extends DeviceProfile {
    /** The component name and configuration PID. */
    String PID = "org.bmsworkbench.device.mg.profile";

    /** The settings this profile was built from. */
    MgProfileSettings settings();
}
