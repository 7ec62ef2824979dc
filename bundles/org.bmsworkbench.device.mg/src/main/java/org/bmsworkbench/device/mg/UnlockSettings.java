package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * How an unlock code reaches the BMS. The communication guide does not say; this profile's
 * answer (docs/ARCHITECTURE.md, "What the guide leaves open") is: the code, 8 hexadecimal digits,
 * is written as an un32 to a VREG register whose id is a setting. Until someone confirms the
 * register on a real device, {@link #verified()} is false, and the wizard and the command line
 * show {@link #caution()} and demand an explicit acknowledgement before sending to a real BMS.
 *
 * @param registerId the VREG register the code is written to, {@code 0x0000..0xFFFF}
 * @param verified true only once the register has been confirmed on a real device
 * @param format how the code is encoded
 */
public record UnlockSettings(int registerId, boolean verified, Format format) {
    /** How a code is put into the register. */
    public enum Format {
        /** 8 hexadecimal digits as one un32, little endian: {@code "1A2B3C4D"} → {@code 4D 3C 2B 1A}. */
        HEX8_UN32_LITTLE_ENDIAN("8 hexadecimal digits written as one un32, little endian");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        /** One line for people. */
        public String description() {
            return description;
        }
    }

    public UnlockSettings {
        if (registerId < 0 || registerId > 0xFFFF) {
            throw new IllegalArgumentException("a VREG register id is 0x0000..0xFFFF, got " + registerId);
        }
        Objects.requireNonNull(format, "format");
    }

    /** The register id as the guide writes ids: {@code 0xEE10}. */
    public String registerHex() {
        return Product.hex(registerId);
    }

    /** The four data bytes written to {@link #registerId()} for {@code code}. */
    public byte[] payload(UnlockCode code) {
        return code.littleEndianBytes();
    }

    /**
     * What a person must read before a code is sent: empty when verified, otherwise a warning
     * that the register is a guess.
     */
    public String caution() {
        if (verified) {
            return "";
        }
        return "The unlock register " + registerHex() + " is UNVERIFIED: the MG Master LV communication guide does not"
                + " say how an unlock code reaches the BMS, and this register has not been confirmed on a real device."
                + " Writing it to a real BMS may be refused or may do something else.";
    }
}
