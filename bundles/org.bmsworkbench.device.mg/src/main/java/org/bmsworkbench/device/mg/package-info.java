/**
 * The MG Master LV device profile, in one place: product ids, the BMS state table of VREG
 * 0x0371, the BMS error table of VREG 0x2101, the status flag bits of VREG 0x2100 (all from
 * the communication guide, section 1.5.4.2), which error codes mean a Safety lock, and how an
 * unlock code is sent to the BMS ({@link org.bmsworkbench.device.mg.UnlockSettings},
 * {@link org.bmsworkbench.device.mg.UnlockCode}).
 *
 * <p>{@link org.bmsworkbench.device.mg.DeviceProfile} is the device-neutral view a diagnosis or
 * a view binds to; {@link org.bmsworkbench.device.mg.MgDeviceProfile} is the MG Master LV's
 * service, configured under the PID {@value org.bmsworkbench.device.mg.MgDeviceProfile#PID}.
 * {@link org.bmsworkbench.device.mg.MgMasterLvProfile} gives the same profile without a
 * framework (tests, the simulator). Plain Java: no OSGi imports other than these annotations.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.device.mg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
