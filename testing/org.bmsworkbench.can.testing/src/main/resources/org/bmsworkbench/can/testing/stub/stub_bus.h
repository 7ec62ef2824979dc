/*
 * A small CAN bus for the vendor-library stubs the transport tests load instead of a real
 * driver: per channel a receive queue with a wake-up (a condition variable and a pipe whose read
 * end is readable while frames wait), frames generated at a set rate, an answer to VREG requests
 * (communication guide 1.5.4: 66 99 01 00 reg mask -> the register's value broadcast) and to a request
 * for the ISO address claim (as the MG Master LV at 0x50), an optional
 * loopback of written frames, bus error states and an "unplugged" switch.
 *
 * Written for the tests of org.bmsworkbench.transport.pcan and .kvaser, which compile it with
 * their vendor stub through org.bmsworkbench.can.testing.StubBusLibrary; nothing here comes from
 * a vendor.
 *
 * Environment (read when a channel opens, so a product run can be steered from a script):
 *   STUB_RATE=N           frames per second the bus generates (default 0: none after the first few)
 *   STUB_UNPLUG_FILE=PATH while PATH exists the adapter is unplugged
 *   STUB_VREG=0           no VREG answers (default: answered)
 */
#ifndef STUB_BUS_H
#define STUB_BUS_H
#include <stdint.h>

#define STUB_CHANNELS 4
#define STUB_FLAG_EXT 1
#define STUB_FLAG_RTR 2
#define STUB_FLAG_ERR 4
#define STUB_FLAG_FD  8
#define STUB_FLAG_BRS 16

typedef struct {
    uint32_t id;
    uint32_t flags;
    uint8_t len;
    uint8_t data[64];
    uint64_t time_us; /* since the stub was loaded */
} stub_frame;

/* Opens channel ch (0..STUB_CHANNELS-1): empties its queue, queues the first frames, starts the generator. */
int stub_bus_open(int ch);
void stub_bus_close(int ch);
int stub_bus_is_open(int ch);
/* 1 and the frame, or 0 when none came within timeout_ms (0: do not wait). */
int stub_bus_pop(int ch, stub_frame *out, int timeout_ms);
/* A frame the host sends: counted, answered when it is a VREG request, echoed under loopback. */
void stub_bus_write(int ch, const stub_frame *f);
void stub_bus_push(int ch, const stub_frame *f);
/* The read end of the channel's pipe: readable while frames wait. */
int stub_bus_event_fd(int ch);
int stub_bus_unplugged(void);
uint64_t stub_bus_now_us(void);
/* Frames dropped because the queue was full since the last call. */
int stub_bus_take_overrun(int ch);

/* Exported for the tests (JNA calls them by name). */
void stub_set_unplugged(int on);
void stub_set_loopback(int on);
void stub_set_bus_state(int state); /* 0 active, 1 warning, 2 passive, 3 bus off */
int stub_bus_state(void);
void stub_set_rate(int frames_per_second);
long stub_written(void);            /* frames the host wrote since load */
int stub_last_written(uint32_t *id, uint8_t *data); /* its length, or -1 when none */
int stub_queue(int ch, uint32_t id, int extended, int len, const uint8_t *data);
int stub_open_channels(void);
#endif
