package org.bmsworkbench.simulator.cellbms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A simulated JBD or Daly as a {@code sim:} channel drives it: it speaks only when asked. A
 * request arrives as a TX {@linkplain CanFrame#chunk() chunk} (UART) or a CAN frame (a Daly on
 * CAN); the answer leaves after a short, seeded delay — 10–40 ms to think, then the bytes at
 * 9600 baud (about 1.04 ms each), a line that carries one answer at a time — as RX chunks of the
 * port ({@code jbd0}, {@code daly0}), one in four answers split in two chunks (to exercise
 * reassembly); or as CAN frames 1 ms apart on {@code can0}. A sleeping board answers nothing;
 * after {@value #IDLE_MILLIS} ms without bytes an unfinished request is dropped.
 * Timestamps are the epoch given plus virtual time. Not thread-safe: one owner thread.
 */
public final class VirtualCellBms {
    /** Time of one byte at 9600 baud, 8N1, in microseconds. */
    static final long BYTE_MICROS = 1_042;
    static final String CAN_BUS = "can0";
    /** A pause on the line after which an unfinished request is dropped. */
    public static final long IDLE_MILLIS = 100;

    private final CellBmsOptions options;
    private final CellBms bms;
    private final JbdAnswers jbd;
    private final DalyAnswers daly;
    private final long epochMicros;
    private final SplittableRandom random;
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private long lineFreeMicros;
    private long sequence;
    private long nowMillis;
    private long lastReceivedMillis = Long.MIN_VALUE / 2;

    public VirtualCellBms(CellBmsOptions options, long epochMillis) {
        this.options = options;
        this.bms = new CellBms(options);
        this.jbd = options.make() == CellBmsMake.JBD ? new JbdAnswers(bms) : null;
        this.daly = options.make() == CellBmsMake.DALY ? new DalyAnswers(bms) : null;
        this.epochMicros = epochMillis * 1000;
        this.random = new SplittableRandom(options.seed() ^ 0x5EED_CE11L);
    }

    /** Runs the board up to {@code millis} of virtual time; the answers due by then, in order. */
    public List<CanFrame> advanceTo(long millis) {
        nowMillis = Math.max(nowMillis, millis);
        bms.advanceTo(nowMillis);
        List<CanFrame> out = new ArrayList<>();
        while (!due.isEmpty() && due.peek().micros() <= nowMillis * 1000) {
            out.add(due.poll().frame());
        }
        return out;
    }

    /** A frame from the host: the answers are queued, due after their delay (see {@link #advanceTo}). */
    public List<CanFrame> receive(CanFrame frame) {
        bms.advanceTo(nowMillis);
        if (bms.asleep()) {
            return List.of();
        }
        long now = nowMillis * 1000;
        if (options.link() == CellBmsOptions.Link.CAN) {
            int dataId = frame.chunk() || !frame.extended() ? -1 : DalyAnswers.dataIdOfCanRequest(frame.id());
            if (dataId < 0 || frame.remote()) {
                return List.of();
            }
            long at = Math.max(now, lineFreeMicros) + 10_000;
            for (byte[] payload : daly.answer(dataId, frame.data())) {
                queue(at, CanFrame.of(at + epochMicros, CAN_BUS, DalyAnswers.canAnswerId(dataId), true, payload));
                at += 1_000;
            }
            lineFreeMicros = at;
            return List.of();
        }
        if (!frame.chunk()) {
            return List.of();
        }
        if (nowMillis - lastReceivedMillis >= IDLE_MILLIS) {
            if (jbd != null) {
                jbd.idle();
            } else {
                daly.idle();
            }
        }
        lastReceivedMillis = nowMillis;
        List<byte[]> answers = jbd != null ? jbd.receive(frame.data()) : daly.receive(frame.data());
        for (byte[] answer : answers) {
            send(now, answer);
        }
        return List.of();
    }

    private void send(long now, byte[] answer) {
        long start = Math.max(now + 10_000 + random.nextLong(30_000), lineFreeMicros);
        int split = answer.length > 1 && random.nextInt(4) == 0 ? 1 + random.nextInt(answer.length - 1) : answer.length;
        long first = start + split * BYTE_MICROS;
        queue(first, chunk(first, Arrays.copyOfRange(answer, 0, split)));
        long end = start + answer.length * BYTE_MICROS;
        if (split < answer.length) {
            queue(end, chunk(end, Arrays.copyOfRange(answer, split, answer.length)));
        }
        lineFreeMicros = end;
    }

    private CanFrame chunk(long micros, byte[] bytes) {
        return CanFrame.chunk(micros + epochMicros, options.make().port(), Direction.RX, bytes);
    }

    private void queue(long micros, CanFrame frame) {
        due.add(new Due(micros, sequence++, frame));
    }

    /** Virtual time of the next answer due, or a second from now when none is waiting. */
    public long nextDueMillis() {
        return due.isEmpty() ? nowMillis + 1000 : Math.max(nowMillis, (due.peek().micros() + 999) / 1000);
    }

    /** The board (for tests and the README's timelines). */
    public CellBms bms() {
        return bms;
    }

    public CellBmsOptions options() {
        return options;
    }

    private record Due(long micros, long sequence, CanFrame frame) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return micros != o.micros ? Long.compare(micros, o.micros) : Long.compare(sequence, o.sequence);
        }
    }
}
