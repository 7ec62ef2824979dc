package org.bmsworkbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Keeps the class-data-sharing archive that {@code bin/bmswb} names with
 * {@code -XX:SharedArchiveFile} usable. The JVM writes it on the first run
 * ({@code -XX:+AutoCreateSharedArchive}) but does not write it again when a jar of the class path
 * or the JDK changed since: it silently runs without it from then on. So an archive older than
 * the launcher, the framework jar or the JDK's modules is deleted here, and the next run writes
 * a new one. The script passes the archive's path as {@code -Dbmswb.cds.archive}.
 */
final class ClassDataArchive {
    static final String PROPERTY = "bmswb.cds.archive";

    private ClassDataArchive() {
    }

    /** Deletes the archive when one of {@code inputs} is newer; true when it did. */
    static boolean dropIfStale(Path archive, List<Path> inputs) {
        try {
            if (!Files.isRegularFile(archive)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(archive);
            for (Path input : inputs) {
                if (Files.isRegularFile(input) && Files.getLastModifiedTime(input).compareTo(written) > 0) {
                    Files.deleteIfExists(archive);
                    return true;
                }
            }
        } catch (IOException e) {
            // an archive we cannot check or delete is only slower, never wrong: the JVM validates it
        }
        return false;
    }

    /** The check for this process, when the script named an archive. */
    static void dropIfStale(Path home, Path userDir) {
        String archive = System.getProperty(PROPERTY);
        if (archive == null || archive.isBlank()) {
            return;
        }
        try {
            // Earlier scripts kept one archive for every product folder, straight in the user's directory.
            Files.deleteIfExists(userDir.resolve("bmswb-java" + Main.javaFeatureVersion() + ".jsa"));
        } catch (IOException e) {
            // left behind, unused
        }
        Path lib = home.resolve("lib");
        dropIfStale(Paths.get(archive), List.of(lib.resolve("org.bmsworkbench.launcher.jar"),
                lib.resolve("org.apache.felix.framework.jar"),
                Paths.get(System.getProperty("java.home"), "lib", "modules")));
    }
}
