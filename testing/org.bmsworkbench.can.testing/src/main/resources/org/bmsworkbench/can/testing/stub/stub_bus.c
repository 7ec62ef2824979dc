/* The small bus behind the vendor-library stubs; see stub_bus.h. */
#include "stub_bus.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define QUEUE 8192
#define EXPORT __attribute__((visibility("default")))

typedef struct {
    int open;
    stub_frame q[QUEUE];
    int head, count, overrun;
    int pipe_fd[2];
    int pipe_full;
    pthread_t generator;
    int generating;
    int stop;
} channel;

static channel chans[STUB_CHANNELS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t arrived = PTHREAD_COND_INITIALIZER;
static volatile int unplugged_flag, loopback_flag, bus_state_value;
static volatile int rate = -1;
static long written_count;
static stub_frame last_written;
static int have_written;
static uint64_t t0;

uint64_t stub_bus_now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t now = (uint64_t) ts.tv_sec * 1000000u + (uint64_t) ts.tv_nsec / 1000u;
    if (t0 == 0) {
        t0 = now - 1;
    }
    return now - t0;
}

int stub_bus_unplugged(void) {
    const char *file = getenv("STUB_UNPLUG_FILE");
    return unplugged_flag || (file != NULL && *file != 0 && access(file, F_OK) == 0);
}

/* lock held */
static void push_locked(channel *c, const stub_frame *f) {
    if (c->count == QUEUE) {
        c->overrun++;
        return;
    }
    stub_frame *slot = &c->q[(c->head + c->count) % QUEUE];
    *slot = *f;
    slot->time_us = stub_bus_now_us();
    c->count++;
    if (!c->pipe_full) {
        char b = 1;
        if (write(c->pipe_fd[1], &b, 1) == 1) {
            c->pipe_full = 1;
        }
    }
    pthread_cond_broadcast(&arrived);
}

void stub_bus_push(int ch, const stub_frame *f) {
    pthread_mutex_lock(&lock);
    if (ch >= 0 && ch < STUB_CHANNELS && chans[ch].open) {
        push_locked(&chans[ch], f);
    }
    pthread_mutex_unlock(&lock);
}

static stub_frame frame(uint32_t id, int len, const uint8_t *data) {
    stub_frame f;
    memset(&f, 0, sizeof f);
    f.id = id;
    f.len = (uint8_t) len;
    memcpy(f.data, data, (size_t) len);
    return f;
}

/* An MG Master LV on the SMA protocol (communication guide 1.5.1): 0x351 limits, 0x355 SOC 87 % SOH 100 % (87.50 %),
 * 0x356 53.12 V, -12.3 A, 21.5 degC; 0x35A no alarms. */
static const uint8_t F351[8] = {0x2C, 0x02, 0xE8, 0x03, 0xE8, 0x03, 0xE0, 0x01};
static const uint8_t F355[6] = {0x57, 0x00, 0x64, 0x00, 0x2E, 0x22};
static const uint8_t F356[6] = {0xC0, 0x14, 0x85, 0xFF, 0xD7, 0x00};
static const uint8_t F35A[8] = {0, 0, 0, 0, 0, 0, 0, 0};

static stub_frame cycle_frame(long n) {
    switch (n % 4) {
    case 0: return frame(0x351, 8, F351);
    case 1: return frame(0x355, 6, F355);
    case 2: return frame(0x356, 6, F356);
    default: return frame(0x35A, 8, F35A);
    }
}

static void *generate(void *arg) {
    channel *c = (channel *) arg;
    long n = 4, base = 4;
    int last_rate = rate;
    uint64_t start = stub_bus_now_us();
    for (;;) {
        struct timespec pause = {0, 1000000}; /* 1 ms */
        nanosleep(&pause, NULL);
        pthread_mutex_lock(&lock);
        if (c->stop) {
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        int r = rate;
        if (r != last_rate) {
            last_rate = r;
            start = stub_bus_now_us();
            base = n;
        }
        uint64_t due = r <= 0 ? (uint64_t) n : (uint64_t) base + (stub_bus_now_us() - start) * (uint64_t) r / 1000000u;
        if (!stub_bus_unplugged()) {
            while ((uint64_t) n < due) {
                stub_frame f = cycle_frame(n++);
                push_locked(c, &f);
            }
        } else {
            n = (long) due;
        }
        pthread_mutex_unlock(&lock);
    }
}

int stub_bus_open(int ch) {
    if (ch < 0 || ch >= STUB_CHANNELS) {
        return -1;
    }
    if (rate < 0) {
        const char *r = getenv("STUB_RATE");
        rate = r == NULL ? 0 : atoi(r);
    }
    pthread_mutex_lock(&lock);
    channel *c = &chans[ch];
    if (c->open) {
        pthread_mutex_unlock(&lock);
        return -2;
    }
    c->head = c->count = c->overrun = 0;
    c->pipe_full = 0;
    if (pipe(c->pipe_fd) != 0) {
        pthread_mutex_unlock(&lock);
        return -3;
    }
    fcntl(c->pipe_fd[0], F_SETFL, O_NONBLOCK);
    fcntl(c->pipe_fd[1], F_SETFL, O_NONBLOCK);
    c->open = 1;
    c->stop = 0;
    for (int i = 0; i < 4; i++) {
        stub_frame f = cycle_frame(i);
        push_locked(c, &f);
    }
    c->generating = pthread_create(&c->generator, NULL, generate, c) == 0;
    pthread_mutex_unlock(&lock);
    return 0;
}

void stub_bus_close(int ch) {
    if (ch < 0 || ch >= STUB_CHANNELS) {
        return;
    }
    pthread_mutex_lock(&lock);
    channel *c = &chans[ch];
    if (!c->open) {
        pthread_mutex_unlock(&lock);
        return;
    }
    c->open = 0;
    c->stop = 1;
    pthread_cond_broadcast(&arrived);
    pthread_mutex_unlock(&lock);
    if (c->generating) {
        pthread_join(c->generator, NULL);
        c->generating = 0;
    }
    close(c->pipe_fd[0]);
    close(c->pipe_fd[1]);
}

int stub_bus_is_open(int ch) {
    return ch >= 0 && ch < STUB_CHANNELS && chans[ch].open;
}

int stub_bus_pop(int ch, stub_frame *out, int timeout_ms) {
    channel *c = &chans[ch];
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long) (timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&lock);
    while (c->open && c->count == 0 && timeout_ms > 0 && !stub_bus_unplugged()) {
        if (pthread_cond_timedwait(&arrived, &lock, &deadline) == ETIMEDOUT) {
            break;
        }
    }
    int got = 0;
    if (c->open && c->count > 0) {
        *out = c->q[c->head];
        c->head = (c->head + 1) % QUEUE;
        c->count--;
        got = 1;
    }
    if (c->open && c->count == 0 && c->pipe_full) {
        char b;
        while (read(c->pipe_fd[0], &b, 1) == 1) {
        }
        c->pipe_full = 0;
    }
    pthread_mutex_unlock(&lock);
    return got;
}

int stub_bus_event_fd(int ch) {
    return ch >= 0 && ch < STUB_CHANNELS && chans[ch].open ? chans[ch].pipe_fd[0] : -1;
}

int stub_bus_take_overrun(int ch) {
    pthread_mutex_lock(&lock);
    int n = chans[ch].overrun;
    chans[ch].overrun = 0;
    pthread_mutex_unlock(&lock);
    return n;
}

/* Answers a VREG request (66 99 01 00 regL regH maskL maskH to 1CEF<node><host>) as the node would: the value
 * broadcast from the node (1CEFFF<node>), or ACK 0x8000 "unknown register" to the requester. */
static void answer_vreg(int ch, const stub_frame *f) {
    const char *v = getenv("STUB_VREG");
    if (v != NULL && strcmp(v, "0") == 0) {
        return;
    }
    if (!(f->flags & STUB_FLAG_EXT) || ((f->id >> 16) & 0xFF) != 0xEF || f->len < 6 || f->data[0] != 0x66
            || f->data[1] != 0x99 || f->data[2] != 0x01 || f->data[3] != 0x00) {
        return;
    }
    uint8_t node = (uint8_t) ((f->id >> 8) & 0xFF);
    uint8_t host = (uint8_t) (f->id & 0xFF);
    if (node == 0xFF) {
        node = 0x50;
    }
    int reg = f->data[4] | (f->data[5] << 8);
    uint8_t d[8] = {0x66, 0x99, f->data[4], f->data[5], 0xFF, 0xFF, 0xFF, 0xFF};
    uint32_t id = 0x1CEFFF00u | node;
    if (reg == 0x0FFF) { /* State-of-Charge, un16 0.01 %: 87.50 % */
        d[4] = 0x2E; d[5] = 0x22;
    } else if (reg == 0x0100) { /* Product ID 0xA390, MG Master LV general */
        d[4] = 0x90; d[5] = 0xA3;
    } else if (reg == 0x0102) { /* firmware: identifier 0, version 0x010400 */
        d[4] = 0x00; d[5] = 0x00; d[6] = 0x04; d[7] = 0x01;
    } else {
        id = 0x1CEF0000u | ((uint32_t) host << 8) | node;
        d[2] = 0x02; d[3] = 0x00; d[4] = f->data[4]; d[5] = f->data[5]; d[6] = 0x00; d[7] = 0x80;
    }
    stub_frame a = frame(id, 8, d);
    a.flags = STUB_FLAG_EXT;
    stub_bus_push(ch, &a);
}

/* Answers an ISO request for the address claim (PGN 59904 asking for 60928: 00 EE 00) as the MG Master LV at
 * 0x50 would: an address claim (PGN 60928, 0x18EEFF50) whose NAME carries manufacturer code 1160 (MG Energy
 * Systems) in bits 21-31, identity number 0x12345, function 170, device class 35, industry group 4 (NMEA 2000). */
static void answer_address_request(int ch, const stub_frame *f) {
    if (!(f->flags & STUB_FLAG_EXT) || ((f->id >> 16) & 0xFF) != 0xEA || f->len < 3 || f->data[0] != 0x00
            || f->data[1] != 0xEE || f->data[2] != 0x00) {
        return;
    }
    uint8_t dest = (uint8_t) ((f->id >> 8) & 0xFF);
    if (dest != 0xFF && dest != 0x50) {
        return;
    }
    const uint8_t name[8] = {0x45, 0x23, 0x01, 0x91, 0x00, 0xAA, 0x46, 0xC0};
    stub_frame claim = frame(0x18EEFF50u, 8, name);
    claim.flags = STUB_FLAG_EXT;
    stub_bus_push(ch, &claim);
}

void stub_bus_write(int ch, const stub_frame *f) {
    pthread_mutex_lock(&lock);
    written_count++;
    last_written = *f;
    have_written = 1;
    pthread_mutex_unlock(&lock);
    if (loopback_flag) {
        stub_bus_push(ch, f);
    }
    answer_vreg(ch, f);
    answer_address_request(ch, f);
}

EXPORT void stub_set_unplugged(int on) {
    unplugged_flag = on;
    pthread_mutex_lock(&lock);
    pthread_cond_broadcast(&arrived);
    pthread_mutex_unlock(&lock);
}

EXPORT void stub_set_loopback(int on) { loopback_flag = on; }
EXPORT void stub_set_bus_state(int state) { bus_state_value = state; }
EXPORT int stub_bus_state(void) { return bus_state_value; }
EXPORT void stub_set_rate(int frames_per_second) { rate = frames_per_second; }

EXPORT long stub_written(void) {
    pthread_mutex_lock(&lock);
    long n = written_count;
    pthread_mutex_unlock(&lock);
    return n;
}

EXPORT int stub_last_written(uint32_t *id, uint8_t *data) {
    pthread_mutex_lock(&lock);
    int len = -1;
    if (have_written) {
        *id = last_written.id;
        memcpy(data, last_written.data, last_written.len);
        len = last_written.len;
    }
    pthread_mutex_unlock(&lock);
    return len;
}

EXPORT int stub_queue(int ch, uint32_t id, int extended, int len, const uint8_t *data) {
    if (ch < 0 || ch >= STUB_CHANNELS || !chans[ch].open || len < 0 || len > 64) {
        return -1;
    }
    stub_frame f = frame(id, len, data);
    f.flags = extended ? STUB_FLAG_EXT : 0;
    stub_bus_push(ch, &f);
    return 0;
}

EXPORT int stub_open_channels(void) {
    int n = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < STUB_CHANNELS; i++) {
        n += chans[i].open;
    }
    pthread_mutex_unlock(&lock);
    return n;
}
