package org.bmsworkbench.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code bin/bmswb} of a private copy of the assembled product, with its own user
 * directory, so tests can change plugins/ and never touch the developer's ~/.bmsworkbench.
 */
final class Bmswb implements AutoCloseable {
    /** Skips the test, saying why, where no window can open: no DISPLAY. */
    static void assumeDisplay() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no display: DISPLAY is not set (./mvnw runs the build under xvfb-run when it is installed)");
    }

    final Path home;
    final Path userDir;
    final Path workDir;

    private Bmswb(Path home, Path userDir, Path workDir) {
        this.home = home;
        this.userDir = userDir;
        this.workDir = workDir;
    }

    /** A copy of the product without the bundles whose file names start with one of {@code without}. */
    static Bmswb copy(String... without) {
        try {
            Path root = Files.createTempDirectory("bmswb-it");
            Path home = root.resolve("bmswb");
            Path source = ProductBundles.productDir();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path target = home.resolve(source.relativize(p).toString());
                    String name = p.getFileName().toString();
                    if (p.getParent().getFileName().toString().equals("bundle")
                            && Stream.of(without).anyMatch(name::startsWith)) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Path work = Files.createDirectories(root.resolve("work"));
            return new Bmswb(home, Files.createDirectories(root.resolve("user")), work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/bmswb").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("BMSWB_USER_DIR", userDir.toString());
        return pb;
    }

    /** Runs to the end (at most 60 s) with stdin from {@code input} (null: nothing). */
    Result runWithInput(String input, String... args) {
        try {
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            ProcessBuilder pb = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bmswb " + String.join(" ", args) + " did not finish in 60 s");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err), millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts {@code pb} with stdout and stderr to files and waits (at most {@code seconds}) for it to end. */
    static Result finish(ProcessBuilder pb, int seconds) throws IOException {
        Path dir = pb.directory().toPath();
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", pb.command()) + " did not finish in " + seconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err), (System.nanoTime() - start) / 1_000_000);
    }

    Result run(String... args) {
        return runWithInput(null, args);
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(workDir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(home.getParent())) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    record Result(int status, String out, String err, long millis) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
