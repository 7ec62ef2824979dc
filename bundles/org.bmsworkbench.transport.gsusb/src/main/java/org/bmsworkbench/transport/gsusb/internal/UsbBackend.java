package org.bmsworkbench.transport.gsusb.internal;

import java.util.List;

/**
 * The USB access this transport needs, and no more: the gs_usb devices attached, and a claimed
 * interface to one of them. The product's is {@link Usb4javaBackend} (libusb through usb4java);
 * the tests' is a fake candleLight at the level of USB transfers.
 */
interface UsbBackend extends AutoCloseable {

    /** The attached devices with a gs_usb id ({@link GsUsb#DEVICES}), in bus and address order. */
    List<UsbDeviceInfo> devices() throws UsbException;

    /** Opens {@code device}, claims interface 0 (detaching a kernel driver that holds it where the system allows). */
    UsbLink open(UsbDeviceInfo device) throws UsbException;

    /** Ends the USB session; links still open stop working. */
    @Override
    void close();

    /**
     * An attached device.
     *
     * @param location     {@code bus 1 address 7}: where it is now (changes on replug)
     * @param serial       its serial number string, empty when it has none or cannot be read
     * @param product      its product string, empty when unknown
     * @param channels     its CAN channel count (BREQ_DEVICE_CONFIG), or -1 when it could not be asked
     *                     (not accessible, or its interface held by a driver or program)
     * @param accessProblem why it could not be opened to read its strings (no permission), or empty
     */
    record UsbDeviceInfo(int bus, int address, int vendorId, int productId, String serial, String product,
            int channels, String accessProblem) {
        String location() {
            return "bus " + bus + " address " + address;
        }
    }

    /** A device whose interface 0 is claimed. Transfers may run on two threads at once (one reading, one writing). */
    interface UsbLink extends AutoCloseable {
        /** A vendor request to the interface, device to host; the number of bytes read into {@code buffer}. */
        int controlIn(int request, int value, byte[] buffer, int timeoutMillis) throws UsbException;

        /** A vendor request to the interface, host to device, with {@code data}. */
        void controlOut(int request, int value, byte[] data, int timeoutMillis) throws UsbException;

        /** Reads one transfer from the bulk IN endpoint into {@code buffer}: its length, or 0 after {@code timeoutMillis}. */
        int bulkIn(byte[] buffer, int timeoutMillis) throws UsbException;

        /** Writes {@code data} to the bulk OUT endpoint. */
        void bulkOut(byte[] data, int timeoutMillis) throws UsbException;

        /** Releases the interface and closes the device. Idempotent. */
        @Override
        void close();
    }
}
