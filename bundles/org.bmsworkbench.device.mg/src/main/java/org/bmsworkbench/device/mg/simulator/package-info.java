/**
 * For the simulator only: the unlock code a dealer would issue, computed with a key that
 * exists nowhere but here ({@link org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes}).
 * It is a separate package so that no code path meant for a real device imports it; a code
 * from here unlocks the simulated MG Master LV and nothing else.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.device.mg.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
