package org.bmsworkbench.transport.gsusb.internal;

import java.util.Set;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.spi.Bitrates;

/**
 * The settings of one {@code gsusb:} URI: {@code gsusb:SERIAL?bitrate=500000&mode=listen-only},
 * {@code gsusb:0} (the first attached gs_usb device), {@code &channel=1} on a device with more than
 * one CAN channel, {@code &dbitrate=2000000} for CAN FD.
 *
 * @param index        the device's place among the attached gs_usb devices (bus, address order), or -1
 * @param serial       the device's USB serial number, or null when chosen by index
 * @param channel      the CAN channel of the device (0…)
 * @param bitrate      the nominal (arbitration) bit rate, bit/s
 * @param dataBitrate  the CAN FD data-phase bit rate, bit/s, or 0 for classic CAN
 * @param listenOnly   {@code mode=listen-only}: GS_CAN_MODE_LISTEN_ONLY, nothing is sent
 * @param loopback     {@code mode=loopback}: GS_CAN_MODE_LOOP_BACK, the controller hears itself only
 */
record GsUsbSettings(int index, String serial, int channel, int bitrate, int dataBitrate, boolean listenOnly,
        boolean loopback) {
    static final int DEFAULT_BITRATE = 500_000;
    private static final Set<String> OPTIONS = Set.of("bitrate", "dbitrate", "mode", "channel");

    /** Checks the URI without any I/O; throws {@link InvalidUriException} naming what is wrong. */
    static GsUsbSettings of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a gs_usb device has no host; write gsusb:0 or gsusb:SERIAL");
        }
        String path = uri.requirePath("device index or serial number");
        int index = -1;
        String serial = null;
        if (path.matches("\\d{1,2}")) {
            index = Integer.parseInt(path);
        } else if (path.matches("[A-Za-z0-9._-]{1,64}")) {
            serial = path;
        } else {
            throw new InvalidUriException("'" + uri + "': '" + path + "' is neither a device index (0, 1, …) nor a USB"
                    + " serial number ('bmswb adapters' lists the attached gs_usb devices)");
        }
        int bitrate = rate(uri, "bitrate", DEFAULT_BITRATE);
        int dataBitrate = rate(uri, "dbitrate", 0);
        if (dataBitrate != 0 && dataBitrate < bitrate) {
            throw new InvalidUriException("'" + uri + "': option dbitrate=" + uri.option("dbitrate").orElseThrow()
                    + " is below the nominal bitrate " + Bitrates.label(bitrate) + "; the data phase of CAN FD is at least"
                    + " as fast");
        }
        String mode = uri.choiceOption("mode", "normal", Set.of("normal", "listen-only", "loopback"));
        int channel = uri.intOption("channel", 0, 0, 255);
        return new GsUsbSettings(index, serial, channel, bitrate, dataBitrate, mode.equals("listen-only"),
                mode.equals("loopback"));
    }

    private static int rate(ConnectionUri uri, String key, int defaultValue) {
        String text = uri.option(key).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        int rate = Bitrates.parse(text);
        if (rate < 5_000 || rate > 15_000_000) {
            throw new InvalidUriException("'" + uri + "': option " + key + "=" + text + " is not a bit rate between 5k"
                    + " and 15M (e.g. 500000, 500k, 1M)");
        }
        return rate;
    }

    boolean fd() {
        return dataBitrate > 0;
    }

    /** How the device is named in messages: {@code gs_usb device 0}, {@code gs_usb device 0038002A4E50}. */
    String deviceLabel() {
        return serial != null ? "gs_usb device " + serial : "gs_usb device " + index;
    }

    /** The bus name frames carry: {@code gsusb0}, {@code gsusb0.1} for channel 1, {@code gsusb-SERIAL} by serial. */
    String busName() {
        return (serial != null ? "gsusb-" + serial : "gsusb" + index) + (channel > 0 ? "." + channel : "");
    }
}
