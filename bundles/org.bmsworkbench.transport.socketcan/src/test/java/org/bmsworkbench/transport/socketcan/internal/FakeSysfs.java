package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake {@code /sys/class/net} tree: one folder per interface with type, operstate and flags. */
final class FakeSysfs {
    final Path root;

    FakeSysfs(Path root) {
        this.root = root;
    }

    FakeSysfs add(String name, int type, String operstate, String flags) {
        try {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.writeString(dir.resolve("type"), type + "\n");
            Files.writeString(dir.resolve("operstate"), operstate + "\n");
            Files.writeString(dir.resolve("flags"), flags + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String name) {
        try {
            for (String f : new String[] {"type", "operstate", "flags"}) {
                Files.deleteIfExists(root.resolve(name).resolve(f));
            }
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
