/*
 * A stand-in for PEAK's PCAN-Basic library (libpcanbasic.so) for the transport's tests: the
 * functions the transport calls, with the names, argument types and codes of PEAK's public
 * PCANBasic.h, over the small bus of stub_bus.c. Two PCAN-USB channels are attached
 * (PCAN_USBBUS1 = 0x51, device id 0x11; PCAN_USBBUS2 = 0x52, device id 0x12).
 *
 * What it does not do: CAN FD, filters, every other parameter (PCAN_ERROR_ILLPARAMTYPE).
 * While "unplugged" (stub_bus.h), CAN_Read/CAN_Write/CAN_GetStatus of an initialized channel
 * answer PCAN_ERROR_ILLHW and CAN_Initialize answers PCAN_ERROR_ILLHW too; whether a real
 * PCAN-USB answers exactly that after an unplug is not known here (see the bundle README).
 */
#include "stub_bus.h"
#include <stdio.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
typedef uint16_t TPCANHandle;
typedef uint32_t TPCANStatus;
typedef uint8_t TPCANParameter;
typedef uint8_t TPCANType;
typedef uint16_t TPCANBaudrate;
typedef uint32_t DWORD;
typedef uint16_t WORD;
typedef uint8_t BYTE;

#define PCAN_ERROR_OK 0x00000U
#define PCAN_ERROR_XMTFULL 0x00001U
#define PCAN_ERROR_BUSLIGHT 0x00004U
#define PCAN_ERROR_BUSHEAVY 0x00008U
#define PCAN_ERROR_BUSPASSIVE 0x40000U
#define PCAN_ERROR_BUSOFF 0x00010U
#define PCAN_ERROR_QRCVEMPTY 0x00020U
#define PCAN_ERROR_QOVERRUN 0x00040U
#define PCAN_ERROR_ILLHW 0x01400U
#define PCAN_ERROR_ILLPARAMTYPE 0x04000U
#define PCAN_ERROR_ILLPARAMVAL 0x08000U
#define PCAN_ERROR_ILLDATA 0x20000U
#define PCAN_ERROR_INITIALIZE 0x4000000U
#define PCAN_ERROR_ILLOPERATION 0x8000000U

#define PCAN_MESSAGE_RTR 0x01
#define PCAN_MESSAGE_EXTENDED 0x02
#define PCAN_MESSAGE_FD 0x04
#define PCAN_MESSAGE_ERRFRAME 0x40
#define PCAN_MESSAGE_STATUS 0x80

#define PCAN_DEVICE_ID 0x01
#define PCAN_RECEIVE_EVENT 0x03
#define PCAN_API_VERSION 0x05
#define PCAN_LISTEN_ONLY 0x08
#define PCAN_CHANNEL_CONDITION 0x0D
#define PCAN_HARDWARE_NAME 0x0E
#define PCAN_ATTACHED_CHANNELS_COUNT 0x2A
#define PCAN_ATTACHED_CHANNELS 0x2B

typedef struct {
    DWORD ID;
    BYTE MSGTYPE;
    BYTE LEN;
    BYTE DATA[8];
} TPCANMsg;

typedef struct {
    DWORD millis;
    WORD millis_overflow;
    WORD micros;
} TPCANTimestamp;

#define MAX_LENGTH_HARDWARE_NAME 33
typedef struct {
    TPCANHandle channel_handle;
    BYTE device_type;
    BYTE controller_number;
    DWORD device_features;
    char device_name[MAX_LENGTH_HARDWARE_NAME];
    DWORD device_id;
    DWORD channel_condition;
} TPCANChannelInformation;

static int listen_only[STUB_CHANNELS];
static long writes_in_listen_only;

static int index_of(TPCANHandle h) {
    return h == 0x51 ? 0 : h == 0x52 ? 1 : -1;
}

static int valid_baud(TPCANBaudrate b) {
    return b == 0x0014 || b == 0x0016 || b == 0x001C || b == 0x011C || b == 0x031C || b == 0x432F || b == 0x472F
            || b == 0x532F || b == 0x672F;
}

EXPORT TPCANStatus CAN_Initialize(TPCANHandle Channel, TPCANBaudrate Btr0Btr1, TPCANType HwType, DWORD IOPort,
        WORD Interrupt) {
    (void) HwType; (void) IOPort; (void) Interrupt;
    int i = index_of(Channel);
    if (i < 0 || stub_bus_unplugged()) {
        return PCAN_ERROR_ILLHW;
    }
    if (!valid_baud(Btr0Btr1)) {
        return PCAN_ERROR_ILLPARAMVAL;
    }
    if (stub_bus_is_open(i)) {
        return PCAN_ERROR_INITIALIZE;
    }
    return stub_bus_open(i) == 0 ? PCAN_ERROR_OK : PCAN_ERROR_ILLOPERATION;
}

EXPORT TPCANStatus CAN_Uninitialize(TPCANHandle Channel) {
    int i = index_of(Channel);
    if (i < 0 || !stub_bus_is_open(i)) {
        return PCAN_ERROR_INITIALIZE;
    }
    stub_bus_close(i);
    listen_only[i] = 0;
    return PCAN_ERROR_OK;
}

static TPCANStatus bus_status(void) {
    switch (stub_bus_state()) {
    case 1: return PCAN_ERROR_BUSHEAVY;
    case 2: return PCAN_ERROR_BUSPASSIVE;
    case 3: return PCAN_ERROR_BUSOFF;
    default: return PCAN_ERROR_OK;
    }
}

EXPORT TPCANStatus CAN_GetStatus(TPCANHandle Channel) {
    int i = index_of(Channel);
    if (i < 0 || !stub_bus_is_open(i)) {
        return PCAN_ERROR_INITIALIZE;
    }
    return stub_bus_unplugged() ? PCAN_ERROR_ILLHW : bus_status();
}

EXPORT TPCANStatus CAN_Read(TPCANHandle Channel, TPCANMsg *MessageBuffer, TPCANTimestamp *TimestampBuffer) {
    int i = index_of(Channel);
    if (i < 0 || !stub_bus_is_open(i)) {
        return PCAN_ERROR_INITIALIZE;
    }
    if (stub_bus_unplugged()) {
        return PCAN_ERROR_ILLHW;
    }
    if (MessageBuffer == NULL) {
        return PCAN_ERROR_ILLPARAMVAL;
    }
    if (stub_bus_take_overrun(i) > 0) {
        return PCAN_ERROR_QOVERRUN;
    }
    stub_frame f;
    if (!stub_bus_pop(i, &f, 0)) {
        return PCAN_ERROR_QRCVEMPTY | bus_status();
    }
    memset(MessageBuffer, 0, sizeof *MessageBuffer);
    MessageBuffer->ID = f.id;
    MessageBuffer->MSGTYPE = (BYTE) (((f.flags & STUB_FLAG_EXT) ? PCAN_MESSAGE_EXTENDED : 0)
            | ((f.flags & STUB_FLAG_RTR) ? PCAN_MESSAGE_RTR : 0));
    MessageBuffer->LEN = f.len > 8 ? 8 : f.len;
    memcpy(MessageBuffer->DATA, f.data, MessageBuffer->LEN);
    if (TimestampBuffer != NULL) {
        uint64_t ms = f.time_us / 1000u;
        TimestampBuffer->millis = (DWORD) ms;
        TimestampBuffer->millis_overflow = (WORD) (ms >> 32);
        TimestampBuffer->micros = (WORD) (f.time_us % 1000u);
    }
    return PCAN_ERROR_OK;
}

EXPORT TPCANStatus CAN_Write(TPCANHandle Channel, TPCANMsg *MessageBuffer) {
    int i = index_of(Channel);
    if (i < 0 || !stub_bus_is_open(i)) {
        return PCAN_ERROR_INITIALIZE;
    }
    if (stub_bus_unplugged()) {
        return PCAN_ERROR_ILLHW;
    }
    if (MessageBuffer == NULL || MessageBuffer->LEN > 8
            || (MessageBuffer->MSGTYPE & (PCAN_MESSAGE_FD | PCAN_MESSAGE_ERRFRAME | PCAN_MESSAGE_STATUS))) {
        return PCAN_ERROR_ILLDATA;
    }
    if (listen_only[i]) {
        writes_in_listen_only++;
        return PCAN_ERROR_ILLOPERATION;
    }
    if (stub_bus_state() == 3) {
        return PCAN_ERROR_BUSOFF;
    }
    stub_frame f;
    memset(&f, 0, sizeof f);
    f.id = MessageBuffer->ID;
    f.flags = ((MessageBuffer->MSGTYPE & PCAN_MESSAGE_EXTENDED) ? STUB_FLAG_EXT : 0)
            | ((MessageBuffer->MSGTYPE & PCAN_MESSAGE_RTR) ? STUB_FLAG_RTR : 0);
    f.len = MessageBuffer->LEN;
    memcpy(f.data, MessageBuffer->DATA, f.len);
    stub_bus_write(i, &f);
    return PCAN_ERROR_OK;
}

static void put_dword(void *buffer, DWORD v) {
    memcpy(buffer, &v, sizeof v);
}

EXPORT TPCANStatus CAN_GetValue(TPCANHandle Channel, TPCANParameter Parameter, void *Buffer, DWORD BufferLength) {
    if (Buffer == NULL) {
        return PCAN_ERROR_ILLPARAMVAL;
    }
    int attached = stub_bus_unplugged() ? 0 : 2;
    int i = index_of(Channel);
    switch (Parameter) {
    case PCAN_ATTACHED_CHANNELS_COUNT:
        if (BufferLength < 4) return PCAN_ERROR_ILLPARAMVAL;
        put_dword(Buffer, (DWORD) attached);
        return PCAN_ERROR_OK;
    case PCAN_ATTACHED_CHANNELS: {
        if (BufferLength < attached * sizeof(TPCANChannelInformation)) return PCAN_ERROR_ILLPARAMVAL;
        TPCANChannelInformation *info = (TPCANChannelInformation *) Buffer;
        for (int n = 0; n < attached; n++) {
            memset(&info[n], 0, sizeof info[n]);
            info[n].channel_handle = (TPCANHandle) (0x51 + n);
            info[n].device_type = 0x05; /* PCAN_USB */
            info[n].controller_number = 0;
            snprintf(info[n].device_name, MAX_LENGTH_HARDWARE_NAME, "PCAN-USB");
            info[n].device_id = (DWORD) (0x11 + n);
            info[n].channel_condition = stub_bus_is_open(n) ? 2 : 1; /* OCCUPIED : AVAILABLE */
        }
        return PCAN_ERROR_OK;
    }
    case PCAN_CHANNEL_CONDITION:
        if (BufferLength < 4) return PCAN_ERROR_ILLPARAMVAL;
        put_dword(Buffer, i < 0 || attached == 0 ? 0 : stub_bus_is_open(i) ? 2 : 1);
        return PCAN_ERROR_OK;
    case PCAN_DEVICE_ID:
        if (i < 0 || attached == 0) return PCAN_ERROR_ILLHW;
        put_dword(Buffer, (DWORD) (0x11 + i));
        return PCAN_ERROR_OK;
    case PCAN_LISTEN_ONLY:
        if (i < 0) return PCAN_ERROR_ILLHW;
        put_dword(Buffer, (DWORD) listen_only[i]);
        return PCAN_ERROR_OK;
    case PCAN_RECEIVE_EVENT:
        if (i < 0 || !stub_bus_is_open(i)) return PCAN_ERROR_INITIALIZE;
        if (BufferLength < 4) return PCAN_ERROR_ILLPARAMVAL;
        put_dword(Buffer, (DWORD) stub_bus_event_fd(i));
        return PCAN_ERROR_OK;
    case PCAN_API_VERSION:
        snprintf((char *) Buffer, BufferLength, "4.6.0.0 (stub)");
        return PCAN_ERROR_OK;
    case PCAN_HARDWARE_NAME:
        if (i < 0) return PCAN_ERROR_ILLHW;
        snprintf((char *) Buffer, BufferLength, "PCAN-USB");
        return PCAN_ERROR_OK;
    default:
        return PCAN_ERROR_ILLPARAMTYPE;
    }
}

EXPORT TPCANStatus CAN_SetValue(TPCANHandle Channel, TPCANParameter Parameter, void *Buffer, DWORD BufferLength) {
    int i = index_of(Channel);
    if (Buffer == NULL || BufferLength < 4) {
        return PCAN_ERROR_ILLPARAMVAL;
    }
    if (Parameter == PCAN_LISTEN_ONLY) {
        if (i < 0) return PCAN_ERROR_ILLHW;
        DWORD v;
        memcpy(&v, Buffer, sizeof v);
        if (v > 1) return PCAN_ERROR_ILLPARAMVAL;
        listen_only[i] = (int) v;
        return PCAN_ERROR_OK;
    }
    return PCAN_ERROR_ILLPARAMTYPE;
}

EXPORT TPCANStatus CAN_GetErrorText(TPCANStatus Error, WORD Language, char *Buffer) {
    (void) Language;
    if (Buffer == NULL) {
        return PCAN_ERROR_ILLPARAMVAL;
    }
    /* PEAK's library has its own texts in several languages; the stub gives one generic line, and the
     * transport uses its own words for every code it knows. */
    snprintf(Buffer, 256, "stub error text for 0x%X", Error);
    return PCAN_ERROR_OK;
}

/* For the tests: writes the host attempted while the channel was listen-only (PCAN refuses them). */
EXPORT long stub_pcan_writes_in_listen_only(void) { return writes_in_listen_only; }
