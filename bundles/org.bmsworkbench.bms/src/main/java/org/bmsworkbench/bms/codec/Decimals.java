package org.bmsworkbench.bms.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact scaling between raw integers and decimal values: {@code 5312} at 0.01 gives {@code 53.12}
 * (not 53.120000000000005), so values print as the device meant them.
 */
public final class Decimals {
    private static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** {@code raw × 10^-decimals}, the double nearest to the exact decimal. */
    public static double scale(long raw, int decimals) {
        return raw / POW10[decimals];
    }

    /** Kelvin in units of 10^-decimals to degrees Celsius, exact: {@code 29815} at 2 gives {@code 25.0}. */
    public static double kelvinToCelsius(long rawKelvin, int decimals) {
        long offset = 27315L * (long) POW10[decimals] / 100; // 273.15 K in raw units
        if (decimals < 2) {
            // 273.15 is not a whole number of 1 K or 0.1 K units: subtract exactly in hundredths
            return (rawKelvin * (long) POW10[2 - decimals] - 27315L) / 100.0;
        }
        return (rawKelvin - offset) / POW10[decimals];
    }

    /** The raw integer for {@code value} at 10^-decimals, rounded half-up. */
    public static long unscale(double value, int decimals) {
        return BigDecimal.valueOf(value).movePointRight(decimals).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The raw Kelvin integer at 10^-decimals for a Celsius value, rounded half-up. */
    public static long celsiusToKelvin(double celsius, int decimals) {
        return BigDecimal.valueOf(celsius).add(new BigDecimal("273.15")).movePointRight(decimals)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
