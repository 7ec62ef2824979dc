package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * A product id as VREG 0x0100 reports it, with its name (guide 1.5.4.2, "Product ID").
 *
 * @param id the un16 product id, e.g. {@code 0xA391}
 * @param name the product's name, e.g. {@code "MG Master LV 150"}
 */
public record Product(int id, String name) {
    public Product {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("product id must be 0x0000..0xFFFF, got " + id);
        }
        Objects.requireNonNull(name, "name");
    }

    /** The id as the guide writes it: {@code 0xA391}. */
    public String hexId() {
        return hex(id);
    }

    /** {@code 0x} and four upper-case hexadecimal digits. */
    static String hex(int id) {
        return String.format("0x%04X", id);
    }

    @Override
    public String toString() {
        return name + " (" + hexId() + ")";
    }
}
