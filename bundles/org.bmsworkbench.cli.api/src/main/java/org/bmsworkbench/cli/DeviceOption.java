package org.bmsworkbench.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --device} option of the commands that work on one device of a bus of many:
 * {@code ADDR} (0..253) or, where a source's several batteries can be told apart,
 * {@code ADDR:INSTANCE} (0..255), each decimal or {@code 0x} hex: {@code 80}, {@code 0x50:1}.
 *
 * @param address  the source address
 * @param instance the battery instance, or null
 */
public record DeviceOption(int address, Integer instance) {

    /**
     * {@code --device ADDR}, as a picocli mixin: {@code @Mixin DeviceOption.Address device;} then
     * {@code device.value()} in {@code call()}. Commands say in their description what the device is for.
     */
    public static final class Address {
        @Option(names = "--device", paramLabel = "ADDR",
                description = "the device's source address, 0..253, decimal or 0x hex (80 or 0x50)")
        private String text;

        /** The option, or null when it is absent. @throws UsageException naming what is wrong */
        public DeviceOption value() throws UsageException {
            return text == null ? null : parse(text, false);
        }
    }

    /** {@code --device ADDR[:N]}, as a picocli mixin, for the commands that tell a source's batteries apart. */
    public static final class AddressAndInstance {
        @Option(names = "--device", paramLabel = "ADDR[:N]",
                description = "the device's source address, 0..253, decimal or 0x hex, and for a sender of several"
                        + " batteries the instance N, 0..255 (80, 0x50:1)")
        private String text;

        /** The option, or null when it is absent. @throws UsageException naming what is wrong */
        public DeviceOption value() throws UsageException {
            return text == null ? null : parse(text, true);
        }
    }

    /** Parses {@code ADDR} or (with {@code withInstance}) {@code ADDR:INSTANCE}. */
    public static DeviceOption parse(String text, boolean withInstance) throws UsageException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        int address = colon < 0 ? number(t, 0xFD) : number(t.substring(0, colon), 0xFD);
        int instance = colon < 0 || !withInstance ? -1 : number(t.substring(colon + 1), 0xFF);
        if (address < 0 || instance < -1 || colon >= 0 && (!withInstance || instance < 0)) {
            throw new UsageException("--device: expected " + (withInstance
                    ? "ADDR or ADDR:INSTANCE (address 0..253, instance 0..255, decimal or 0x hex, e.g. 80 or 0x50:1)"
                    : "an address 0..253, decimal or 0x hex, such as 80 or 0x50") + ", got '" + text + "'");
        }
        return new DeviceOption(address, instance < 0 ? null : instance);
    }

    /** The whole number {@code 0..max}, or -2 when {@code t} is not one. */
    private static int number(String t, int max) {
        try {
            boolean hex = t.startsWith("0x");
            String digits = hex ? t.substring(2) : t;
            if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
                return -2;
            }
            int v = Integer.parseInt(digits, hex ? 16 : 10);
            return v <= max ? v : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}
