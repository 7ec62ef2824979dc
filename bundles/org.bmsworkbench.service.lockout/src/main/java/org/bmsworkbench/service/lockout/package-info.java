/**
 * The lockout of a cell-level BMS (JBD, Daly, ...), headless, used by the Alarms view and by
 * {@code bmswb fets}: what each tripped protection means and what to check
 * ({@link org.bmsworkbench.service.lockout.Protections}), the diagnosis of a model's protections,
 * warnings and MOSFET states ({@link org.bmsworkbench.service.lockout.LockoutDiagnosis}), and
 * switching the MOSFETs through the protocol's {@code FetControl}, guarded and audited
 * ({@link org.bmsworkbench.service.lockout.FetSwitching}).
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.service.lockout;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
