package org.bmsworkbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build's {@code ./mvnw} on a machine with only a JDK (issue 12: a minimal Debian has neither
 * curl nor wget): the real script, copied with {@code .mvn/wrapper/} and {@code find-java.sh}
 * into a scratch project whose {@code maven-wrapper.properties} names a small stand-in Maven
 * served from this test, run with a PATH that holds only the tools the script needs (curl and wget
 * are added only where a test says so). It must download with what there is, verify the SHA-512,
 * and run the Maven it unpacked.
 */
class MvnwDownloadTest {
    /** What the script and find-java.sh call besides the downloader. */
    private static final List<String> TOOLS = List.of("sh", "sed", "basename", "dirname", "mktemp", "sha512sum",
            "tar", "gzip", "rm", "mkdir", "mv", "uname", "readlink", "cut", "head", "cat");
    private static final Path REPO = Paths.get("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> userAgents = new ArrayList<>();
    private byte[] archive;

    @BeforeEach
    void serveStandInMaven() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "mvnw is a POSIX sh script");
        Path dist = Files.createDirectories(dir.resolve("build/fake-maven-1.0/bin"));
        Path mvn = Files.writeString(dist.resolve("mvn"), "#!/bin/sh\necho \"stand-in maven ran: $*\"\n");
        assertTrue(mvn.toFile().setExecutable(true));
        run(dir.resolve("build"), List.of("tar", "-czf", "fake-maven-1.0-bin.tar.gz", "fake-maven-1.0"), Map.of());
        archive = Files.readAllBytes(dir.resolve("build/fake-maven-1.0-bin.tar.gz"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/fake-maven-1.0-bin.tar.gz", exchange -> {
            synchronized (userAgents) {
                userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            }
            exchange.sendResponseHeaders(200, archive.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(archive);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void withoutCurlOrWgetTheJdkDownloadsAndTheChecksumIsVerified() throws Exception {
        Path project = project(sha512(archive));
        Result r = mvnw(project, List.of());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.err.contains("(no curl or wget: with the JDK"), r.toString());
        assertEquals("stand-in maven ran: -f " + project.resolve("pom.xml") + " -v", r.out.strip(), r.toString());
        assertTrue(userAgents.get(0).startsWith("Java-http-client"), "downloaded by " + userAgents);
        assertTrue(Files.isExecutable(dir.resolve("home/.m2/wrapper/dists/fake-maven-1.0/bin/mvn")));
        // once unpacked, a second run downloads nothing
        Result again = mvnw(project, List.of());
        assertEquals(0, again.status, again.toString());
        assertEquals(1, userAgents.size(), "requests: " + userAgents);
    }

    @Test
    void anArchiveWithTheWrongChecksumIsRefused() throws Exception {
        Path project = project("0".repeat(128));
        Result r = mvnw(project, List.of());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("mvnw: checksum mismatch for http://"), r.toString());
        assertTrue(r.err.contains("refused (SHA-512 " + sha512(archive)), r.toString());
        assertEquals("", r.out, r.toString());
        assertFalse(Files.exists(dir.resolve("home/.m2/wrapper/dists/fake-maven-1.0")));
        assertEquals(1, userAgents.size(), "requests: " + userAgents);
    }

    @Test
    void aMissingArchiveSaysWhatCouldNotBeDownloaded() throws Exception {
        Path project = project(sha512(archive));
        Path properties = project.resolve(".mvn/wrapper/maven-wrapper.properties");
        Files.writeString(properties, Files.readString(properties).replace("fake-maven-1.0-bin", "fake-maven-2.0-bin"));
        Result r = mvnw(project, List.of());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("Download: http://"), r.toString());
        assertTrue(r.err.contains("HTTP status 404"), r.toString());
        assertTrue(r.err.contains("mvnw: could not download http://"), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "wget"})
    void curlOrWgetIsUsedWhenTheMachineHasIt(String tool) throws Exception {
        Optional<Path> found = onPath(tool);
        assumeTrue(found.isPresent(), tool + " is not installed here");
        Path project = project(sha512(archive));
        Result r = mvnw(project, List.of(tool));
        assertEquals(0, r.status, r.toString());
        assertTrue(r.err.contains("(" + tool + ")"), r.toString());
        assertTrue(r.out.startsWith("stand-in maven ran: "), r.toString());
        assertTrue(userAgents.get(0).toLowerCase(Locale.ROOT).startsWith(tool), "downloaded by " + userAgents);
    }

    /** A scratch project: the real wrapper, its downloader, find-java.sh; the stand-in Maven named. */
    private Path project(String sha512) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(REPO.resolve("mvnw"), project.resolve("mvnw"));
        Files.createDirectories(project.resolve(".mvn/wrapper"));
        Files.copy(REPO.resolve(".mvn/wrapper/Download.java"), project.resolve(".mvn/wrapper/Download.java"));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/fake-maven-1.0-bin.tar.gz";
        Files.writeString(project.resolve(".mvn/wrapper/maven-wrapper.properties"),
                "distributionUrl=" + url + "\ndistributionSha512Sum=" + sha512 + "\n");
        Path bin = Files.createDirectories(project.resolve("product/src/main/dist/bin"));
        Files.copy(REPO.resolve("product/src/main/dist/bin/find-java.sh"), bin.resolve("find-java.sh"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        return project;
    }

    /** Runs {@code sh mvnw -v} with a PATH of TOOLS plus {@code extra}, and this JVM's JDK as JAVA_HOME. */
    private Result mvnw(Path project, List<String> extra) throws Exception {
        Path path = dir.resolve("path");
        Files.createDirectories(path);
        List<String> tools = new ArrayList<>(TOOLS);
        tools.addAll(extra);
        for (String tool : tools) {
            Path link = path.resolve(tool);
            if (!Files.exists(link)) {
                Path target = onPath(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on this machine's PATH"));
                Files.createSymbolicLink(link, target);
            }
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = Map.of("PATH", path.toString(), "HOME", home.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "BMSWB_NO_XVFB", "1");
        return run(project, List.of(path.resolve("sh").toString(), "mvnw", "-v"), env);
    }

    private static Result run(Path cwd, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static Optional<Path> onPath(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Paths.get(d, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String sha512(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }

    private record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
