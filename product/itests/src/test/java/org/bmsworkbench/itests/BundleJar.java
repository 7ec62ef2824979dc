package org.bmsworkbench.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A bundle written by a test: a manifest of the headers given, and classes copied from the test class path. */
final class BundleJar {
    private BundleJar() {
    }

    static void write(Path jar, String symbolicName, Map<String, String> headers, List<Class<?>> classes) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "0.0.1");
        headers.forEach(a::putValue);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (Class<?> c : classes) {
                String name = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    j.putNextEntry(new JarEntry(name));
                    in.transferTo(j);
                    j.closeEntry();
                }
            }
        }
    }
}
