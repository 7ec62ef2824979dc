package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.Messages.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * {@link Records} keeps what the sessions send and gives it back unchanged, past the room it was
 * made with, across {@link Records#clear()} and around a discarded message. The messages are those of
 * docs/SIGNALS.md's JSONL example ({@link Messages}).
 */
class RecordsTest {
    private final JsonlFormat format = new JsonlFormat();

    private String written(Records r) {
        TextBuffer b = new TextBuffer(256);
        for (int i = 0; i < r.size(); i++) {
            format.write(r, i, b);
        }
        return b.toString();
    }

    private String written(DecodedMessage... messages) {
        TextBuffer b = new TextBuffer(256);
        for (DecodedMessage m : messages) {
            format.write(Messages.record(m), 0, b);
        }
        return b.toString();
    }

    @Test
    void growsPastItsFirstRoomAndKeepsEveryRecord() {
        CanFrame f = CanFrame.of(1_600_000_000_000_000L, "can0", 0x351, false, new byte[8]);
        DecodedMessage wide = DecodedMessage.of("sma", "wide", f, signals("a", 1.0, "b", "text", "c", null, "d", 2L,
                "e", true, "f", -0.0, "g", Double.NaN, "h", 1e-7, "i", 12345.678));
        CanFrame error = CanFrame.error(1_600_000_000_100_000L, "can1", 0x80, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Records r = new Records(1);
        for (int round = 0; round < 2; round++) {
            MessageSink.replay(Messages.nmea2000(), r);
            r.frame(Records.ERROR_FRAME, error);
            MessageSink.replay(wide, r);
            MessageSink.replay(Messages.vreg(), r);
            assertEquals(4, r.size());
            String expected = written(Messages.nmea2000())
                    + "{\"time\":1600000000.1,\"bus\":\"can1\",\"protocol\":null,\"can_id\":\"0x20000080\","
                    + "\"message\":\"error_frame\",\"signals\":{},\"data\":\"0102030405060708\"}\n"
                    + written(wide, Messages.vreg());
            assertEquals(expected, written(r), "round " + round);
            r.clear();
            assertEquals(0, r.size());
        }
    }

    @Test
    void aMessageBegunButNotEndedIsDiscardedWithItsSignals() {
        Records r = new Records(2);
        MessageSink.replay(Messages.generalBms(), r);
        CanFrame f = CanFrame.of(0, "can0", 0x123, false, new byte[] {1});
        r.begin("x", "broken", f, 1, 2, 3, 4, 5, 6, 7);
        for (int i = 0; i < 20; i++) {
            r.number("k" + i, i);
        }
        r.discardOpen();
        MessageSink.replay(Messages.vreg(), r);
        assertEquals(2, r.size());
        assertEquals(written(Messages.generalBms(), Messages.vreg()), written(r));
    }
}
