package org.bmsworkbench.simulator.cellbms;

import static org.bmsworkbench.simulator.cellbms.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes a host might send: the boards never fail, answer only with well-formed frames (JBD:
 * start, end, length and checksum of the register map; Daly: 13 bytes from 0x01 with the sum),
 * and a good request after the noise and a pause on the line is still answered.
 */
class AnswersPropertyTest {

    @Property(tries = 300)
    void aJbdAnswersNoiseWithWellFormedFramesOnlyAndRecovers(@ForAll @Size(max = 300) byte[] noise) {
        JbdAnswers jbd = new JbdAnswers(new CellBms(CellBmsOptions.defaults(CellBmsMake.JBD)));
        for (byte[] f : jbd.receive(noise)) {
            assertEquals(0xDD, f[0] & 0xFF);
            assertEquals(0x77, f[f.length - 1] & 0xFF);
            assertEquals(f.length, (f[3] & 0xFF) + 7);
            int sum = 0;
            for (int i = 2; i < f.length - 3; i++) {
                sum += f[i] & 0xFF;
            }
            assertEquals((0x10000 - sum) & 0xFFFF, Bytes.u16(f, f.length - 3));
        }
        jbd.idle(); // a pause on the line drops what the noise left unfinished
        List<byte[]> answers = jbd.receive(hex("DDA50400FFFC77"));
        assertTrue(answers.stream().anyMatch(f -> (f[1] & 0xFF) == 0x04 && f[3] == 32),
                () -> "no cell voltages after " + hex(noise));
    }

    @Property(tries = 300)
    void aDalyAnswersNoiseWithWellFormedFramesOnlyAndRecovers(@ForAll @Size(max = 300) byte[] noise) {
        DalyAnswers daly = new DalyAnswers(new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY)));
        for (byte[] f : daly.receive(noise)) {
            assertEquals(13, f.length);
            assertEquals("A501", hex(f).substring(0, 4));
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += f[i] & 0xFF;
            }
            assertEquals(sum & 0xFF, f[12] & 0xFF);
        }
        daly.idle();
        List<byte[]> answers = daly.receive(hex("A54090080000000000000000" + "7D"));
        assertTrue(answers.stream().anyMatch(f -> (f[2] & 0xFF) == 0x90), () -> "no 0x90 after " + hex(noise));
    }
}
