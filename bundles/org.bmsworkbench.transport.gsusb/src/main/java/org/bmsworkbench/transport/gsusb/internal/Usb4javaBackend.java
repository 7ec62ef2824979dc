package org.bmsworkbench.transport.gsusb.internal;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.usb4java.BufferUtils;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;
import org.usb4java.Loader;

/**
 * {@link UsbBackend} over libusb 1.0, through usb4java 1.3.0 (embedded in this bundle with its JNI
 * library, which has libusb linked in). One libusb context per backend. Only {@link UsbAccess}
 * touches this class, and only when USB is first needed: loading it loads the native library.
 */
final class Usb4javaBackend implements UsbBackend {
    private static final int VENDOR_IN = 0xC1; // USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_INTERFACE
    private static final int VENDOR_OUT = 0x41;
    private final Context context;
    private boolean closed;

    private Usb4javaBackend(Context context) {
        this.context = context;
    }

    /** Starts a libusb session; the native library loads on this first call into {@link LibUsb}. */
    static Usb4javaBackend start() throws UsbException {
        Context context = new Context();
        int r = LibUsb.init(context);
        removeExtractedLibrary();
        if (r != LibUsb.SUCCESS) {
            throw error(r, "libusb does not start");
        }
        return new Usb4javaBackend(context);
    }

    /**
     * usb4java's {@link Loader} copies its JNI library to a new temporary folder on each load and
     * leaves its removal to {@code deleteOnExit}, which never runs here (the launcher ends the JVM
     * with {@code Runtime.halt}): every run would leave 280 KB in the temporary folder. Once the
     * library is loaded its file is not needed on Linux and macOS, so the folder (the Loader's
     * private {@code tmp}) is removed now. On Windows a loaded DLL cannot be deleted and stays.
     */
    static void removeExtractedLibrary() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try {
            Field field = Loader.class.getDeclaredField("tmp");
            field.setAccessible(true);
            File dir = (File) field.get(null);
            if (dir == null || !dir.getName().startsWith("usb4java")) {
                return;
            }
            File[] files = dir.listFiles();
            if (files != null) {
                for (File f : files) {
                    f.delete();
                }
            }
            dir.delete();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another usb4java version: leave the copy to the system's clean-up of its temporary folder
        }
    }

    /** The Loader's temporary folder, or null (for the test that it is gone). */
    static File extractedLibraryFolder() throws ReflectiveOperationException {
        Field field = Loader.class.getDeclaredField("tmp");
        field.setAccessible(true);
        return (File) field.get(null);
    }

    static UsbException error(int code, String what) {
        UsbException.Kind kind = switch (code) {
            case LibUsb.ERROR_NO_DEVICE -> UsbException.Kind.NO_DEVICE;
            case LibUsb.ERROR_ACCESS -> UsbException.Kind.ACCESS;
            case LibUsb.ERROR_BUSY -> UsbException.Kind.BUSY;
            case LibUsb.ERROR_NOT_FOUND, LibUsb.ERROR_NOT_SUPPORTED -> UsbException.Kind.NOT_FOUND;
            case LibUsb.ERROR_PIPE -> UsbException.Kind.STALL;
            case LibUsb.ERROR_TIMEOUT -> UsbException.Kind.TIMEOUT;
            default -> UsbException.Kind.OTHER;
        };
        return new UsbException(kind, what + " (" + LibUsb.errorName(code) + ": " + LibUsb.strError(code) + ")");
    }

    @Override
    public synchronized List<UsbDeviceInfo> devices() throws UsbException {
        checkOpen();
        DeviceList list = new DeviceList();
        int n = LibUsb.getDeviceList(context, list);
        if (n < 0) {
            throw error(n, "cannot list the USB devices");
        }
        List<UsbDeviceInfo> found = new ArrayList<>();
        try {
            for (Device d : list) {
                DeviceDescriptor desc = new DeviceDescriptor();
                if (LibUsb.getDeviceDescriptor(d, desc) != LibUsb.SUCCESS) {
                    continue;
                }
                int vid = desc.idVendor() & 0xFFFF;
                int pid = desc.idProduct() & 0xFFFF;
                if (GsUsb.known(vid, pid).isEmpty()) {
                    continue;
                }
                String serial = "";
                String product = "";
                String problem = "";
                int channels = -1;
                DeviceHandle h = new DeviceHandle();
                int r = LibUsb.open(d, h);
                if (r == LibUsb.SUCCESS) {
                    serial = string(h, desc.iSerialNumber());
                    product = string(h, desc.iProduct());
                    channels = channels(h);
                    LibUsb.close(h);
                } else {
                    problem = error(r, "cannot open it").getMessage();
                }
                found.add(new UsbDeviceInfo(LibUsb.getBusNumber(d), LibUsb.getDeviceAddress(d), vid, pid, serial,
                        product, channels, problem));
            }
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
        found.sort(Comparator.comparingInt(UsbDeviceInfo::bus).thenComparingInt(UsbDeviceInfo::address));
        return found;
    }

    /**
     * The channel count from BREQ_DEVICE_CONFIG, asked without claiming the interface (Linux's usbfs
     * claims it for the request when no driver holds it); -1 when the request fails (the kernel's
     * gs_usb driver or a program holds it, or the device does not answer).
     */
    private static int channels(DeviceHandle h) {
        ByteBuffer answer = ByteBuffer.allocateDirect(DeviceConfig.SIZE);
        int n = LibUsb.controlTransfer(h, (byte) VENDOR_IN, (byte) GsUsb.BREQ_DEVICE_CONFIG, (short) 1,
                (short) GsUsb.INTERFACE, answer, 500);
        if (n < DeviceConfig.SIZE) {
            return -1;
        }
        byte[] bytes = new byte[DeviceConfig.SIZE];
        answer.get(0, bytes);
        return DeviceConfig.parse(bytes, n).channels();
    }

    private static String string(DeviceHandle h, byte index) {
        if (index == 0) {
            return "";
        }
        String s = LibUsb.getStringDescriptor(h, index);
        return s == null ? "" : s.strip();
    }

    @Override
    public synchronized UsbLink open(UsbDeviceInfo device) throws UsbException {
        checkOpen();
        DeviceList list = new DeviceList();
        int n = LibUsb.getDeviceList(context, list);
        if (n < 0) {
            throw error(n, "cannot list the USB devices");
        }
        try {
            for (Device d : list) {
                if (LibUsb.getBusNumber(d) != device.bus() || LibUsb.getDeviceAddress(d) != device.address()) {
                    continue;
                }
                int[] endpoints = endpoints(d);
                DeviceHandle h = new DeviceHandle();
                int r = LibUsb.open(d, h);
                if (r != LibUsb.SUCCESS) {
                    throw error(r, "cannot open the USB device at " + device.location());
                }
                LibUsb.setAutoDetachKernelDriver(h, true); // NOT_SUPPORTED on Windows and macOS: nothing to detach
                r = LibUsb.claimInterface(h, GsUsb.INTERFACE);
                if (r != LibUsb.SUCCESS) {
                    LibUsb.close(h);
                    throw error(r, "cannot claim interface 0 of the USB device at " + device.location());
                }
                return new Link(h, endpoints[0], endpoints[1]);
            }
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
        throw new UsbException(UsbException.Kind.NO_DEVICE, "no USB device at " + device.location() + " any more");
    }

    /** The first bulk IN and OUT endpoints of interface 0, or candleLight's 0x81 and 0x02. */
    private static int[] endpoints(Device d) {
        int[] found = {GsUsb.ENDPOINT_IN, GsUsb.ENDPOINT_OUT};
        ConfigDescriptor config = new ConfigDescriptor();
        if (LibUsb.getActiveConfigDescriptor(d, config) != LibUsb.SUCCESS) {
            return found;
        }
        try {
            boolean in = false;
            boolean out = false;
            for (Interface i : config.iface()) {
                for (InterfaceDescriptor alt : i.altsetting()) {
                    if (alt.bInterfaceNumber() != GsUsb.INTERFACE) {
                        continue;
                    }
                    for (EndpointDescriptor e : alt.endpoint()) {
                        int address = e.bEndpointAddress() & 0xFF;
                        if ((e.bmAttributes() & 0x03) != LibUsb.TRANSFER_TYPE_BULK) {
                            continue;
                        }
                        if ((address & 0x80) != 0 && !in) {
                            found[0] = address;
                            in = true;
                        } else if ((address & 0x80) == 0 && !out) {
                            found[1] = address;
                            out = true;
                        }
                    }
                }
            }
        } finally {
            LibUsb.freeConfigDescriptor(config);
        }
        return found;
    }

    private void checkOpen() throws UsbException {
        if (closed) {
            throw new UsbException(UsbException.Kind.OTHER, "the USB session is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibUsb.exit(context);
        }
    }

    /** A claimed interface; the direct buffers are per direction, so one reader and one writer do not meet. */
    private static final class Link implements UsbLink {
        private final DeviceHandle handle;
        private final byte in;
        private final byte out;
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(512);
        private final IntBuffer readCount = BufferUtils.allocateIntBuffer();
        private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(512);
        private final IntBuffer writeCount = BufferUtils.allocateIntBuffer();
        private final ByteBuffer control = ByteBuffer.allocateDirect(256);
        private volatile boolean closed;

        Link(DeviceHandle handle, int in, int out) {
            this.handle = handle;
            this.in = (byte) in;
            this.out = (byte) out;
        }

        @Override
        public int controlIn(int request, int value, byte[] buffer, int timeoutMillis) throws UsbException {
            synchronized (control) {
                checkOpen();
                control.clear().limit(Math.min(buffer.length, control.capacity()));
                int r = LibUsb.controlTransfer(handle, (byte) VENDOR_IN, (byte) request, (short) value,
                        (short) GsUsb.INTERFACE, control, timeoutMillis);
                if (r < 0) {
                    throw error(r, "vendor request " + request + " (device to host)");
                }
                control.get(0, buffer, 0, r);
                return r;
            }
        }

        @Override
        public void controlOut(int request, int value, byte[] data, int timeoutMillis) throws UsbException {
            synchronized (control) {
                checkOpen();
                control.clear();
                control.put(data).flip();
                int r = LibUsb.controlTransfer(handle, (byte) VENDOR_OUT, (byte) request, (short) value,
                        (short) GsUsb.INTERFACE, control, timeoutMillis);
                if (r < 0) {
                    throw error(r, "vendor request " + request + " (host to device)");
                }
            }
        }

        private void checkOpen() throws UsbException {
            if (closed) {
                throw new UsbException(UsbException.Kind.NO_DEVICE, "the USB device was closed");
            }
        }

        @Override
        public int bulkIn(byte[] buffer, int timeoutMillis) throws UsbException {
            synchronized (readBuffer) {
                checkOpen();
                readBuffer.clear().limit(Math.min(buffer.length, readBuffer.capacity()));
                readCount.put(0, 0);
                int r = LibUsb.bulkTransfer(handle, in, readBuffer, readCount, timeoutMillis);
                if (r == LibUsb.ERROR_TIMEOUT && readCount.get(0) == 0) {
                    return 0;
                }
                if (r < 0 && r != LibUsb.ERROR_TIMEOUT) {
                    throw error(r, "bulk read");
                }
                int n = readCount.get(0);
                readBuffer.get(0, buffer, 0, n);
                return n;
            }
        }

        @Override
        public void bulkOut(byte[] data, int timeoutMillis) throws UsbException {
            synchronized (writeBuffer) {
                checkOpen();
                writeBuffer.clear();
                writeBuffer.put(data).flip();
                writeCount.put(0, 0);
                int r = LibUsb.bulkTransfer(handle, out, writeBuffer, writeCount, timeoutMillis);
                if (r < 0) {
                    throw error(r, "bulk write");
                }
            }
        }

        /** Waits for a write or control request on another thread to end first: libusb must not free a handle in use. */
        @Override
        public void close() {
            synchronized (writeBuffer) {
                synchronized (control) {
                    synchronized (this) {
                        if (!closed) {
                            closed = true;
                            LibUsb.releaseInterface(handle, GsUsb.INTERFACE);
                            LibUsb.close(handle);
                        }
                    }
                }
            }
        }
    }
}
