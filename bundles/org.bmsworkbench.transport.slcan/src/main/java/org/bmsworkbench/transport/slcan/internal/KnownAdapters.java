package org.bmsworkbench.transport.slcan.internal;

import java.util.List;
import java.util.Locale;

/**
 * CAN adapters recognised on a serial port by USB vendor:product id and description (what the
 * README's table lists, with its sources). Ids of general-purpose USB serial chips (FTDI,
 * the STM32 virtual COM port) count only together with a description naming the adapter.
 */
final class KnownAdapters {
    /** {@code text}: a lower-case word the port's description must contain, or null for any. */
    private record Entry(int vendorId, int productId, String text, String name) {
    }

    private static final List<Entry> BY_ID = List.of(
            new Entry(0x16D0, 0x117E, null, "CANable 2 (slcan firmware)"),
            new Entry(0xAD50, 0x60C4, null, "CANable / CANtact (slcan firmware)"),
            new Entry(0x04D8, 0x000A, null, "USBtin"),
            new Entry(0x0403, 0x6001, "canusb", "Lawicel CANUSB"),
            new Entry(0x0403, 0x6015, "can", "CANable clone (FTDI)"),
            new Entry(0x0483, 0x5740, "can", "SLCAN clone (STM32 virtual COM port)"));

    /** Description words that name an adapter whatever its ids (clones keep the product string). */
    private static final List<Entry> BY_TEXT = List.of(
            new Entry(-1, -1, "canable", "CANable (by description)"),
            new Entry(-1, -1, "cantact", "CANtact (by description)"),
            new Entry(-1, -1, "usbtin", "USBtin (by description)"),
            new Entry(-1, -1, "canusb", "Lawicel CANUSB (by description)"),
            new Entry(-1, -1, "slcan", "SLCAN adapter (by description)"));

    private KnownAdapters() {
    }

    /** The adapter's name, or empty when neither ids nor description are known. */
    static String recognise(int vendorId, int productId, String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        for (Entry e : BY_ID) {
            if (e.vendorId == vendorId && e.productId == productId && (e.text == null || text.contains(e.text))) {
                return e.name;
            }
        }
        for (Entry e : BY_TEXT) {
            if (text.contains(e.text)) {
                return e.name;
            }
        }
        return "";
    }
}
