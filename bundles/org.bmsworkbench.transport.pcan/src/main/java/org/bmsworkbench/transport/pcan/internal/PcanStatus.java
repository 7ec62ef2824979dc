package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.transport.pcan.internal.PcanConstants.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code PCAN_ERROR_*} code of {@code PCANBasic.h} in words. A status is a set of bits
 * (a read can answer "queue empty" and "bus heavy" at once), except the handle field (bits
 * 10–12: {@code HWINUSE}, {@code NETINUSE}, {@code ILLHW}, {@code ILLNET}, {@code ILLCLIENT}),
 * which holds one value.
 */
final class PcanStatus {
    private static final int HANDLE_FIELD = 0x01C00;
    private static final Map<Integer, String> FLAGS = new LinkedHashMap<>();
    private static final Map<Integer, String> HANDLE = new LinkedHashMap<>();

    static {
        FLAGS.put(PCAN_ERROR_XMTFULL, "PCAN_ERROR_XMTFULL: the CAN controller's transmit buffer is full");
        FLAGS.put(PCAN_ERROR_OVERRUN, "PCAN_ERROR_OVERRUN: the CAN controller was read too late (frames lost)");
        FLAGS.put(PCAN_ERROR_BUSLIGHT, "PCAN_ERROR_BUSLIGHT: bus error, an error counter reached the 'light' limit");
        FLAGS.put(PCAN_ERROR_BUSHEAVY, "PCAN_ERROR_BUSHEAVY: bus error, an error counter reached the 'heavy' (warning) limit");
        FLAGS.put(PCAN_ERROR_BUSOFF, "PCAN_ERROR_BUSOFF: bus error, the CAN controller is bus-off");
        FLAGS.put(PCAN_ERROR_QRCVEMPTY, "PCAN_ERROR_QRCVEMPTY: the receive queue is empty");
        FLAGS.put(PCAN_ERROR_QOVERRUN, "PCAN_ERROR_QOVERRUN: the receive queue was read too late (frames lost)");
        FLAGS.put(PCAN_ERROR_QXMTFULL, "PCAN_ERROR_QXMTFULL: the transmit queue is full");
        FLAGS.put(PCAN_ERROR_REGTEST, "PCAN_ERROR_REGTEST: the test of the CAN controller's registers failed (no hardware found)");
        FLAGS.put(PCAN_ERROR_NODRIVER, "PCAN_ERROR_NODRIVER: the PEAK driver is not loaded");
        FLAGS.put(PCAN_ERROR_RESOURCE, "PCAN_ERROR_RESOURCE: a resource (FIFO, client, timeout) cannot be created");
        FLAGS.put(PCAN_ERROR_ILLPARAMTYPE, "PCAN_ERROR_ILLPARAMTYPE: invalid parameter");
        FLAGS.put(PCAN_ERROR_ILLPARAMVAL, "PCAN_ERROR_ILLPARAMVAL: invalid parameter value");
        FLAGS.put(PCAN_ERROR_UNKNOWN, "PCAN_ERROR_UNKNOWN: unknown error");
        FLAGS.put(PCAN_ERROR_ILLDATA, "PCAN_ERROR_ILLDATA: invalid data, function or action");
        FLAGS.put(PCAN_ERROR_BUSPASSIVE, "PCAN_ERROR_BUSPASSIVE: bus error, the CAN controller is error passive");
        FLAGS.put(PCAN_ERROR_ILLMODE, "PCAN_ERROR_ILLMODE: the driver object is in the wrong mode for this operation");
        FLAGS.put(PCAN_ERROR_CAUTION, "PCAN_ERROR_CAUTION: done, but irregularities were registered");
        FLAGS.put(PCAN_ERROR_INITIALIZE, "PCAN_ERROR_INITIALIZE: the channel is not initialized (or already in use)");
        FLAGS.put(PCAN_ERROR_ILLOPERATION, "PCAN_ERROR_ILLOPERATION: invalid operation");
        HANDLE.put(PCAN_ERROR_HWINUSE, "PCAN_ERROR_HWINUSE: the hardware is already in use by a net");
        HANDLE.put(PCAN_ERROR_NETINUSE, "PCAN_ERROR_NETINUSE: a client is already connected to the net");
        HANDLE.put(PCAN_ERROR_ILLHW, "PCAN_ERROR_ILLHW: the hardware handle is invalid (the adapter is not there)");
        HANDLE.put(PCAN_ERROR_ILLNET, "PCAN_ERROR_ILLNET: the net handle is invalid");
        HANDLE.put(PCAN_ERROR_ILLCLIENT, "PCAN_ERROR_ILLCLIENT: the client handle is invalid");
    }

    /** Codes a read or write answers when the adapter or its driver went away: the channel reconnects. */
    static final int GONE = PCAN_ERROR_ILLHANDLE | PCAN_ERROR_NODRIVER | PCAN_ERROR_REGTEST | PCAN_ERROR_INITIALIZE
            | PCAN_ERROR_ILLOPERATION | PCAN_ERROR_RESOURCE;

    private PcanStatus() {
    }

    /** {@code "PCAN_ERROR_BUSOFF: bus error, the CAN controller is bus-off (0x00010)"}; several joined by "; ". */
    static String describe(int status) {
        if (status == PCAN_ERROR_OK) {
            return "PCAN_ERROR_OK: no error (0x00000)";
        }
        List<String> words = new ArrayList<>();
        int rest = status;
        int handle = status & HANDLE_FIELD;
        if (handle != 0) {
            words.add(HANDLE.getOrDefault(handle, "an undefined handle error"));
            rest &= ~HANDLE_FIELD;
        }
        for (Map.Entry<Integer, String> e : FLAGS.entrySet()) {
            if ((rest & e.getKey()) != 0) {
                words.add(e.getValue());
                rest &= ~e.getKey();
            }
        }
        if (rest != 0) {
            words.add(String.format("undefined PCAN status bits 0x%X", rest));
        }
        return String.join("; ", words) + String.format(" (0x%05X)", status);
    }

    /** Whether a read or write status means the adapter went away (unplugged, driver gone). */
    static boolean gone(int status) {
        return (status & GONE) != 0;
    }

    /** Every code of {@code PCANBasic.h}, for the test that each has words. */
    static List<Integer> allCodes() {
        List<Integer> all = new ArrayList<>(FLAGS.keySet());
        all.addAll(HANDLE.keySet());
        return all;
    }
}
