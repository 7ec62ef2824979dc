/**
 * Reading and writing a device's registers (VREG on the MG Master LV, guide 1.5.4) without
 * blocking: {@link org.bmsworkbench.bms.registers.RegisterAccess} and the
 * {@link org.bmsworkbench.bms.registers.RegisterCatalogue} it works from.
 */
@Export
@Version("1.1.0")
package org.bmsworkbench.bms.registers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
