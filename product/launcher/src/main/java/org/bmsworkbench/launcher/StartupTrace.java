package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Where a {@code bmswb} start goes, on standard error, when {@code BMSWB_STARTUP_TRACE} is set
 * (or {@code -Dbmswb.trace.startup=true}): one line per phase with the time since the JVM
 * started (RuntimeMXBean), the time since the previous line, the classes loaded so far, the
 * process's CPU time (all threads; steadier than the wall clock on a busy machine) and the heap
 * allocated so far by all threads, ended ones too ({@code benchmarks/run.sh} divides it by the frames
 * a decode read); each
 * bundle's activation, slowest first, split into STARTING to STARTED (its activator, and
 * Declarative Services when it handles the bundle first) and STARTED to the next bundle event
 * (Declarative Services registering and activating its components, the next resolution); the
 * components active when the command returns; the native libraries mapped into the process.
 * Off, every method returns at once and nothing of {@code java.management} is loaded.
 */
final class StartupTrace {
    private static final StartupTrace OFF = new StartupTrace(null);
    private static StartupTrace current = OFF;

    private final PrintStream err;
    private final long jvmStart;
    private long last;
    private final Map<Long, long[]> bundleTimes = new LinkedHashMap<>();
    private final List<String> bundleOrder = new ArrayList<>();
    private long lastBundleEvent;
    private long lastStarted = -1;
    private BundleContext context;

    private StartupTrace(PrintStream err) {
        this.err = err;
        if (err == null) {
            jvmStart = 0;
            return;
        }
        jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        last = jvmStart;
    }

    /** Turns the trace on when the environment or a system property asks for it; the first call wins. */
    static StartupTrace start(PrintStream err) {
        String env = System.getenv("BMSWB_STARTUP_TRACE");
        boolean on = Boolean.getBoolean("bmswb.trace.startup")
                || env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false");
        if (on && current == OFF) {
            current = new StartupTrace(err);
            Long script = Long.getLong("bmswb.trace.script");
            if (script != null) {
                current.err.printf("bmswb: startup %6d ms  bin/bmswb started (finding Java, options)%n",
                        script - current.jvmStart);
            }
            current.err.printf("bmswb: startup %6d ms  JVM start%n", 0);
            current.mark("JVM start -> main");
        }
        return current;
    }

    static StartupTrace get() {
        return current;
    }

    boolean on() {
        return err != null;
    }

    /** One phase ended now. */
    void mark(String phase) {
        if (err == null) {
            return;
        }
        long now = System.currentTimeMillis();
        err.printf("bmswb: startup %6d ms  +%4d  %-44s classes %d  cpu %d ms  allocated %d KB%n", now - jvmStart,
                now - last, phase, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                processCpuMillis(), allocatedKilobytes());
        last = now;
    }

    /**
     * Heap allocated by every thread so far, ended ones too, in KB; -1 where the JVM does not tell.
     * Through reflection: the method came with Java 21 (and later Java 17 updates), and the launcher
     * is compiled against Java 17's API, so that it can tell an older JVM what it needs.
     */
    private static long allocatedKilobytes() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()
                || !sun.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        try {
            return (long) com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes")
                    .invoke(sun) / 1024;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /**
     * CPU time of the whole process so far (every thread: the compiler's and the collector's too), in
     * milliseconds; -1 where the JVM does not tell. Unlike the wall clock, hardly moved by other
     * processes on a busy machine.
     */
    private static long processCpuMillis() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Follows the bundles' resolution and activation from now on, synchronously. */
    void follow(BundleContext context) {
        if (err == null) {
            return;
        }
        this.context = context;
        lastBundleEvent = System.nanoTime();
        context.addBundleListener((SynchronousBundleListener) this::bundleChanged);
    }

    private void bundleChanged(BundleEvent event) {
        long now = System.nanoTime();
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
            case BundleEvent.STARTING -> {
                closeGap(now);
                times(event.getBundle())[0] = now;
            }
            case BundleEvent.STARTED -> {
                long[] t = times(event.getBundle());
                t[1] = now - (t[0] == 0 ? now : t[0]);
                lastStarted = id;
            }
            case BundleEvent.RESOLVED -> {
                closeGap(now);
                times(event.getBundle())[3] = 1;
            }
            default -> {
                // not timed
            }
        }
        lastBundleEvent = System.nanoTime();
    }

    /** Time between the last bundle's STARTED and the next event: Declarative Services at work for it. */
    private void closeGap(long now) {
        if (lastStarted >= 0) {
            bundleTimes.get(lastStarted)[2] += now - lastBundleEvent;
            lastStarted = -1;
        }
    }

    private long[] times(Bundle b) {
        return bundleTimes.computeIfAbsent(b.getBundleId(), id -> {
            bundleOrder.add(b.getSymbolicName());
            return new long[4];
        });
    }

    /** After the framework started: each bundle's activation, slowest first. */
    void bundles() {
        if (err == null) {
            return;
        }
        closeGap(System.nanoTime());
        List<long[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int i = 0;
        for (long[] t : bundleTimes.values()) {
            rows.add(t);
            names.add(bundleOrder.get(i++));
        }
        Integer[] order = new Integer[rows.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rows.get(b)[1] + rows.get(b)[2], rows.get(a)[1] + rows.get(a)[2]));
        long resolved = rows.stream().filter(t -> t[3] == 1).count();
        err.printf("bmswb: startup bundles: %d resolved, %d started; per bundle, slowest first: starting (STARTING..STARTED),"
                + " then until the next bundle (DS components, next resolution):%n",
                resolved, rows.stream().filter(t -> t[0] != 0).count());
        for (int k : order) {
            long[] t = rows.get(k);
            if (t[0] == 0) {
                continue;
            }
            err.printf("bmswb: startup   %7.1f ms  (starting %6.1f, then %6.1f)  %s%n", (t[1] + t[2]) / 1e6, t[1] / 1e6,
                    t[2] / 1e6, names.get(k));
        }
    }

    /** At the end of the command: the components Declarative Services activated, and the native libraries. */
    void components() {
        if (err == null || context == null) {
            return;
        }
        try {
            ServiceReference<?> ref = context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
            if (ref == null) {
                err.println("bmswb: startup components: Declarative Services is not running");
                return;
            }
            Object scr = context.getService(ref);
            Method descriptions = scr.getClass().getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Iterable<?> all = (Iterable<?>) descriptions.invoke(scr, (Object) new Bundle[0]);
            Method configurations = null;
            TreeSet<String> active = new TreeSet<>();
            int total = 0;
            for (Object description : all) {
                total++;
                if (configurations == null) {
                    configurations = scr.getClass().getMethod("getComponentConfigurationDTOs", description.getClass());
                }
                Object configs = configurations.invoke(scr, description);
                for (Object c : (Iterable<?>) configs) {
                    Field state = c.getClass().getField("state");
                    if (state.getInt(c) == 8) { // ComponentConfigurationDTO.ACTIVE
                        active.add((String) description.getClass().getField("name").get(description));
                    }
                }
            }
            context.ungetService(ref);
            err.printf("bmswb: startup components: %d of %d active: %s%n", active.size(), total, String.join(", ", active));
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("bmswb: startup components: cannot be listed: " + e);
        }
        natives();
    }

    /** Shared libraries mapped from outside the JDK (Linux: /proc/self/maps). */
    private void natives() {
        Path maps = Paths.get("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            err.println("bmswb: startup natives: not known on this system");
            return;
        }
        String javaHome = Paths.get(System.getProperty("java.home")).toAbsolutePath().normalize().toString();
        TreeSet<String> libs = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String file = line.substring(slash);
                // A shared object: name.so or name.so.1, not a jar like transport.socketcand-0.1.0.jar.
                if (file.matches(".*\\.so(\\.[0-9.]+)?$") && !file.startsWith(javaHome)) {
                    libs.add(Paths.get(file).getFileName().toString());
                }
            }
        } catch (IOException e) {
            err.println("bmswb: startup natives: cannot read " + maps + ": " + e.getMessage());
            return;
        }
        err.println("bmswb: startup natives loaded (beyond the JDK's): "
                + (libs.isEmpty() ? "none" : String.join(", ", libs)));
    }
}
