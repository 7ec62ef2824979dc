/**
 * Simulated cell-level BMSes that speak only when asked — a JBD (UART) and a Daly (UART or CAN) —
 * on virtual time: a pack of N LiFePO4 cells with their own voltages, temperatures, balancing and
 * cycles ({@link org.bmsworkbench.simulator.cellbms.CellPack}), protections that trip and release
 * with hysteresis and open the MOSFETs ({@link org.bmsworkbench.simulator.cellbms.CellProtections}),
 * the lockout scenarios ({@link org.bmsworkbench.simulator.cellbms.LockoutScenario}), and each make's
 * answers written from the public protocol notes, independently of the protocol bundles
 * ({@link org.bmsworkbench.simulator.cellbms.JbdAnswers}, {@link org.bmsworkbench.simulator.cellbms.DalyAnswers}).
 * {@link org.bmsworkbench.simulator.cellbms.VirtualCellBms} is what a {@code sim:?device=jbd|daly}
 * channel drives. Plain Java, deterministic for a seed, not thread-safe (one owner thread).
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.simulator.cellbms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
