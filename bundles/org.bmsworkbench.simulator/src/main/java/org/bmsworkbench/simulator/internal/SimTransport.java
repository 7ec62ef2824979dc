package org.bmsworkbench.simulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.TransportScheme;
import org.bmsworkbench.device.mg.MgDeviceProfile;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualBus;
import org.bmsworkbench.simulator.cellbms.CellBmsOptions;
import org.bmsworkbench.simulator.cellbms.VirtualCellBms;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code sim:} transport: each connection is its own simulated MG Master LV, whose frames
 * are encoded by the installed protocol services (found through the {@link ProtocolRegistry}
 * at every send, so a protocol installed later is used at once) and whose Safety lock and
 * unlock follow the MG device profile service. With {@code device=jbd} or {@code device=daly} the
 * connection is a simulated JBD or Daly ({@link VirtualCellBms}) that answers only when asked; on
 * its UART the channel offers a {@link StreamLink} naming the make as the protocol.
 */
@Component(name = "org.bmsworkbench.simulator", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SimTransport.SCHEME)
public final class SimTransport implements CanTransportProvider {
    static final String SCHEME = "sim";
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private final ProtocolRegistry protocols;
    private final MgDeviceProfile profile;
    private final LongSupplier wallClock;
    private final Set<SimChannel> channels = new CopyOnWriteArraySet<>();
    private volatile boolean stopped;

    @Activate
    public SimTransport(@Reference ProtocolRegistry protocols, @Reference MgDeviceProfile profile) {
        this(protocols, profile, System::currentTimeMillis);
    }

    SimTransport(ProtocolRegistry protocols, MgDeviceProfile profile, LongSupplier wallClock) {
        this.protocols = protocols;
        this.profile = profile;
        this.wallClock = wallClock;
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        List<SimChannel> all = new ArrayList<>(channels);
        all.forEach(SimChannel::close);
    }

    @Override
    public String description() {
        return "Simulated MG Master LV (sim:?protocol=general-bms|sma|nmea2000&scenario=normal&speed=1...),"
                + " JBD or Daly (sim:?device=jbd|daly&cells=16&scenario=...)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        if (SimulatorOptions.device(uri).equals(SimulatorOptions.DEVICE_MG)) {
            SimulatorOptions.parse(uri);
        } else {
            CellBmsOptions.parse(uri);
        }
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        if (!SimulatorOptions.device(uri).equals(SimulatorOptions.DEVICE_MG)) {
            return openCellBms(uri, CellBmsOptions.parse(uri), listener);
        }
        SimulatorOptions options = SimulatorOptions.parse(uri);
        if (stopped) {
            throw new IOException("the simulator transport is stopped; cannot open " + uri);
        }
        VirtualBus bms = VirtualBus.of(options, wallClock.getAsLong(), profile, protocols::find,
                problem -> listener.onTransportError("sim: " + problem));
        String thread = "bmswb-sim-" + CHANNELS.incrementAndGet();
        SimulatedNodes nodes = new SimulatedNodes() {
            @Override
            public List<org.bmsworkbench.can.CanFrame> advanceTo(long millis) {
                return bms.advanceTo(millis);
            }

            @Override
            public List<org.bmsworkbench.can.CanFrame> receive(org.bmsworkbench.can.CanFrame frame) {
                return bms.receive(frame);
            }

            @Override
            public long nextDueMillis() {
                return bms.nextDueMillis();
            }
        };
        SimChannel channel = new SimChannel(nodes, options.speed(),
                options.protocol().equals("nmea2000") ? 250_000 : 500_000,
                List.of(new SimulatedDevice(options.serial())), options.toString(), listener, thread, channels::remove);
        channels.add(channel);
        listener.onState(ConnectionState.CONNECTED, "simulated MG Master LV " + options.serial() + ", "
                + options.protocol() + ", scenario " + options.scenario().id() + ", speed ×" + options.speed());
        channel.start();
        return channel;
    }

    private CanChannel openCellBms(ConnectionUri uri, CellBmsOptions options, CanChannel.Listener listener)
            throws IOException {
        if (stopped) {
            throw new IOException("the simulator transport is stopped; cannot open " + uri);
        }
        VirtualCellBms bms = new VirtualCellBms(options, wallClock.getAsLong());
        List<Object> controls = new ArrayList<>();
        controls.add(new SimulatedDevice(options.serial()));
        if (options.link() == CellBmsOptions.Link.UART) {
            controls.add(new StreamLink(options.make().port(), options.make().id(), options.poll()));
        }
        SimulatedNodes nodes = new SimulatedNodes() {
            @Override
            public List<org.bmsworkbench.can.CanFrame> advanceTo(long millis) {
                return bms.advanceTo(millis);
            }

            @Override
            public List<org.bmsworkbench.can.CanFrame> receive(org.bmsworkbench.can.CanFrame frame) {
                return bms.receive(frame);
            }

            @Override
            public long nextDueMillis() {
                return bms.nextDueMillis();
            }
        };
        String thread = "bmswb-sim-" + CHANNELS.incrementAndGet();
        SimChannel channel = new SimChannel(nodes, options.speed(), options.bitrate(), controls, options.toString(),
                listener, thread, channels::remove);
        channels.add(channel);
        listener.onState(ConnectionState.CONNECTED, "simulated " + options.make().displayName() + " BMS "
                + options.serial() + ", " + options.cells() + " cells, "
                + (options.link() == CellBmsOptions.Link.CAN ? "CAN" : "UART " + options.make().port())
                + ", scenario " + options.scenario().id() + ", speed ×" + options.speed());
        channel.start();
        return channel;
    }

    /** Open channels (for tests). */
    int openChannels() {
        return channels.size();
    }
}
