package org.bmsworkbench.transport.pcan.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;

/**
 * Options for every {@code Native.load} of this bundle. JNA caches each loaded library with its
 * options, and by default those hold the class loader of the interface — this bundle's, which
 * would then outlive the bundle when it is removed from a running workbench. JNA's own class
 * loader is given instead (it is only used to look for libraries among resources; we have none).
 */
final class JnaOptions {
    static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_CLASSLOADER, Native.class.getClassLoader());

    private JnaOptions() {
    }
}
