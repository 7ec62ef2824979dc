package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.bmsworkbench.can.CanFrame;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.JavaCAN;
import tel.schich.javacan.NetworkDevice;
import tel.schich.javacan.RawCanChannel;
import tel.schich.javacan.RawReceiveMessageHeaderBuffer;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

/**
 * A raw CAN socket through JavaCAN: kernel receive timestamps ({@code SO_TIMESTAMP}), every
 * error class ({@code CAN_RAW_ERR_FILTER}), the kernel's drop counter ({@code SO_RXQ_OVFL}), CAN FD
 * frames ({@code CAN_RAW_FD_FRAMES}, where the kernel has them), and a receive timeout so that the
 * reader can stop. JavaCAN's native library is loaded on first use.
 */
final class JavacanSocket implements RawSocket {
    /** CAN_ERR_MASK: every error class. */
    private static final int ALL_ERRORS = 0x1FFF_FFFF;
    static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(250);

    private final String bus;
    private final RawCanChannel channel;
    private final RawReceiveMessageHeaderBuffer header = new RawReceiveMessageHeaderBuffer();
    private int lastDropCount;
    private int dropped;

    private JavacanSocket(String bus, RawCanChannel channel) {
        this.bus = bus;
        this.channel = channel;
    }

    /** Opens and binds a raw socket on {@code name}. */
    static RawSocket open(String name) throws IOException {
        loadNatives();
        RawCanChannel channel;
        try {
            channel = CanChannels.newRawChannel();
        } catch (LinuxNativeOperationException e) {
            throw new IOException("this Linux kernel offers no SocketCAN raw socket (" + e.getErrorString()
                    + "): load the can and can_raw modules (modprobe can_raw)", e);
        }
        try {
            channel.setOption(CanSocketOptions.ERR_FILTER, ALL_ERRORS);
            channel.setOption(CanSocketOptions.SO_TIMESTAMP, true);
            channel.setOption(CanSocketOptions.SO_RXQ_OVFL, true);
            channel.setOption(CanSocketOptions.SO_RCVTIMEO, RECEIVE_TIMEOUT);
            enableCanFd(channel);
            channel.bind(NetworkDevice.lookup(name));
            return new JavacanSocket(name, channel);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the socket is gone either way
            }
            throw new IOException("cannot open a raw CAN socket on " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks for CAN FD frames too ({@code CAN_RAW_FD_FRAMES}); on an interface that is not CAN FD
     * capable none come. A kernel without CAN FD support refuses the option: classic frames only.
     */
    private static void enableCanFd(RawCanChannel channel) {
        try {
            channel.setOption(CanSocketOptions.FD_FRAMES, true);
        } catch (IOException | RuntimeException e) {
            // an old kernel: the socket stays classic CAN
        }
    }

    /** Loads JavaCAN's native library; a clear IOException when there is none for this platform. */
    static void loadNatives() throws IOException {
        try {
            JavaCAN.initialize();
        } catch (LinkageError | RuntimeException e) {
            throw new IOException("JavaCAN's native library does not load on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (this bundle carries it for Linux x86_64, aarch64 and armv7): "
                    + e, e);
        }
    }

    @Override
    public CanFrame receive() throws IOException {
        tel.schich.javacan.CanFrame frame;
        try {
            frame = channel.receive(header);
        } catch (LinuxNativeOperationException e) {
            if (e.mayTryAgain()) {
                return null;
            }
            throw e;
        }
        int drops = header.getDropCount();
        if (drops != lastDropCount) {
            dropped += drops - lastDropCount;
            lastDropCount = drops;
        }
        Instant time = header.getSoftwareTimestamp();
        return FrameConversion.fromJavacan(frame, bus, time == null || time.getEpochSecond() == 0 ? null : time);
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        channel.write(FrameConversion.toJavacan(frame));
    }

    @Override
    public int takeDropped() {
        int d = dropped;
        dropped = 0;
        return d;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the socket is gone either way
        }
    }
}
