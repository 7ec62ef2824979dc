package org.bmsworkbench.transport.serial.internal;

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
 * The {@code serial:} transport: a BMS that speaks a byte-stream protocol on a serial line or an
 * RS485 bus (JBD, Daly) through jSerialComm. Its connections carry chunks of bytes and offer
 * {@link org.bmsworkbench.can.StreamLink}.
 */
@Component(name = "org.bmsworkbench.transport.serial", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SerialTransport.SCHEME)
public final class SerialTransport implements CanTransportProvider {
    static final String SCHEME = "serial";

    private final SerialPorts ports;
    private final SerialChannel.Timing timing;
    private final PortChannels<SerialChannel> channels = new PortChannels<>(SCHEME);

    @Activate
    public SerialTransport() {
        this(new JSerialCommPorts(), SerialChannel.Timing.DEFAULT);
    }

    SerialTransport(SerialPorts ports, SerialChannel.Timing timing) {
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
        return "BMSes on serial lines and RS485: JBD, Daly (serial:PORT?protocol=jbd|daly&baud=9600"
                + "&parity=none|even|odd&stopbits=1|2&poll=1000&mode=normal|listen-only)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        SerialSettings.of(uri);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        SerialSettings settings = SerialSettings.of(uri);
        return channels.open(uri, onClose -> new SerialChannel(settings, ports, listener, timing, onClose),
                SerialChannel::start);
    }

    @Override
    public List<DiscoveredAdapter> discover() {
        return channels.discover(ports, p -> "");
    }

    /** Channels not yet closed (for tests). */
    int openChannels() {
        return channels.size();
    }
}
