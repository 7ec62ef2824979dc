package org.bmsworkbench.transport.kvaser.internal;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The part of Kvaser's CANlib this transport calls, as JNA maps it: the names and argument
 * types of the public {@code canlib.h} ({@code canHandle} and {@code canStatus} = int; C {@code
 * long} = {@link NativeLong}, 32 bits on Windows, 64 on Linux; out-parameters are native
 * buffers).
 */
public interface Canlib extends Library {
    /** C {@code size_t}. */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    void canInitializeLibrary();

    int canOpenChannel(int channel, int flags);

    int canClose(int handle);

    int canSetBusParams(int handle, NativeLong freq, int tseg1, int tseg2, int sjw, int noSamp, int syncmode);

    int canSetBusOutputControl(int handle, int driverType);

    int canIoCtl(int handle, int func, Pointer buffer, int length);

    int canBusOn(int handle);

    int canBusOff(int handle);

    /** {@code long *id, void *msg, unsigned int *dlc, unsigned int *flag, unsigned long *time, unsigned long timeout}. */
    int canReadWait(int handle, Pointer id, Pointer msg, Pointer dlc, Pointer flag, Pointer time, NativeLong timeout);

    int canWrite(int handle, NativeLong id, Pointer msg, int dlc, int flag);

    /** {@code unsigned long *flags}. */
    int canReadStatus(int handle, Pointer flags);

    int canGetNumberOfChannels(Pointer count);

    int canGetChannelData(int channel, int item, Pointer buffer, SizeT size);

    int canGetErrorText(int status, Pointer buffer, int size);
}
