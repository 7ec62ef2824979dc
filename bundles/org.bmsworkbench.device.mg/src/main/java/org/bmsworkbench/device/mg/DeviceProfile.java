package org.bmsworkbench.device.mg;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a diagnostic tool needs to know about one kind of BMS beyond its protocols: its
 * products, what its state, error and status-flag registers mean, which errors mean a Safety
 * lock, and how an unlock code is sent. Device-neutral, so a diagnosis, a view or a simulator
 * can serve another vendor's BMS through another implementation. Implementations are
 * immutable snapshots or thread-safe.
 */
@ProviderType
public interface DeviceProfile {
    /** The device family, e.g. {@code "MG Master LV"}. */
    String deviceName();

    /** The CAN source address the device uses unless configured otherwise. */
    int nodeAddress();

    /** Every product id the device reports, in the guide's order. */
    List<Product> products();

    /** The product with this id, if the device has one. */
    Optional<Product> product(int productId);

    /** The product's name, or {@code "unknown product 0xABCD"} for an id the device does not have. */
    default String productName(int productId) {
        return product(productId).map(Product::name).orElseGet(() -> "unknown product " + Product.hex(productId & 0xFFFF));
    }

    /** Every state code the guide lists, ascending. */
    List<BmsState> states();

    /** The state for a code; {@link BmsState#unknown(int)} for a code the guide does not list. */
    BmsState state(int code);

    /** Every error code the guide lists, ascending, unused codes included. */
    List<BmsError> errors();

    /** The error for a code; {@link BmsError#unknown(int)} for a code the guide does not list. */
    BmsError error(int code);

    /** Every bit the guide lists for the status flags, ascending. */
    List<StatusFlag> statusFlags();

    /**
     * The bits set in a raw un32 of the status flags, ascending; bits the guide does not list
     * come as {@link StatusFlag#undocumented(int)}.
     *
     * @throws IllegalArgumentException if {@code raw} is not an un32
     */
    List<StatusFlag> setFlags(long raw);

    /** The error codes that mean a Safety lock when the BMS is in its error state. */
    Set<Integer> safetyLockErrorCodes();

    /** True if {@code errorCode} is one of {@link #safetyLockErrorCodes()}. */
    default boolean isSafetyLockError(int errorCode) {
        return safetyLockErrorCodes().contains(errorCode);
    }

    /** What a state and error code say about a Safety lock. */
    SafetyLockAssessment assess(int stateCode, int errorCode);

    /** How an unlock code is sent, and whether that is verified. */
    UnlockSettings unlockSettings();
}
