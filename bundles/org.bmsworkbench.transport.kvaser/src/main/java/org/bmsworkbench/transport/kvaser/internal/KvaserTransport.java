package org.bmsworkbench.transport.kvaser.internal;

import static org.bmsworkbench.transport.kvaser.internal.CanlibConstants.*;

import com.sun.jna.Memory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.TransportScheme;
import org.bmsworkbench.can.spi.OpenChannels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code kvaser:} transport: Kvaser CAN adapters through Kvaser's CANlib, called with JNA.
 * The library is loaded when a channel is first opened or adapters are listed, never when the
 * component starts.
 */
@Component(name = "org.bmsworkbench.transport.kvaser", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(KvaserTransport.SCHEME)
public final class KvaserTransport implements CanTransportProvider {
    static final String SCHEME = "kvaser";

    /** The back-off between tries to open a channel whose device went away. */
    record Timing(long firstDelayMillis, long maxDelayMillis) {
        static final Timing DEFAULT = new Timing(500, 5_000);
    }

    private final CanlibLibrary library;
    private final Timing timing;
    private final OpenChannels<KvaserChannel> channels = new OpenChannels<>(SCHEME);

    @Activate
    public KvaserTransport() {
        this(CanlibLibrary.fromSystem(), Timing.DEFAULT);
    }

    KvaserTransport(CanlibLibrary library, Timing timing) {
        this.library = library;
        this.timing = timing;
    }

    @Deactivate
    void deactivate() {
        channels.stop();
    }

    @Override
    public String description() {
        return "Kvaser CAN adapters through Kvaser's CANlib (kvaser:0?bitrate=500000&mode=listen-only)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        KvaserSettings.of(uri);
    }

    @Override
    public Optional<String> unavailable() {
        return library.unavailable();
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        KvaserSettings settings = KvaserSettings.of(uri);
        Canlib api = library.get();
        channels.checkOpen(uri);
        KvaserChannel.Opened opened = KvaserChannel.open(api, settings);
        KvaserChannel channel = new KvaserChannel(api, settings, opened, listener, timing, channels::remove);
        channels.add(channel, uri);
        channel.start();
        return channel;
    }

    /** CANlib's channels ({@code canGetNumberOfChannels}) with their names and card serial numbers. */
    @Override
    public List<DiscoveredAdapter> discover() {
        Canlib api;
        try {
            api = library.get();
        } catch (IOException e) {
            return List.of();
        }
        Memory count = new Memory(4);
        count.setInt(0, 0);
        if (api.canGetNumberOfChannels(count) != canOK) {
            return List.of();
        }
        List<DiscoveredAdapter> found = new ArrayList<>();
        int n = Math.max(0, Math.min(count.getInt(0), 128));
        Memory text = new Memory(256);
        Memory serial = new Memory(8);
        for (int i = 0; i < n; i++) {
            String name = string(api, i, canCHANNELDATA_CHANNEL_NAME, text);
            String device = string(api, i, canCHANNELDATA_DEVDESCR_ASCII, text);
            serial.setLong(0, 0);
            boolean hasSerial = api.canGetChannelData(i, canCHANNELDATA_CARD_SERIAL_NO, serial, new Canlib.SizeT(8)) == canOK
                    && serial.getLong(0) != 0;
            String description = (name.isEmpty() ? "CANlib channel " + i : name)
                    + (hasSerial ? ", serial " + Long.toUnsignedString(serial.getLong(0)) : "");
            found.add(new DiscoveredAdapter(SCHEME, SCHEME + ":" + i, Integer.toString(i), description, -1, -1,
                    device.isEmpty() ? "Kvaser" : device));
        }
        return found;
    }

    private static String string(Canlib api, int channel, int item, Memory text) {
        text.clear();
        if (api.canGetChannelData(channel, item, text, new Canlib.SizeT(text.size())) != canOK) {
            return "";
        }
        return text.getString(0, "US-ASCII").strip();
    }

    int openChannels() {
        return channels.size();
    }
}
