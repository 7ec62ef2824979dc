package org.bmsworkbench.transport.kvaser.internal;

import static org.bmsworkbench.transport.kvaser.internal.CanlibConstants.*;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every {@code canERR_*} code of Kvaser's public {@code canstat.h} in words. */
final class CanlibStatus {
    private static final Map<Integer, String> WORDS = new TreeMap<>();

    static {
        put(0, "canOK", "no error");
        put(-1, "canERR_PARAM", "an argument is out of range");
        put(-2, "canERR_NOMSG", "no message arrived");
        put(-3, "canERR_NOTFOUND", "the device or channel was not found");
        put(-4, "canERR_NOMEM", "out of memory");
        put(-5, "canERR_NOCHANNELS", "no channels are available");
        put(-6, "canERR_INTERRUPTED", "the operation was interrupted");
        put(-7, "canERR_TIMEOUT", "timed out");
        put(-8, "canERR_NOTINITIALIZED", "the library is not initialized");
        put(-9, "canERR_NOHANDLES", "out of handles");
        put(-10, "canERR_INVHANDLE", "the handle is invalid");
        put(-11, "canERR_INIFILE", "error in the ini file");
        put(-12, "canERR_DRIVER", "the CAN driver failed (is the device still connected?)");
        put(-13, "canERR_TXBUFOFL", "the transmit buffer overflowed");
        put(-14, "canERR_RESERVED_1", "reserved code -14");
        put(-15, "canERR_HARDWARE", "a hardware error was detected");
        put(-16, "canERR_DYNALOAD", "a driver DLL cannot be found or loaded");
        put(-17, "canERR_DYNALIB", "a driver DLL is the wrong version");
        put(-18, "canERR_DYNAINIT", "a driver DLL failed to initialize");
        put(-19, "canERR_NOT_SUPPORTED", "the operation is not supported by the hardware or firmware");
        put(-20, "canERR_RESERVED_5", "reserved code -20");
        put(-21, "canERR_RESERVED_6", "reserved code -21");
        put(-22, "canERR_RESERVED_2", "reserved code -22");
        put(-23, "canERR_DRIVERLOAD", "the device driver cannot be loaded");
        put(-24, "canERR_DRIVERFAILED", "the device driver failed (DeviceIOControl)");
        put(-25, "canERR_NOCONFIGMGR", "the configuration manager is missing");
        put(-26, "canERR_NOCARD", "the card was removed or is not inserted");
        put(-27, "canERR_RESERVED_7", "reserved code -27");
        put(-28, "canERR_REGISTRY", "a registry or configuration error");
        put(-29, "canERR_LICENSE", "the license is not valid");
        put(-30, "canERR_INTERNAL", "an internal error in the driver");
        put(-31, "canERR_NO_ACCESS", "access denied");
        put(-32, "canERR_NOT_IMPLEMENTED", "not implemented");
        put(-33, "canERR_DEVICE_FILE", "a device file error");
        put(-34, "canERR_HOST_FILE", "a host file error");
        put(-35, "canERR_DISK", "a disk error");
        put(-36, "canERR_CRC", "a CRC error");
        put(-37, "canERR_CONFIG", "a configuration error");
        put(-38, "canERR_MEMO_FAIL", "a memo error");
        put(-39, "canERR_SCRIPT_FAIL", "a script error");
        put(-40, "canERR_SCRIPT_WRONG_VERSION", "the script version is not supported");
        put(-41, "canERR_SCRIPT_TXE_CONTAINER_VERSION", "the script container version is not supported");
        put(-42, "canERR_SCRIPT_TXE_CONTAINER_FORMAT", "the script container format is invalid");
        put(-43, "canERR_BUFFER_TOO_SMALL", "the buffer is too small");
        put(-44, "canERR_IO_WRONG_PIN_TYPE", "an I/O pin does not have the expected type");
        put(-45, "canERR_IO_NOT_CONFIRMED", "the I/O pin configuration is not confirmed");
        put(-46, "canERR_IO_CONFIG_CHANGED", "the I/O pin configuration changed after confirmation");
        put(-47, "canERR_IO_PENDING", "the previous I/O request is still pending");
        put(-48, "canERR_IO_NO_VALID_CONFIG", "there is no valid I/O pin configuration");
    }

    /** Codes a read or write answers when the device or its driver went away: the channel reconnects. */
    private static final Set<Integer> GONE = Set.of(canERR_NOTFOUND, canERR_NOTINITIALIZED, canERR_INVHANDLE,
            canERR_DRIVER, canERR_HARDWARE, canERR_DRIVERLOAD, canERR_DRIVERFAILED, canERR_NOCARD, canERR_DEVICE_FILE);

    private static void put(int code, String name, String words) {
        WORDS.put(code, name + ": " + words);
    }

    private CanlibStatus() {
    }

    /** {@code "canERR_NOTFOUND: the device or channel was not found (-3)"}. */
    static String describe(int status) {
        String w = WORDS.get(status);
        return (w != null ? w : status > 0 ? "a positive CANlib status" : "an undefined CANlib error") + " (" + status + ")";
    }

    static boolean gone(int status) {
        return GONE.contains(status);
    }

    static Set<Integer> allCodes() {
        return WORDS.keySet();
    }
}
