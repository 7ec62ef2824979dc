package org.bmsworkbench.transport.gsusb.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.TransportScheme;
import org.bmsworkbench.can.spi.OpenChannels;
import org.bmsworkbench.transport.gsusb.internal.UsbBackend.UsbDeviceInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code gsusb:} transport: candleLight/CANable adapters with gs_usb firmware, spoken to
 * directly over USB (libusb through usb4java): no kernel driver, no vendor install. USB is started
 * when a channel is first opened or adapters are listed, never when the component starts.
 */
@Component(name = "org.bmsworkbench.transport.gsusb", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(GsUsbTransport.SCHEME)
public final class GsUsbTransport implements CanTransportProvider {
    static final String SCHEME = "gsusb";

    /** The back-off between tries to start a channel whose device went away, and how long a send waits for its echo. */
    record Timing(long firstDelayMillis, long maxDelayMillis, long echoTimeoutMillis) {
        static final Timing DEFAULT = new Timing(500, 5_000, 1_000);
    }

    private final UsbAccess usb;
    private final Timing timing;
    private final OpenChannels<GsUsbChannel> channels = new OpenChannels<>(SCHEME);

    @Activate
    public GsUsbTransport() {
        this(UsbAccess.fromSystem(), Timing.DEFAULT);
    }

    GsUsbTransport(UsbAccess usb, Timing timing) {
        this.usb = usb;
        this.timing = timing;
    }

    @Deactivate
    void deactivate() {
        channels.stop();
        usb.close();
    }

    @Override
    public String description() {
        return "candleLight/CANable adapters with gs_usb firmware, directly over USB (gsusb:0?bitrate=500000&mode=listen-only)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        GsUsbSettings.of(uri);
    }

    @Override
    public Optional<String> unavailable() {
        return usb.unavailable();
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        GsUsbSettings settings = GsUsbSettings.of(uri);
        channels.checkOpen(uri);
        UsbBackend backend = usb.get();
        GsUsbSession session = GsUsbSession.start(backend, settings, settings.serial());
        GsUsbChannel channel = new GsUsbChannel(usb, settings, session, listener, timing, channels::remove);
        channels.add(channel, uri);
        listener.onState(ConnectionState.CONNECTED, settings.busName() + " at " + channel.describe());
        channel.start();
        return channel;
    }

    /**
     * The attached gs_usb devices (by the USB ids of Linux's driver): {@code gsusb:0},
     * {@code gsusb:1}, … in bus and address order, with product string, serial number and channel
     * count; a device with more than one channel is listed once per channel ({@code gsusb:0},
     * {@code gsusb:0?channel=1}). Nothing when USB cannot be used ({@link #unavailable()} says why).
     */
    @Override
    public List<DiscoveredAdapter> discover() {
        List<UsbDeviceInfo> devices;
        try {
            devices = usb.get().devices();
        } catch (IOException e) {
            return List.of();
        }
        List<DiscoveredAdapter> found = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            UsbDeviceInfo d = devices.get(i);
            String known = GsUsb.known(d.vendorId(), d.productId()).map(GsUsb.KnownDevice::name).orElse("gs_usb");
            StringBuilder description = new StringBuilder(d.product().isEmpty() ? known : d.product());
            description.append(d.serial().isEmpty() ? "" : ", serial " + d.serial());
            if (d.channels() > 0) {
                description.append(", ").append(d.channels()).append(d.channels() == 1 ? " CAN channel" : " CAN channels");
            }
            description.append(", ").append(d.location());
            if (!d.accessProblem().isEmpty()) {
                description.append(", not accessible: ").append(d.accessProblem())
                        .append(" (see the udev rule in the gsusb README)");
            }
            for (int ch = 0; ch < Math.max(1, d.channels()); ch++) {
                String uri = SCHEME + ":" + i + (ch == 0 ? "" : "?channel=" + ch);
                found.add(new DiscoveredAdapter(SCHEME, uri, i + (ch == 0 ? "" : "." + ch),
                        description + (d.channels() > 1 ? " (channel " + ch + ")" : ""), d.vendorId(), d.productId(),
                        known));
            }
        }
        return found;
    }

    int openChannels() {
        return channels.size();
    }
}
