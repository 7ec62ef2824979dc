package org.bmsworkbench.device.mg.internal;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} for tests that records warnings, with placeholders filled in. */
final class RecordingLogger {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "test";
                }
                if (name.equals("warn") && args != null && args[0] instanceof String format) {
                    warnings.add(fill(format, args));
                }
                return null;
            });

    private static String fill(String format, Object[] args) {
        Object[] values = args.length == 2 && args[1] instanceof Object[] a ? a : Arrays.copyOfRange(args, 1, args.length);
        StringBuilder sb = new StringBuilder();
        int v = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.startsWith("{}", i) && v < values.length) {
                sb.append(values[v++]);
                i++;
            } else {
                sb.append(format.charAt(i));
            }
        }
        return sb.toString();
    }
}
