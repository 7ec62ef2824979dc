package org.bmsworkbench.service.unlock.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SystemSnapshots;

/**
 * Reads a snapshot ZIP that may come from anywhere, in bounded memory and time: the file at most
 * {@link Limits#fileBytes}; entries streamed in order (the central directory and the sizes a header
 * claims are never trusted), each inflated through a counter that stops at its own bound; only
 * the known entry names, each once, none unsafe ({@code ../x}, {@code /x}, {@code C:\x}, control
 * characters); the manifest listing exactly the other entries, every SHA-256 matching; and
 * {@code snapshot.json} parsed by {@link Json#object(byte[], String)}. Every refusal is one line naming the file.
 */
public final class SnapshotArchive {
    /** The entries a snapshot must hold. */
    public static final List<String> REQUIRED = List.of(SystemSnapshots.SNAPSHOT_JSON, SystemSnapshots.FRAMES_LOG,
            SystemSnapshots.AUDIT_LOG, SystemSnapshots.MANIFEST);
    /** The report, since format 1 snapshots written by 0.1: optional so that older snapshots still open. */
    public static final String REPORT_HTML = "report.html";

    /**
     * The bounds. The defaults hold what the workbench writes with room to spare: the connection
     * keeps at most 100,000 recent frames (~10 MB of candump {@code -L}), the model 3,600 samples
     * per key (~10 MB of history in {@code snapshot.json}).
     *
     * @param fileBytes  the whole ZIP
     * @param entryBytes each entry, inflated
     */
    public record Limits(long fileBytes, Map<String, Long> entryBytes) {
        public static final Limits DEFAULT = new Limits(128L << 20, Map.of(SystemSnapshots.SNAPSHOT_JSON, 32L << 20,
                SystemSnapshots.FRAMES_LOG, 64L << 20, SystemSnapshots.AUDIT_LOG, 16L << 20, REPORT_HTML, 16L << 20,
                SystemSnapshots.MANIFEST, 4L << 10));

        long of(String entry) {
            return entryBytes.getOrDefault(entry, 0L);
        }

        int maxEntries() {
            return entryBytes.size();
        }
    }

    /**
     * A verified snapshot's entries.
     *
     * @param sha256   of the whole ZIP file
     * @param entries  by name, in the ZIP's order
     * @param document {@code snapshot.json}
     */
    public record Contents(Path path, String sha256, Map<String, byte[]> entries, Map<String, Object> document) {
        public String text(String entry) {
            byte[] bytes = entries.get(entry);
            return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private SnapshotArchive() {
    }

    public static Contents read(Path zip) throws SnapshotException {
        return read(zip, Limits.DEFAULT);
    }

    public static Contents read(Path zip, Limits limits) throws SnapshotException {
        String at = "snapshot " + zip;
        if (!Files.exists(zip)) {
            throw new SnapshotException(at + " does not exist");
        }
        if (!Files.isRegularFile(zip)) {
            throw new SnapshotException(at + " is not a file");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String sha256;
        try {
            long size = Files.size(zip);
            if (size > limits.fileBytes()) {
                throw new SnapshotException(at + " is " + mib(size) + ", more than a snapshot can be ("
                        + mib(limits.fileBytes()) + ")");
            }
            sha256 = Sha256.of(zip);
            try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                ZipEntry e;
                while ((e = z.getNextEntry()) != null) {
                    String name = e.getName();
                    String unsafe = unsafe(name);
                    if (unsafe != null) {
                        throw new SnapshotException(at + " holds an entry named " + printable(name) + " (" + unsafe
                                + "); refused");
                    }
                    if (entries.size() >= limits.maxEntries()) {
                        throw new SnapshotException(at + " holds more than " + limits.maxEntries()
                                + " entries; a snapshot has " + REQUIRED.size() + " or " + (REQUIRED.size() + 1));
                    }
                    if (limits.of(name) == 0) {
                        throw new SnapshotException(at + " holds an unexpected entry " + printable(name)
                                + "; a snapshot has " + String.join(", ", REQUIRED) + " and " + REPORT_HTML);
                    }
                    if (entries.containsKey(name)) {
                        throw new SnapshotException(at + " holds " + name + " twice");
                    }
                    entries.put(name, bounded(z, limits.of(name), at, name));
                }
            }
        } catch (ZipException e) {
            throw new SnapshotException(at + " is not a readable ZIP file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream: an entry name that is not UTF-8 ("MALFORMED")
            throw new SnapshotException(at + " is not a readable ZIP file: an entry name is not UTF-8", e);
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + at + ": " + e, e);
        }
        if (entries.isEmpty()) {
            throw new SnapshotException(at + " is not a ZIP file (no entries)");
        }
        for (String name : REQUIRED) {
            if (!entries.containsKey(name)) {
                throw new SnapshotException(at + " has no " + name);
            }
        }
        verifyManifest(zip, entries);
        Map<String, Object> document;
        try {
            document = Json.object(entries.get(SystemSnapshots.SNAPSHOT_JSON), zip + "!" + SystemSnapshots.SNAPSHOT_JSON);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        return new Contents(zip, sha256, entries, document);
    }

    /** Reads the current entry, refusing it as soon as it inflates past {@code limit} bytes. */
    private static byte[] bounded(InputStream in, long limit, String at, String name)
            throws IOException, SnapshotException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            total += n;
            if (total > limit) {
                throw new SnapshotException(at + ": " + name + " inflates past " + size(limit)
                        + " (a ZIP bomb or not a snapshot); refused after reading " + size(limit));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The manifest lists every other entry exactly once, with its SHA-256. */
    private static void verifyManifest(Path zip, Map<String, byte[]> entries) throws SnapshotException {
        String manifestAt = zip + "!" + SystemSnapshots.MANIFEST;
        Map<String, String> hashes = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(entries.get(SystemSnapshots.MANIFEST), StandardCharsets.UTF_8).lines().toList()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64} [ *][^\\x00-\\x1f]+")) {
                throw new SnapshotException(manifestAt + " line " + lineNo + " is not 'SHA256  NAME'");
            }
            String name = line.substring(66);
            if (hashes.put(name, line.substring(0, 64)) != null) {
                throw new SnapshotException(manifestAt + " line " + lineNo + " lists " + printable(name) + " twice");
            }
        }
        for (String name : entries.keySet()) {
            if (name.equals(SystemSnapshots.MANIFEST)) {
                continue;
            }
            String expected = hashes.remove(name);
            if (expected == null) {
                throw new SnapshotException(manifestAt + " does not list " + name);
            }
            if (!expected.equals(Sha256.of(entries.get(name)))) {
                throw new SnapshotException("snapshot " + zip + ": the SHA-256 of " + name
                        + " does not match the manifest (the file was changed)");
            }
        }
        if (!hashes.isEmpty()) {
            throw new SnapshotException(manifestAt + " lists " + printable(hashes.keySet().iterator().next())
                    + ", which the ZIP does not hold");
        }
    }

    /** Why an entry name is unsafe to hold, or null: it could name a file outside a folder it is unzipped into. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7f) {
                return "a control character";
            }
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "an absolute path";
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return "a drive letter";
        }
        if (name.contains("\\")) {
            return "a backslash";
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return "a path leading out of the folder";
            }
        }
        return null;
    }

    /** A name as it can be printed on one line: control characters as {@code \xNN}, at most 80 characters. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < name.length() && i < 80; i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return b.append(name.length() > 80 ? "…'" : "'").toString();
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? mib(bytes) : bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
