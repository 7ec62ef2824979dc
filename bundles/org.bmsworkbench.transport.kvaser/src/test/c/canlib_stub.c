/*
 * A stand-in for Kvaser's CANlib (libcanlib.so) for the transport's tests: the functions the
 * transport calls, with the names, argument types and codes of Kvaser's public canlib.h and
 * canstat.h, over the small bus of stub_bus.c. Two channels: 0 and 1 of a "Kvaser Leaf Light v2
 * (stub)", serial 12345.
 *
 * What it does not do: CAN FD, filters, bus parameters other than the canBITRATE_* constants,
 * more than one handle per channel. While "unplugged" (stub_bus.h) the channels vanish:
 * canGetNumberOfChannels gives 0, canOpenChannel and canReadWait/canWrite of an open handle
 * answer canERR_NOTFOUND; whether a real Leaf answers exactly that after an unplug is not known
 * here (see the bundle README).
 */
#include "stub_bus.h"
#include <stdio.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
typedef int canHandle;
typedef int canStatus;

#define canOK 0
#define canERR_PARAM (-1)
#define canERR_NOMSG (-2)
#define canERR_NOTFOUND (-3)
#define canERR_NOCHANNELS (-5)
#define canERR_NOTINITIALIZED (-8)
#define canERR_INVHANDLE (-10)
#define canERR_TXBUFOFL (-13)
#define canERR_NOT_SUPPORTED (-19)
#define canERR_BUFFER_TOO_SMALL (-43)

#define canMSG_RTR 0x0001
#define canMSG_STD 0x0002
#define canMSG_EXT 0x0004
#define canMSG_ERROR_FRAME 0x0020
#define canMSGERR_SW_OVERRUN 0x0400

#define canDRIVER_SILENT 1
#define canDRIVER_NORMAL 4

#define canSTAT_ERROR_PASSIVE 0x00000001
#define canSTAT_BUS_OFF 0x00000002
#define canSTAT_ERROR_WARNING 0x00000004
#define canSTAT_ERROR_ACTIVE 0x00000008

#define canIOCTL_SET_TIMER_SCALE 6
#define canCHANNELDATA_CHAN_NO_ON_CARD 6
#define canCHANNELDATA_CARD_SERIAL_NO 7
#define canCHANNELDATA_CHANNEL_NAME 13
#define canCHANNELDATA_DEVDESCR_ASCII 26

static int initialized;
static int bus_on[STUB_CHANNELS];
static int silent[STUB_CHANNELS];
static int handle_open[STUB_CHANNELS];
static unsigned int timer_scale_us[STUB_CHANNELS];
static long writes_while_silent;

EXPORT void canInitializeLibrary(void) { initialized = 1; }

static int valid(canHandle h) {
    return initialized && h >= 0 && h < 2 && handle_open[h];
}

EXPORT canHandle canOpenChannel(int channel, int flags) {
    (void) flags;
    if (!initialized) return canERR_NOTINITIALIZED;
    if (channel < 0 || channel >= 2 || stub_bus_unplugged()) return canERR_NOTFOUND;
    if (handle_open[channel]) return canERR_NOCHANNELS;
    handle_open[channel] = 1;
    bus_on[channel] = 0;
    silent[channel] = 0;
    timer_scale_us[channel] = 1000;
    return channel;
}

EXPORT canStatus canClose(const canHandle hnd) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (bus_on[hnd]) stub_bus_close(hnd);
    bus_on[hnd] = 0;
    handle_open[hnd] = 0;
    return canOK;
}

EXPORT canStatus canSetBusParams(const canHandle hnd, long freq, unsigned int tseg1, unsigned int tseg2,
        unsigned int sjw, unsigned int noSamp, unsigned int syncmode) {
    (void) tseg1; (void) tseg2; (void) sjw; (void) noSamp; (void) syncmode;
    if (!valid(hnd)) return canERR_INVHANDLE;
    return freq <= -1 && freq >= -9 ? canOK : canERR_PARAM; /* canBITRATE_1M .. canBITRATE_10K */
}

EXPORT canStatus canSetBusOutputControl(const canHandle hnd, const unsigned int drivertype) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (drivertype != canDRIVER_SILENT && drivertype != canDRIVER_NORMAL) return canERR_PARAM;
    silent[hnd] = drivertype == canDRIVER_SILENT;
    return canOK;
}

EXPORT canStatus canIoCtl(const canHandle hnd, unsigned int func, void *buf, unsigned int buflen) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (func == canIOCTL_SET_TIMER_SCALE && buf != NULL && buflen >= 4) {
        memcpy(&timer_scale_us[hnd], buf, 4);
        return timer_scale_us[hnd] == 0 ? canERR_PARAM : canOK;
    }
    return canERR_NOT_SUPPORTED;
}

EXPORT canStatus canBusOn(const canHandle hnd) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (stub_bus_unplugged()) return canERR_NOTFOUND;
    if (!bus_on[hnd] && stub_bus_open(hnd) != 0) return canERR_NOTFOUND;
    bus_on[hnd] = 1;
    return canOK;
}

EXPORT canStatus canBusOff(const canHandle hnd) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (bus_on[hnd]) stub_bus_close(hnd);
    bus_on[hnd] = 0;
    return canOK;
}

EXPORT canStatus canReadWait(const canHandle hnd, long *id, void *msg, unsigned int *dlc, unsigned int *flag,
        unsigned long *time, unsigned long timeout) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (stub_bus_unplugged()) return canERR_NOTFOUND;
    if (!bus_on[hnd]) return canERR_NOMSG;
    if (stub_bus_take_overrun(hnd) > 0) {
        /* an overrun is flagged on the next message in CANlib; the stub flags an empty one */
    }
    stub_frame f;
    if (!stub_bus_pop(hnd, &f, (int) timeout)) {
        return stub_bus_unplugged() ? canERR_NOTFOUND : canERR_NOMSG;
    }
    if (id) *id = (long) f.id;
    if (msg) memcpy(msg, f.data, f.len > 8 ? 8 : f.len);
    if (dlc) *dlc = f.len;
    if (flag) *flag = ((f.flags & STUB_FLAG_EXT) ? canMSG_EXT : canMSG_STD) | ((f.flags & STUB_FLAG_RTR) ? canMSG_RTR : 0);
    if (time) *time = (unsigned long) (f.time_us / timer_scale_us[hnd]);
    return canOK;
}

EXPORT canStatus canWrite(const canHandle hnd, long id, void *msg, unsigned int dlc, unsigned int flag) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (stub_bus_unplugged()) return canERR_NOTFOUND;
    if (dlc > 8 || (msg == NULL && dlc > 0 && !(flag & canMSG_RTR))) return canERR_PARAM;
    if (!bus_on[hnd]) return canERR_NOTINITIALIZED;
    if (silent[hnd]) {
        writes_while_silent++; /* a silent Kvaser channel takes the frame but never puts it on the bus */
        return canOK;
    }
    if (stub_bus_state() == 3) return canERR_TXBUFOFL;
    stub_frame f;
    memset(&f, 0, sizeof f);
    f.id = (uint32_t) id;
    f.flags = ((flag & canMSG_EXT) ? STUB_FLAG_EXT : 0) | ((flag & canMSG_RTR) ? STUB_FLAG_RTR : 0);
    f.len = (uint8_t) dlc;
    if (msg && !(flag & canMSG_RTR)) memcpy(f.data, msg, dlc);
    stub_bus_write(hnd, &f);
    return canOK;
}

EXPORT canStatus canReadStatus(const canHandle hnd, unsigned long *const flags) {
    if (!valid(hnd)) return canERR_INVHANDLE;
    if (stub_bus_unplugged()) return canERR_NOTFOUND;
    switch (stub_bus_state()) {
    case 1: *flags = canSTAT_ERROR_WARNING; break;
    case 2: *flags = canSTAT_ERROR_PASSIVE; break;
    case 3: *flags = canSTAT_BUS_OFF; break;
    default: *flags = canSTAT_ERROR_ACTIVE; break;
    }
    return canOK;
}

EXPORT canStatus canGetNumberOfChannels(int *channelCount) {
    if (!initialized) return canERR_NOTINITIALIZED;
    if (channelCount == NULL) return canERR_PARAM;
    *channelCount = stub_bus_unplugged() ? 0 : 2;
    return canOK;
}

EXPORT canStatus canGetChannelData(int channel, int item, void *buffer, size_t bufsize) {
    if (!initialized) return canERR_NOTINITIALIZED;
    if (channel < 0 || channel >= 2 || stub_bus_unplugged()) return canERR_NOTFOUND;
    if (buffer == NULL) return canERR_PARAM;
    char text[64];
    switch (item) {
    case canCHANNELDATA_CHANNEL_NAME:
        snprintf(text, sizeof text, "Kvaser Leaf Light v2 (stub) (channel %d)", channel);
        break;
    case canCHANNELDATA_DEVDESCR_ASCII:
        snprintf(text, sizeof text, "Kvaser Leaf Light v2 (stub)");
        break;
    case canCHANNELDATA_CARD_SERIAL_NO: {
        uint64_t serial = 12345;
        if (bufsize < 8) return canERR_BUFFER_TOO_SMALL;
        memcpy(buffer, &serial, 8);
        return canOK;
    }
    case canCHANNELDATA_CHAN_NO_ON_CARD: {
        uint32_t n = (uint32_t) channel;
        if (bufsize < 4) return canERR_BUFFER_TOO_SMALL;
        memcpy(buffer, &n, 4);
        return canOK;
    }
    default:
        return canERR_NOT_SUPPORTED;
    }
    if (strlen(text) + 1 > bufsize) return canERR_BUFFER_TOO_SMALL;
    memcpy(buffer, text, strlen(text) + 1);
    return canOK;
}

EXPORT canStatus canGetErrorText(canStatus err, char *buf, unsigned int bufsiz) {
    if (buf == NULL || bufsiz == 0) return canERR_PARAM;
    snprintf(buf, bufsiz, "stub error text for %d", err);
    return canOK;
}

/* For the tests: frames written while the channel was silent (listen-only). */
EXPORT long stub_kvaser_writes_while_silent(void) { return writes_while_silent; }
