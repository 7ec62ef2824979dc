package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM (JDK 25, -XX:+AutoCreateSharedArchive) neither uses nor rewrites an archive whose class
 * path jar changed since it was written (seen on this product: "timestamp has changed, size has
 * changed ... Unable to use shared archive"); the launcher must delete such an archive.
 */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    private Path file(String name, long millis) throws IOException {
        Path p = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(p, FileTime.fromMillis(millis));
        return p;
    }

    @Test
    void anArchiveOlderThanAJarIsDeleted() throws IOException {
        Path archive = file("bmswb-java25-1.jsa", 1_000_000);
        Path launcher = file("launcher.jar", 2_000_000);
        Path felix = file("felix.jar", 500_000);
        assertTrue(ClassDataArchive.dropIfStale(archive, List.of(felix, launcher)));
        assertFalse(Files.exists(archive));
    }

    @Test
    void anArchiveNewerThanEveryInputIsKept() throws IOException {
        Path archive = file("bmswb-java25-1.jsa", 3_000_000);
        Path launcher = file("launcher.jar", 2_000_000);
        assertFalse(ClassDataArchive.dropIfStale(archive, List.of(launcher, dir.resolve("missing.jar"))));
        assertTrue(Files.exists(archive));
    }

    @Test
    void noArchiveYetIsNothingToDo() throws IOException {
        Path launcher = file("launcher.jar", 2_000_000);
        assertFalse(ClassDataArchive.dropIfStale(dir.resolve("none.jsa"), List.of(launcher)));
    }
}
