package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.bmsworkbench.can.spi.Bitrates;
import org.bmsworkbench.transport.gsusb.internal.UsbBackend.UsbDeviceInfo;
import org.bmsworkbench.transport.gsusb.internal.UsbBackend.UsbLink;

/**
 * One started channel of a gs_usb device: found among the attached devices, interface 0 claimed,
 * and set up the way Linux's gs_usb driver does it — host format, device config (channel count),
 * bit timing constants (with the CAN FD data-phase ones where the device has BT_CONST_EXT), the
 * bit timing computed from them ({@link BitTiming}), then GS_CAN_MODE_START with listen-only,
 * loop-back, hardware timestamps and FD as asked and offered.
 *
 * @param device     the device as listed when it was opened
 * @param nominal    the arbitration-phase timing sent with BREQ_BITTIMING
 * @param data       the data-phase timing sent with BREQ_DATA_BITTIMING, or null for classic CAN
 * @param timestamps whether host frames carry the device's 32-bit microsecond time
 */
record GsUsbSession(UsbLink link, UsbDeviceInfo device, DeviceConfig config, int features, BitTiming nominal,
        BitTiming data, boolean timestamps) {
    static final int CONTROL_TIMEOUT_MILLIS = 1000;

    boolean fd() {
        return data != null;
    }

    /** The size of the host frames the device sends us. */
    int receiveSize() {
        return frameSize(fd(), timestamps);
    }

    /**
     * Finds the device {@code s} names (by serial when {@code serial} is given, which survives a
     * replug into another port, else by index), opens and starts it.
     *
     * @throws IOException one line: which device, what failed, what to do
     */
    static GsUsbSession start(UsbBackend usb, GsUsbSettings s, String serial) throws IOException {
        UsbDeviceInfo device = find(usb.devices(), s, serial);
        UsbLink link;
        try {
            link = usb.open(device);
        } catch (UsbException e) {
            throw new IOException(openFailure(s, device, e));
        }
        try {
            return setUp(link, device, s);
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private static UsbDeviceInfo find(List<UsbDeviceInfo> devices, GsUsbSettings s, String serial) throws IOException {
        if (serial != null) {
            return devices.stream().filter(d -> d.serial().equalsIgnoreCase(serial)).findFirst()
                    .orElseThrow(() -> new IOException("no gs_usb device with serial number " + serial + " is attached"
                            + attached(devices)));
        }
        if (s.index() >= devices.size()) {
            throw new IOException("no gs_usb device " + s.index() + " is attached" + attached(devices));
        }
        return devices.get(s.index());
    }

    private static String attached(List<UsbDeviceInfo> devices) {
        if (devices.isEmpty()) {
            return " (none is: is a candleLight/CANable with gs_usb firmware plugged in?)";
        }
        return " (" + devices.size() + (devices.size() == 1 ? " is" : " are") + "; 'bmswb adapters' lists them)";
    }

    private static String openFailure(GsUsbSettings s, UsbDeviceInfo d, UsbException e) {
        String which = s.deviceLabel() + " (" + d.location() + ")";
        return switch (e.kind()) {
            case ACCESS -> which + ": no permission to open it (" + e.getMessage() + "); on Linux add the udev rule of"
                    + " the gsusb transport's README (/etc/udev/rules.d/60-bmswb-gsusb.rules) and plug it in again";
            case BUSY -> which + ": another program or the kernel's gs_usb driver holds it and it could not be detached ("
                    + e.getMessage() + "); close the other program, or on Linux run 'sudo modprobe -r gs_usb'";
            case NOT_FOUND -> which + ": the system gives no access to it (" + e.getMessage() + "); on Windows it needs"
                    + " the WinUSB driver, which candleLight firmware asks for by itself (older firmware: bind WinUSB"
                    + " with Zadig)";
            default -> which + ": cannot open it (" + e.getMessage() + ")";
        };
    }

    private static GsUsbSession setUp(UsbLink link, UsbDeviceInfo device, GsUsbSettings s) throws IOException {
        String who = s.deviceLabel();
        byte[] buffer = new byte[BitTimingConstants.EXT_SIZE];
        try {
            link.controlOut(BREQ_HOST_FORMAT, 1, le(HOST_FORMAT), CONTROL_TIMEOUT_MILLIS);
        } catch (UsbException e) {
            if (e.kind() != UsbException.Kind.STALL) {
                throw request(who, "BREQ_HOST_FORMAT", e);
            } // firmware that does not know the request stalls it; Linux no longer needs it either
        }
        DeviceConfig config;
        try {
            config = DeviceConfig.parse(buffer, link.controlIn(BREQ_DEVICE_CONFIG, 1, buffer, CONTROL_TIMEOUT_MILLIS));
        } catch (UsbException e) {
            throw request(who, "BREQ_DEVICE_CONFIG", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(who + ": " + e.getMessage() + " — is it a gs_usb device?");
        }
        if (s.channel() >= config.channels()) {
            throw new IOException(who + " has " + config.channels() + (config.channels() == 1 ? " CAN channel" : " CAN channels")
                    + "; there is no channel=" + s.channel());
        }
        int features;
        BitTimingConstants nominalLimits;
        try {
            int n = link.controlIn(BREQ_BT_CONST, s.channel(), buffer, CONTROL_TIMEOUT_MILLIS);
            nominalLimits = BitTimingConstants.nominal(buffer, n);
            features = BitTimingConstants.features(buffer);
        } catch (UsbException e) {
            throw request(who, "BREQ_BT_CONST", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(who + ": " + e.getMessage());
        }
        if (s.listenOnly() && (features & LISTEN_ONLY) == 0) {
            throw new IOException(who + " does not offer listen-only mode (GS_CAN_FEATURE_LISTEN_ONLY)");
        }
        if (s.loopback() && (features & LOOP_BACK) == 0) {
            throw new IOException(who + " does not offer loop-back mode (GS_CAN_FEATURE_LOOP_BACK)");
        }
        if (s.fd() && (features & FD) == 0) {
            throw new IOException(who + " does not offer CAN FD (its firmware reports no GS_CAN_FEATURE_FD); leave out"
                    + " dbitrate= for classic CAN");
        }
        BitTimingConstants dataLimits = nominalLimits;
        if (s.fd() && (features & BT_CONST_EXT) != 0) {
            try {
                int n = link.controlIn(BREQ_BT_CONST_EXT, s.channel(), buffer, CONTROL_TIMEOUT_MILLIS);
                dataLimits = BitTimingConstants.data(buffer, n);
            } catch (UsbException e) {
                throw request(who, "BREQ_BT_CONST_EXT", e);
            } catch (IllegalArgumentException e) {
                throw new IOException(who + ": " + e.getMessage());
            }
        }
        BitTiming nominal = timing(who, "bitrate", s.bitrate(), nominalLimits);
        BitTiming data = s.fd() ? timing(who, "dbitrate", s.dataBitrate(), dataLimits) : null;
        boolean timestamps = (features & HW_TIMESTAMP) != 0;
        int flags = (s.listenOnly() ? LISTEN_ONLY : 0) | (s.loopback() ? LOOP_BACK : 0) | (timestamps ? HW_TIMESTAMP : 0)
                | (s.fd() ? FD : 0);
        try {
            link.controlOut(BREQ_MODE, s.channel(), mode(MODE_RESET, 0), CONTROL_TIMEOUT_MILLIS);
            link.controlOut(BREQ_BITTIMING, s.channel(), nominal.encode(), CONTROL_TIMEOUT_MILLIS);
            if (data != null) {
                link.controlOut(BREQ_DATA_BITTIMING, s.channel(), data.encode(), CONTROL_TIMEOUT_MILLIS);
            }
            link.controlOut(BREQ_MODE, s.channel(), mode(MODE_START, flags), CONTROL_TIMEOUT_MILLIS);
        } catch (UsbException e) {
            throw request(who, "starting channel " + s.channel() + " at " + Bitrates.label(s.bitrate()), e);
        }
        return new GsUsbSession(link, device, config, features, nominal, data, timestamps);
    }

    private static BitTiming timing(String who, String option, int rate, BitTimingConstants limits) throws IOException {
        try {
            return BitTiming.calculate(rate, limits);
        } catch (IllegalArgumentException e) {
            throw new IOException(who + ": " + option + "=" + rate + ": " + e.getMessage());
        }
    }

    private static IOException request(String who, String what, UsbException e) {
        return e.gone() ? new IOException(who + " went away during " + what + " (" + e.getMessage() + ")")
                : new IOException(who + ": " + what + " failed (" + e.getMessage() + ")");
    }

    /** {@code struct gs_device_mode}. */
    static byte[] mode(int mode, int flags) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(mode).putInt(flags).array();
    }

    static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** Stops the channel on the device (GS_CAN_MODE_RESET) if it is still there, then releases it. */
    void stop(int channel) {
        try {
            link.controlOut(BREQ_MODE, channel, mode(MODE_RESET, 0), 200);
        } catch (UsbException e) {
            // gone already: nothing to stop
        }
        link.close();
    }
}
