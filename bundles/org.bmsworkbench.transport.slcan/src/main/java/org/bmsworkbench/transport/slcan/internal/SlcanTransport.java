package org.bmsworkbench.transport.slcan.internal;

import java.io.IOException;
import java.util.List;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.TransportScheme;
import org.bmsworkbench.serialport.JSerialCommPorts;
import org.bmsworkbench.serialport.PortChannels;
import org.bmsworkbench.serialport.SerialPorts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code slcan:} transport: SLCAN (LAWICEL) adapters on serial ports — CANable, CANtact,
 * USBtin, Lawicel CANUSB and their clones — through jSerialComm.
 */
@Component(name = "org.bmsworkbench.transport.slcan", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SlcanTransport.SCHEME)
public final class SlcanTransport implements CanTransportProvider {
    static final String SCHEME = "slcan";
    /** Time for the close command (C) to leave before a line closes. */
    static final long DRAIN_MILLIS = 50;

    private final SerialPorts ports;
    private final SlcanChannel.Timing timing;
    private final PortChannels<SlcanChannel> channels = new PortChannels<>(SCHEME);

    @Activate
    public SlcanTransport() {
        this(new JSerialCommPorts(DRAIN_MILLIS), SlcanChannel.Timing.DEFAULT);
    }

    SlcanTransport(SerialPorts ports, SlcanChannel.Timing timing) {
        this.ports = ports;
        this.timing = timing;
    }

    /** Closes what is still open (the connections normally close their channels first). */
    @Deactivate
    void deactivate() {
        channels.stop();
    }

    @Override
    public String description() {
        return "SLCAN serial adapters: CANable, CANtact, USBtin, Lawicel CANUSB and clones"
                + " (slcan:PORT?bitrate=500000&mode=normal|listen-only&timestamps=off|on&baud=115200)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        SlcanSettings.of(uri);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        SlcanSettings settings = SlcanSettings.of(uri);
        return channels.open(uri, onClose -> new SlcanChannel(settings, ports, listener, timing, onClose),
                SlcanChannel::start);
    }

    @Override
    public List<DiscoveredAdapter> discover() {
        return channels.discover(ports, p -> KnownAdapters.recognise(p.vendorId(), p.productId(), p.label()));
    }

    /** Channels not yet closed (for tests). */
    int openChannels() {
        return channels.size();
    }
}
