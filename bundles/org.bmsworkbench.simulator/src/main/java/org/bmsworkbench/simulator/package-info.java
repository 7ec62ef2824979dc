/**
 * A virtual MG Master LV, independent of any transport: a battery pack that behaves like one,
 * the BMS state machine with its VREG registers, scenarios scripted over virtual time, and
 * {@link org.bmsworkbench.simulator.VirtualMasterLv}, which turns all of it into the frames a
 * Master LV sends and answers the frames it receives. Plain Java (no OSGi imports other than
 * these annotations) and deterministic for a seed, so that the {@code sim:} transport, a
 * served endpoint and tests drive the same device. Since 1.2.0 the {@code network} scenario puts it
 * among other devices ({@link org.bmsworkbench.simulator.VirtualBus},
 * {@link org.bmsworkbench.simulator.Nmea2000Network}, {@link org.bmsworkbench.simulator.InverterNetwork}). Since 1.3.0
 * {@link org.bmsworkbench.simulator.SimulatorOptions#device} tells which device a {@code sim:} URI names.
 */
@Export
@Version("1.3.0")
package org.bmsworkbench.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
