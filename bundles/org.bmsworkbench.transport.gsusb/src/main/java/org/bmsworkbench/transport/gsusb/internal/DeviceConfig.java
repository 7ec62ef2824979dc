package org.bmsworkbench.transport.gsusb.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What BREQ_DEVICE_CONFIG answers ({@code struct gs_device_config}: three reserved bytes,
 * {@code icount}, {@code sw_version}, {@code hw_version}, little-endian).
 *
 * @param channels {@code icount + 1}
 */
record DeviceConfig(int channels, long softwareVersion, long hardwareVersion) {
    static final int SIZE = 12;

    static DeviceConfig parse(byte[] bytes, int length) {
        if (length < SIZE) {
            throw new IllegalArgumentException("BREQ_DEVICE_CONFIG answered " + length + " bytes, not " + SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new DeviceConfig((b.get(3) & 0xFF) + 1, b.getInt(4) & 0xFFFF_FFFFL, b.getInt(8) & 0xFFFF_FFFFL);
    }

    byte[] encode() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).put(3, (byte) (channels - 1))
                .putInt(4, (int) softwareVersion).putInt(8, (int) hardwareVersion).array();
    }
}
