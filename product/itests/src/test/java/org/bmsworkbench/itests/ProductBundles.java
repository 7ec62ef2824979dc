package org.bmsworkbench.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
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
