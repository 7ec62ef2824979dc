package org.bmsworkbench.cli;

import java.util.Locale;

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
     * {@code --device} of {@code args}, or null when it is absent.
     *
     * @param withInstance whether {@code ADDR:INSTANCE} is accepted
     * @throws UsageException naming what is wrong
     */
    public static DeviceOption of(Arguments args, boolean withInstance) throws UsageException {
        String text = args.value("device").orElse(null);
        return text == null ? null : parse(text, withInstance);
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
