/**
 * The devices on a bus: network management (ISO address claim, product information, requests)
 * decoded per source into a live table per connection, and the workbench's own presence on the
 * bus (its claimed address).
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.bms.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
