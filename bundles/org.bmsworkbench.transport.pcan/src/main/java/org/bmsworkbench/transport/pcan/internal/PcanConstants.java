package org.bmsworkbench.transport.pcan.internal;

/**
 * Values from PEAK's public {@code PCANBasic.h} (the same in python-can's {@code pcan/basic.py}).
 */
final class PcanConstants {
    static final int PCAN_ERROR_OK = 0x00000;
    static final int PCAN_ERROR_XMTFULL = 0x00001;
    static final int PCAN_ERROR_OVERRUN = 0x00002;
    static final int PCAN_ERROR_BUSLIGHT = 0x00004;
    static final int PCAN_ERROR_BUSHEAVY = 0x00008;
    static final int PCAN_ERROR_BUSWARNING = PCAN_ERROR_BUSHEAVY;
    static final int PCAN_ERROR_BUSPASSIVE = 0x40000;
    static final int PCAN_ERROR_BUSOFF = 0x00010;
    static final int PCAN_ERROR_ANYBUSERR = PCAN_ERROR_BUSWARNING | PCAN_ERROR_BUSLIGHT | PCAN_ERROR_BUSHEAVY
            | PCAN_ERROR_BUSOFF | PCAN_ERROR_BUSPASSIVE;
    static final int PCAN_ERROR_QRCVEMPTY = 0x00020;
    static final int PCAN_ERROR_QOVERRUN = 0x00040;
    static final int PCAN_ERROR_QXMTFULL = 0x00080;
    static final int PCAN_ERROR_REGTEST = 0x00100;
    static final int PCAN_ERROR_NODRIVER = 0x00200;
    static final int PCAN_ERROR_HWINUSE = 0x00400;
    static final int PCAN_ERROR_NETINUSE = 0x00800;
    static final int PCAN_ERROR_ILLHW = 0x01400;
    static final int PCAN_ERROR_ILLNET = 0x01800;
    static final int PCAN_ERROR_ILLCLIENT = 0x01C00;
    static final int PCAN_ERROR_ILLHANDLE = PCAN_ERROR_ILLHW | PCAN_ERROR_ILLNET | PCAN_ERROR_ILLCLIENT;
    static final int PCAN_ERROR_RESOURCE = 0x02000;
    static final int PCAN_ERROR_ILLPARAMTYPE = 0x04000;
    static final int PCAN_ERROR_ILLPARAMVAL = 0x08000;
    static final int PCAN_ERROR_UNKNOWN = 0x10000;
    static final int PCAN_ERROR_ILLDATA = 0x20000;
    static final int PCAN_ERROR_ILLMODE = 0x80000;
    static final int PCAN_ERROR_CAUTION = 0x2000000;
    static final int PCAN_ERROR_INITIALIZE = 0x4000000;
    static final int PCAN_ERROR_ILLOPERATION = 0x8000000;

    static final byte PCAN_MESSAGE_STANDARD = 0x00;
    static final byte PCAN_MESSAGE_RTR = 0x01;
    static final byte PCAN_MESSAGE_EXTENDED = 0x02;
    static final byte PCAN_MESSAGE_FD = 0x04;
    static final byte PCAN_MESSAGE_ERRFRAME = 0x40;
    static final byte PCAN_MESSAGE_STATUS = (byte) 0x80;

    static final byte PCAN_DEVICE_ID = 0x01;
    static final byte PCAN_RECEIVE_EVENT = 0x03;
    static final byte PCAN_LISTEN_ONLY = 0x08;
    static final byte PCAN_CHANNEL_CONDITION = 0x0D;
    static final byte PCAN_ATTACHED_CHANNELS_COUNT = 0x2A;
    static final byte PCAN_ATTACHED_CHANNELS = 0x2B;

    static final int PCAN_PARAMETER_ON = 1;
    static final int PCAN_CHANNEL_UNAVAILABLE = 0;
    static final int PCAN_CHANNEL_AVAILABLE = 1;
    static final int PCAN_CHANNEL_OCCUPIED = 2;
    static final int PCAN_CHANNEL_PCANVIEW = PCAN_CHANNEL_AVAILABLE | PCAN_CHANNEL_OCCUPIED;

    static final short PCAN_BAUD_1M = 0x0014;
    static final short PCAN_BAUD_800K = 0x0016;
    static final short PCAN_BAUD_500K = 0x001C;
    static final short PCAN_BAUD_250K = 0x011C;
    static final short PCAN_BAUD_125K = 0x031C;
    static final short PCAN_BAUD_100K = 0x432F;
    static final short PCAN_BAUD_50K = 0x472F;
    static final short PCAN_BAUD_20K = 0x532F;
    static final short PCAN_BAUD_10K = 0x672F;

    /** {@code sizeof(TPCANMsg)}: DWORD ID, BYTE MSGTYPE, BYTE LEN, BYTE DATA[8], padded to 4. */
    static final int TPCANMSG_SIZE = 16;
    /** {@code sizeof(TPCANTimestamp)}: DWORD millis, WORD millis_overflow, WORD micros. */
    static final int TPCANTIMESTAMP_SIZE = 8;
    /**
     * {@code sizeof(TPCANChannelInformation)}: WORD channel_handle, BYTE device_type, BYTE
     * controller_number, DWORD device_features, char device_name[33], DWORD device_id, DWORD
     * channel_condition (offsets 0, 2, 3, 4, 8, 44, 48).
     */
    static final int TPCANCHANNELINFORMATION_SIZE = 52;

    private PcanConstants() {
    }
}
