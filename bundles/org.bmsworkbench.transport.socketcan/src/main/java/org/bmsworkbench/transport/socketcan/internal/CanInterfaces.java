package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The network interfaces of a Linux machine as {@code /sys/class/net} shows them; CAN ones have
 * {@code type} 280 ({@code ARPHRD_CAN}). Plain Java, no JavaCAN: the root is a parameter so that
 * tests read a fake tree.
 */
final class CanInterfaces {
    static final Path SYSFS = Path.of("/sys/class/net");
    static final int ARPHRD_CAN = 280;
    private static final int IFF_UP = 0x1;

    /**
     * One interface.
     *
     * @param type      the ARPHRD type (280 for CAN), or -1 when unreadable
     * @param operState the kernel's {@code operstate}: {@code up}, {@code down}, {@code unknown}, ...
     * @param adminUp   the IFF_UP flag: set by {@code ip link set NAME up}
     */
    record NetInterface(String name, int type, String operState, boolean adminUp) {
        boolean isCan() {
            return type == ARPHRD_CAN;
        }

        /** Up as far as the kernel can tell: administratively up, and not operationally down. */
        boolean isUp() {
            return adminUp && !operState.equals("down");
        }

        /** {@code up}, {@code down}, or {@code up (operstate unknown)}. */
        String state() {
            if (!adminUp) {
                return "down";
            }
            return operState.equals("up") ? "up" : operState.equals("down") ? "down (no carrier)" : "up (operstate " + operState + ")";
        }
    }

    private final Path root;

    CanInterfaces(Path root) {
        this.root = root;
    }

    /** The CAN interfaces, by name; empty when the tree does not exist (not Linux). */
    List<NetInterface> list() {
        List<NetInterface> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                lookup(p.getFileName().toString()).filter(NetInterface::isCan).ifPresent(found::add);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable tree lists what it could
        }
        return found;
    }

    /** The interface of that name, CAN or not; empty when there is none. */
    Optional<NetInterface> lookup(String name) {
        Path dir = root.resolve(name);
        if (name.isEmpty() || name.contains("/") || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        int type = (int) number(read(dir.resolve("type")), 10);
        String oper = read(dir.resolve("operstate"));
        long flags = number(read(dir.resolve("flags")), 16);
        return Optional.of(new NetInterface(name, type, oper.isEmpty() ? "unknown" : oper, flags >= 0 && (flags & IFF_UP) != 0));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long number(String text, int radix) {
        String t = radix == 16 && text.startsWith("0x") ? text.substring(2) : text;
        try {
            return Long.parseLong(t, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
