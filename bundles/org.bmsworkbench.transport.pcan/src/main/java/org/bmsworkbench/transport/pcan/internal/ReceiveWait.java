package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.transport.pcan.internal.PcanConstants.*;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.WString;

/**
 * How the reader waits for the next frame once PCAN-Basic's receive queue is empty: PCAN-Basic's
 * receive event ({@code PCAN_RECEIVE_EVENT}) — on Linux and macOS a file descriptor it hands out,
 * waited on with {@code poll(2)}; on Windows an event object we create and hand to it, waited on
 * with {@code WaitForSingleObject} — or, when the library offers neither, a 1 ms sleep (never a
 * busy loop). Each wait returns after at most the given time so the reader can see that it was closed.
 */
abstract class ReceiveWait implements AutoCloseable {
    /** Waits until a frame may be there or {@code millis} passed. */
    abstract void await(int millis) throws InterruptedException;

    /** What kind of wait this is, for the README's claims and the tests. */
    abstract String kind();

    @Override
    public abstract void close();

    static ReceiveWait open(PcanBasic api, short handle, boolean windows) {
        try {
            if (windows) {
                return WindowsEvent.open(api, handle);
            }
            Memory fd = new Memory(4);
            fd.setInt(0, -1);
            if (api.CAN_GetValue(handle, PCAN_RECEIVE_EVENT, fd, 4) == PCAN_ERROR_OK && fd.getInt(0) >= 0) {
                return new PollFd(fd.getInt(0));
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no libc poll or kernel32 event through JNA: fall back to the sleep
        }
        return new Sleep();
    }

    /** The library gives no event: sleep a millisecond between empty reads. */
    static final class Sleep extends ReceiveWait {
        @Override
        void await(int millis) throws InterruptedException {
            Thread.sleep(Math.min(1, millis));
        }

        @Override
        String kind() {
            return "1 ms sleep";
        }

        @Override
        public void close() {
        }
    }

    /** libc's poll(2), for the receive event's descriptor. */
    interface LibC extends Library {
        int poll(Pointer fds, NativeLong nfds, int timeout);
    }

    /** A descriptor that is readable while frames wait (Linux, macOS); PCAN-Basic owns and closes it. */
    static final class PollFd extends ReceiveWait {
        private static final short POLLIN = 0x1;
        private static final short POLLERR = 0x8;
        private static final short POLLHUP = 0x10;
        private static final short POLLNVAL = 0x20;
        private static LibC libc;
        private final Memory pollfd = new Memory(8); // struct pollfd { int fd; short events; short revents; }
        private final int fd;

        PollFd(int fd) {
            synchronized (PollFd.class) {
                if (libc == null) {
                    libc = Native.load("c", LibC.class, JnaOptions.OPTIONS);
                }
            }
            this.fd = fd;
        }

        @Override
        void await(int millis) throws InterruptedException {
            pollfd.setInt(0, fd);
            pollfd.setShort(4, POLLIN);
            pollfd.setShort(6, (short) 0);
            int n = libc.poll(pollfd, new NativeLong(1), millis);
            if (n > 0 && (pollfd.getShort(6) & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                Thread.sleep(millis); // a descriptor gone bad: the next read says why; do not spin meanwhile
            }
        }

        @Override
        String kind() {
            return "PCAN_RECEIVE_EVENT descriptor, poll(2)";
        }

        @Override
        public void close() {
        }
    }

    /** kernel32's event objects. */
    interface Kernel32 extends Library {
        Pointer CreateEventW(Pointer attributes, boolean manualReset, boolean initialState, WString name);

        int WaitForSingleObject(Pointer handle, int millis);

        boolean CloseHandle(Pointer handle);
    }

    /** An auto-reset event PCAN-Basic signals when a frame arrives (Windows; never run here). */
    static final class WindowsEvent extends ReceiveWait {
        private final Kernel32 kernel32;
        private final PcanBasic api;
        private final short handle;
        private final Pointer event;

        private WindowsEvent(Kernel32 kernel32, PcanBasic api, short handle, Pointer event) {
            this.kernel32 = kernel32;
            this.api = api;
            this.handle = handle;
            this.event = event;
        }

        static ReceiveWait open(PcanBasic api, short handle) {
            Kernel32 k = Native.load("kernel32", Kernel32.class, JnaOptions.OPTIONS);
            Pointer event = k.CreateEventW(null, false, false, null);
            if (event == null) {
                return new Sleep();
            }
            // PEAK's examples pass the handle as a 32-bit value (kernel handles fit in 32 bits on 64-bit Windows)
            Memory value = new Memory(4);
            value.setInt(0, (int) Pointer.nativeValue(event));
            if (api.CAN_SetValue(handle, PCAN_RECEIVE_EVENT, value, 4) != PCAN_ERROR_OK) {
                k.CloseHandle(event);
                return new Sleep();
            }
            return new WindowsEvent(k, api, handle, event);
        }

        @Override
        void await(int millis) {
            kernel32.WaitForSingleObject(event, millis);
        }

        @Override
        String kind() {
            return "PCAN_RECEIVE_EVENT event object, WaitForSingleObject";
        }

        @Override
        public void close() {
            Memory zero = new Memory(4);
            zero.setInt(0, 0);
            api.CAN_SetValue(handle, PCAN_RECEIVE_EVENT, zero, 4);
            kernel32.CloseHandle(event);
        }
    }
}
