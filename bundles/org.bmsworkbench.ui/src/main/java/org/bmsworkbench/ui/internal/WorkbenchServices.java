package org.bmsworkbench.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.Connections;

/**
 * What the window works with: the services it uses, where it keeps its preferences, the
 * installed bundles for Help → About, and where problems are reported.
 *
 * @param version  the product version for Help → About
 * @param bundles  one line per installed bundle: symbolic name, version, state
 * @param problems told of failures of view code and files that cannot be written (message, cause)
 */
record WorkbenchServices(Connections connections, BmsSessions sessions, ProtocolRegistry protocols,
        ViewCatalog catalog, Path userDir, String version, Supplier<List<String[]>> bundles, BiConsumer<String, Throwable> problems) {
}
