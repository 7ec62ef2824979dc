package org.bmsworkbench.ui.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the window remembers between runs, in one properties file ({@code ui/workbench.properties}
 * under the user directory, {@code ~/.bmsworkbench}): window bounds, the split and which tabs sit
 * on which side in which order, and the recent connections. A missing or unreadable file gives
 * the defaults; the file is replaced atomically on save, so a crash never leaves half of it.
 */
final class WorkbenchPreferences {
    static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties values = new Properties();

    /** One remembered connection: the URI as typed and the protocol asked for ({@code auto} or an id). */
    record RecentConnection(String uri, String protocol) {
    }

    private WorkbenchPreferences(Path file) {
        this.file = file;
    }

    /** Loads {@code ui/workbench.properties} under {@code userDir}; the defaults when it cannot be read. */
    static WorkbenchPreferences load(Path userDir) {
        WorkbenchPreferences p = new WorkbenchPreferences(userDir.resolve("ui").resolve("workbench.properties"));
        if (Files.isRegularFile(p.file)) {
            try (Reader r = Files.newBufferedReader(p.file, StandardCharsets.UTF_8)) {
                p.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                p.values.clear(); // a damaged file: start from the defaults
            }
        }
        return p;
    }

    Path file() {
        return file;
    }

    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(w, "BMS Workbench window layout and recent connections");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    int[] ints(String key) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            return new int[0];
        }
        try {
            return Arrays.stream(v.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            return new int[0];
        }
    }

    void putInts(String key, int... numbers) {
        values.setProperty(key, String.join(",", Arrays.stream(numbers).mapToObj(Integer::toString).toList()));
    }

    List<String> list(String key) {
        String v = values.getProperty(key, "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    void putList(String key, List<String> items) {
        values.setProperty(key, String.join(",", items));
    }

    boolean bool(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v.strip());
    }

    /** The recent connections, most recent first. */
    List<RecentConnection> recent() {
        List<RecentConnection> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String uri = values.getProperty("recent." + i + ".uri");
            if (uri != null && !uri.isBlank()) {
                list.add(new RecentConnection(uri, values.getProperty("recent." + i + ".protocol", "auto")));
            }
        }
        return list;
    }

    /** Puts a connection first in the recent list (once), keeping at most {@link #MAX_RECENT}. */
    void remember(RecentConnection connection) {
        List<RecentConnection> list = new ArrayList<>(recent());
        list.removeIf(r -> r.uri().equals(connection.uri()));
        list.add(0, connection);
        for (int i = 0; i < MAX_RECENT; i++) {
            values.remove("recent." + i + ".uri");
            values.remove("recent." + i + ".protocol");
        }
        for (int i = 0; i < Math.min(MAX_RECENT, list.size()); i++) {
            values.setProperty("recent." + i + ".uri", list.get(i).uri());
            values.setProperty("recent." + i + ".protocol", list.get(i).protocol());
        }
    }
}
