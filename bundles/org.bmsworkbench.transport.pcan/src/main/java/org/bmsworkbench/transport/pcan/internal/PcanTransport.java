package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.transport.pcan.internal.PcanConstants.*;

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
 * The {@code pcan:} transport: PEAK PCAN adapters through PEAK's PCAN-Basic library, called
 * with JNA. The library is loaded when a channel is first opened or adapters are listed, never
 * when the component starts.
 */
@Component(name = "org.bmsworkbench.transport.pcan", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(PcanTransport.SCHEME)
public final class PcanTransport implements CanTransportProvider {
    static final String SCHEME = "pcan";

    /** The back-off between tries to initialize a channel whose adapter went away. */
    record Timing(long firstDelayMillis, long maxDelayMillis) {
        static final Timing DEFAULT = new Timing(500, 5_000);
    }

    private final PcanLibrary library;
    private final Timing timing;
    private final OpenChannels<PcanChannel> channels = new OpenChannels<>(SCHEME);

    @Activate
    public PcanTransport() {
        this(PcanLibrary.fromSystem(), Timing.DEFAULT);
    }

    PcanTransport(PcanLibrary library, Timing timing) {
        this.library = library;
        this.timing = timing;
    }

    @Deactivate
    void deactivate() {
        channels.stop();
    }

    @Override
    public String description() {
        return "PEAK PCAN adapters through PEAK's PCAN-Basic library (pcan:PCAN_USBBUS1?bitrate=500000&mode=listen-only)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        PcanSettings.of(uri);
    }

    @Override
    public Optional<String> unavailable() {
        return library.unavailable();
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        PcanSettings settings = PcanSettings.of(uri);
        PcanBasic api = library.get();
        channels.checkOpen(uri);
        PcanChannel.initialize(api, settings);
        ReceiveWait wait = ReceiveWait.open(api, (short) settings.handle(), library.windows());
        PcanChannel channel = new PcanChannel(api, settings, library.windows(), wait, listener, timing, channels::remove);
        channels.add(channel, uri);
        channel.start();
        return channel;
    }

    /**
     * The attached channels ({@code PCAN_ATTACHED_CHANNELS}): name, device id, condition. An older
     * library without that parameter is asked {@code PCAN_CHANNEL_CONDITION} of PCAN_USBBUS1…16.
     * Nothing when the library is missing ({@link #unavailable()} says why).
     */
    @Override
    public List<DiscoveredAdapter> discover() {
        PcanBasic api;
        try {
            api = library.get();
        } catch (IOException e) {
            return List.of();
        }
        List<DiscoveredAdapter> found = new ArrayList<>();
        Memory count = new Memory(4);
        count.setInt(0, 0);
        if (api.CAN_GetValue((short) 0, PCAN_ATTACHED_CHANNELS_COUNT, count, 4) == PCAN_ERROR_OK) {
            int n = Math.max(0, Math.min(count.getInt(0), 64));
            if (n == 0) {
                return List.of();
            }
            Memory info = new Memory((long) n * TPCANCHANNELINFORMATION_SIZE);
            info.clear();
            if (api.CAN_GetValue((short) 0, PCAN_ATTACHED_CHANNELS, info, (int) info.size()) == PCAN_ERROR_OK) {
                for (int i = 0; i < n; i++) {
                    long o = (long) i * TPCANCHANNELINFORMATION_SIZE;
                    int handle = info.getShort(o) & 0xFFFF;
                    String device = info.getString(o + 8, "US-ASCII");
                    int deviceId = info.getInt(o + 44);
                    int condition = info.getInt(o + 48);
                    found.add(adapter(handle, device.isBlank() ? "PCAN" : device.strip(), deviceId, condition));
                }
                return found;
            }
        }
        for (int i = 1; i <= 16; i++) {
            int handle = PcanChannelNames.handle("PCAN_USBBUS" + i).orElseThrow();
            Memory value = new Memory(4);
            value.setInt(0, 0);
            if (api.CAN_GetValue((short) handle, PCAN_CHANNEL_CONDITION, value, 4) == PCAN_ERROR_OK
                    && value.getInt(0) != PCAN_CHANNEL_UNAVAILABLE) {
                int condition = value.getInt(0);
                value.setInt(0, -1);
                int id = api.CAN_GetValue((short) handle, PCAN_DEVICE_ID, value, 4) == PCAN_ERROR_OK ? value.getInt(0) : -1;
                found.add(adapter(handle, "PCAN-USB", id, condition));
            }
        }
        return found;
    }

    private static DiscoveredAdapter adapter(int handle, String device, int deviceId, int condition) {
        String name = PcanChannelNames.name(handle);
        String state = switch (condition) {
            case PCAN_CHANNEL_AVAILABLE -> "available";
            case PCAN_CHANNEL_OCCUPIED -> "occupied (in use by a program)";
            case PCAN_CHANNEL_PCANVIEW -> "in use by PCAN-View, can be shared";
            case PCAN_CHANNEL_UNAVAILABLE -> "unavailable";
            default -> "condition " + condition;
        };
        String description = device + (deviceId >= 0 ? String.format(", device id 0x%X", deviceId) : "") + ", " + state;
        return new DiscoveredAdapter(SCHEME, SCHEME + ":" + name, name, description, -1, -1, "PEAK " + device);
    }

    int openChannels() {
        return channels.size();
    }
}
