package org.bmsworkbench.transport.pcan.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of PEAK's PCAN-Basic API this transport calls, as JNA maps it: the names and
 * argument types of the public {@code PCANBasic.h} ({@code TPCANHandle} = WORD, {@code
 * TPCANBaudrate} = WORD, {@code TPCANType} and {@code TPCANParameter} = BYTE, {@code TPCANStatus}
 * and DWORD = 32 bits). Messages and timestamps travel in native buffers laid out as {@code
 * TPCANMsg} / {@code TPCANTimestamp} ({@link PcanMessages}).
 */
public interface PcanBasic extends Library {
    int CAN_Initialize(short channel, short btr0btr1, byte hwType, int ioPort, short interrupt);

    int CAN_Uninitialize(short channel);

    int CAN_GetStatus(short channel);

    int CAN_Read(short channel, Pointer message, Pointer timestamp);

    int CAN_Write(short channel, Pointer message);

    int CAN_GetValue(short channel, byte parameter, Pointer buffer, int bufferLength);

    int CAN_SetValue(short channel, byte parameter, Pointer buffer, int bufferLength);

    /** Writes a text of at most 256 characters into {@code buffer}. */
    int CAN_GetErrorText(int error, short language, Pointer buffer);
}
