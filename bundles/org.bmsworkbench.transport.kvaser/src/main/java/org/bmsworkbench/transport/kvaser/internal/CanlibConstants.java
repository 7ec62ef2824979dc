package org.bmsworkbench.transport.kvaser.internal;

/** Values from Kvaser's public {@code canlib.h} and {@code canstat.h} (python-can's {@code kvaser/constants.py} has the same). */
final class CanlibConstants {
    static final int canOK = 0;
    static final int canERR_NOMSG = -2;
    static final int canERR_NOTFOUND = -3;
    static final int canERR_NOTINITIALIZED = -8;
    static final int canERR_INVHANDLE = -10;
    static final int canERR_DRIVER = -12;
    static final int canERR_HARDWARE = -15;
    static final int canERR_DRIVERLOAD = -23;
    static final int canERR_DRIVERFAILED = -24;
    static final int canERR_NOCARD = -26;
    static final int canERR_DEVICE_FILE = -33;

    static final int canBITRATE_1M = -1;
    static final int canBITRATE_500K = -2;
    static final int canBITRATE_250K = -3;
    static final int canBITRATE_125K = -4;
    static final int canBITRATE_100K = -5;
    static final int canBITRATE_62K = -6;
    static final int canBITRATE_50K = -7;
    static final int canBITRATE_83K = -8;
    static final int canBITRATE_10K = -9;

    static final int canOPEN_ACCEPT_VIRTUAL = 0x0020;
    static final int canDRIVER_SILENT = 1;
    static final int canDRIVER_NORMAL = 4;

    static final int canMSG_RTR = 0x0001;
    static final int canMSG_STD = 0x0002;
    static final int canMSG_EXT = 0x0004;
    static final int canMSG_ERROR_FRAME = 0x0020;
    static final int canMSGERR_HW_OVERRUN = 0x0200;
    static final int canMSGERR_SW_OVERRUN = 0x0400;
    static final int canMSGERR_OVERRUN = 0x0600;
    static final int canFDMSG_FDF = 0x010000;

    static final int canSTAT_ERROR_PASSIVE = 0x00000001;
    static final int canSTAT_BUS_OFF = 0x00000002;
    static final int canSTAT_ERROR_WARNING = 0x00000004;

    static final int canIOCTL_SET_TIMER_SCALE = 6;

    static final int canCHANNELDATA_CHAN_NO_ON_CARD = 6;
    static final int canCHANNELDATA_CARD_SERIAL_NO = 7;
    static final int canCHANNELDATA_CHANNEL_NAME = 13;
    static final int canCHANNELDATA_DEVDESCR_ASCII = 26;

    private CanlibConstants() {
    }
}
