package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** A framework for a test, and bundles made for it: a manifest with the headers given, and classes copied from the test class path. */
final class TestBundles {
    private TestBundles() {
    }

    /** A Felix initialised (not started) on a cache in {@code dir}, to start at {@code beginningLevel}. */
    static Framework framework(Path dir, int beginningLevel) throws BundleException {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString());
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(beginningLevel));
        Framework framework = new Felix(p);
        framework.init();
        return framework;
    }

    /** Writes {@code NAME.jar} into {@code dir} and installs it. */
    static Bundle install(BundleContext context, Path dir, String name, Map<String, String> headers, Class<?>... classes)
            throws IOException, BundleException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        new LinkedHashMap<>(headers).forEach(main::putValue);
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out, manifest)) {
            for (Class<?> c : classes) {
                String path = c.getName().replace('.', '/') + ".class";
                entries.putNextEntry(new JarEntry(path));
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(entries);
                }
                entries.closeEntry();
            }
        }
        return context.installBundle(jar.toUri().toString());
    }
}
