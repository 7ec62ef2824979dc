package org.bmsworkbench.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bmsworkbench.launcher.Main.ProductLayout;

/**
 * The Felix bundle cache. Kept between runs under the user's directory so that a headless
 * command starts fast; rebuilt when the product's bundle/ folder changes (fingerprint of names,
 * sizes and times). A second bmswb running at the same time (a simulator and a monitor, say)
 * cannot share it and gets a private temporary cache under cache/tmp-PID-*, deleted on exit
 * (also on Ctrl-C); one left behind by a killed process is swept at the next start.
 */
final class BundleCache implements AutoCloseable {
    private static final String FINGERPRINT = "bmswb.fingerprint";
    private static final String TEMPORARY = "tmp-";

    private final Path directory;
    private final String fingerprint;
    private boolean fresh;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean temporary;
    private final Set<String> recordedLocations;

    private BundleCache(Path directory, String fingerprint, boolean fresh, FileChannel lockChannel, FileLock lock,
            boolean temporary, Set<String> recordedLocations) {
        this.directory = directory;
        this.fingerprint = fingerprint;
        this.fresh = fresh;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.temporary = temporary;
        this.recordedLocations = recordedLocations;
    }

    static BundleCache acquire(ProductLayout layout) throws IOException {
        String fp = fingerprint(layout.bundles());
        Path dir = layout.caches().resolve(hash(layout.home().toString()));
        if (!Files.isDirectory(dir)) {
            // The cache of an earlier launcher, named by SHA-256 (whose provider set-up alone took
            // 20-30 ms of every start): it would be rebuilt anyway, so it goes.
            deleteTree(layout.caches().resolve(sha256(layout.home().toString()).substring(0, 16)));
        }
        Files.createDirectories(dir);
        sweepTemporary(layout.caches());
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            Path tmp = Files.createTempDirectory(layout.caches(), TEMPORARY + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    deleteTree(tmp);
                } catch (IOException e) {
                    // swept at a later start
                }
            }, "bmswb-cache-cleanup"));
            return new BundleCache(tmp.resolve("felix"), fp, true, null, null, true, Set.of());
        }
        Path storage = dir.resolve("felix");
        Path stamp = dir.resolve(FINGERPRINT);
        // The stamp holds the fingerprint, then the location of every product bundle installed.
        List<String> stampLines = Files.isRegularFile(stamp)
                ? Files.readAllLines(stamp, StandardCharsets.UTF_8) : List.of();
        boolean fresh = !(Files.isDirectory(storage) && !stampLines.isEmpty() && stampLines.get(0).equals(fp));
        if (fresh) {
            Files.deleteIfExists(stamp);
        }
        Set<String> recorded = fresh ? Set.of() : Set.copyOf(stampLines.subList(1, stampLines.size()));
        return new BundleCache(storage, fp, fresh, channel, lock, false, recorded);
    }

    /** Removes temporary caches whose process is gone. */
    static void sweepTemporary(Path caches) throws IOException {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(caches, TEMPORARY + "*")) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-', TEMPORARY.length());
                try {
                    long pid = Long.parseLong(name.substring(TEMPORARY.length(), dash < 0 ? name.length() : dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // not ours to judge by pid: an old or foreign name, remove it
                }
                deleteTree(p);
            }
        }
    }

    Path directory() { return directory; }

    /** Marks the cache as to be rebuilt: the next framework cleans the storage and installs anew. */
    void invalidate() throws IOException {
        fresh = true;
        if (!temporary) {
            Files.deleteIfExists(directory.getParent().resolve(FINGERPRINT));
        }
    }

    /** True when the bundles must be installed anew. */
    boolean isFresh() { return fresh; }

    /** Records that the cache now holds exactly the product's bundles, installed from {@code locations}. */
    void markInstalled(Collection<String> locations) throws IOException {
        if (!temporary) {
            List<String> lines = new ArrayList<>();
            lines.add(fingerprint);
            lines.addAll(new TreeSet<>(locations));
            Files.write(directory.getParent().resolve(FINGERPRINT), lines, StandardCharsets.UTF_8);
        }
    }

    /**
     * The product bundles a reused cache was built with (empty for a fresh one): compared with
     * what Felix actually reloaded, this tells a damaged cache without opening any jar.
     */
    Set<String> recordedLocations() { return recordedLocations; }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            lockChannel.close();
        }
        if (temporary) {
            deleteTree(directory.getParent());
        }
    }

    private static String fingerprint(Path bundles) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add("launcher " + Main.class.getPackage().getImplementationVersion());
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(bundles, "*.jar")) {
            for (Path p : dir) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                entries.add(p.getFileName() + " " + a.size() + " " + a.lastModifiedTime().toMillis());
            }
        }
        entries.sort(null);
        return hash(String.join("\n", entries));
    }

    /**
     * 64-bit FNV-1a of the UTF-8 bytes, 16 hex digits: names the cache of a product folder and
     * fingerprints its bundles. Not a security measure; it only has to change when they do.
     */
    static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
