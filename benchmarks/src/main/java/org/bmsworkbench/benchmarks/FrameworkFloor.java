package org.bmsworkbench.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The start-up floor of the framework alone, a peer for {@code benchmarks/run.sh}: starts the OSGi
 * framework found on the class path (the product's Felix) with no bundle installed, on a cache folder
 * kept between runs as the product keeps its own, stops it and halts as {@code bmswb}'s commands do.
 * What {@code bmswb protocols} takes beyond this is the product's: its bundles, Declarative Services,
 * picocli and the command.
 *
 * <p>Usage: {@code java -cp org.apache.felix.framework.jar:benchmarks.jar
 * org.bmsworkbench.benchmarks.FrameworkFloor CACHE_DIR}
 */
public final class FrameworkFloor {

    private FrameworkFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FrameworkFloor CACHE_DIR");
            System.exit(2);
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElse(null);
        if (factory == null) {
            System.err.println("FrameworkFloor: no OSGi framework on the class path (put org.apache.felix.framework.jar first)");
            System.exit(1);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, args[0]);
        Framework framework = factory.newFramework(properties);
        framework.init();
        framework.start();
        framework.stop();
        framework.waitForStop(0);
        Runtime.getRuntime().halt(0);
    }
}
