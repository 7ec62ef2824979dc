package org.bmsworkbench.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import java.util.stream.Stream;

/** The assembled product under test (product/target/bmswb), as built by the product module. */
final class ProductBundles {
    private ProductBundles() {
    }

    static Path productDir() {
        String dir = System.getProperty("bmswb.product.dir");
        if (dir == null) {
            throw new IllegalStateException("system property bmswb.product.dir is not set (run through Maven failsafe)");
        }
        return Paths.get(dir).toAbsolutePath().normalize();
    }

    /** The jars of bundle/ whose file name matches. */
    static List<Path> jars(Predicate<String> fileName) {
        try (Stream<Path> s = Files.list(productDir().resolve("bundle"))) {
            return s.filter(p -> fileName.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pax Exam options installing the jars of bundle/ whose file name matches, as the launcher
     * does: of the SWT fragments only the one for this system (Felix ignores
     * Eclipse-PlatformFilter), installed but not started (a fragment cannot be started).
     */
    static List<Option> provision(Predicate<String> fileName) {
        List<Option> options = new ArrayList<>();
        for (Path jar : jars(fileName)) {
            String name = jar.getFileName().toString();
            if (name.startsWith("org.eclipse.swt.") && !name.startsWith("org.eclipse.swt-")) {
                if (name.startsWith(swtFragmentOfThisSystem() + "-")) {
                    options.add(CoreOptions.bundle(jar.toUri().toString()).start(false));
                }
                continue;
            }
            options.add(CoreOptions.bundle(jar.toUri().toString()));
        }
        return options;
    }

    /** The symbolic name of the SWT fragment for the running system (none matches an unsupported one). */
    static String swtFragmentOfThisSystem() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "org.eclipse.swt.gtk.linux.x86_64";
        }
        if (os.startsWith("windows") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "org.eclipse.swt.win32.win32.x86_64";
        }
        if (os.startsWith("mac") && arch.equals("aarch64")) {
            return "org.eclipse.swt.cocoa.macosx.aarch64";
        }
        return "(no SWT fragment for " + os + " " + arch + ")";
    }

    /** The one jar whose file name starts with {@code symbolicName-}. */
    static Path jar(String symbolicName) {
        List<Path> found = jars(n -> n.startsWith(symbolicName + "-"));
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + symbolicName + " jar in the product, found " + found);
        }
        return found.get(0);
    }

    /** The one jar of examples/ (bundles the product does not install) whose file name starts with {@code symbolicName-}. */
    static Path example(String symbolicName) {
        try (Stream<Path> s = Files.list(productDir().resolve("examples"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(symbolicName + "-")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + symbolicName + " jar in the product's examples/, found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
