package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.junit.jupiter.api.Test;

/**
 * VREG answers of the simulated Master LV on NMEA 2000, frames written out by hand from guide
 * 1.5.4.1 ({@code 1CEF<destination><source>}, {@code 66 99 <id> <value>}) and 1.5.4.3 (request,
 * broadcast reply, ACK 0x8000 to the requester), with Victron's practice for writes: a taken
 * write is confirmed by a broadcast of the new value, a refused one by ACK 0x8100 to the writer.
 */
class VregAnswersTest {
    private final List<String> problems = new ArrayList<>();

    private VirtualMasterLv bms(String protocol, Scenario scenario) {
        TestProtocols registry = new TestProtocols().install(new Nmea2000Protocol()).install(TestProtocols.sma());
        return new VirtualMasterLv(SimulatorOptions.defaults().withProtocol(protocol).withScenario(scenario),
                ScenarioTest.EPOCH, MgMasterLvProfile.defaults(), registry::find, problems::add);
    }

    static CanFrame frame(int canId, String hex) {
        return CanFrame.of(0, "can0", canId, true, HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** The answers as {@code "1CEFFF50 66990201...."}, to compare with frames written by hand. */
    static List<String> text(List<CanFrame> frames) {
        return frames.stream().map(f -> String.format("%08X %s", f.id(), f.dataHex().toUpperCase())).toList();
    }

    @Test
    void aRequestIsAnsweredByABroadcastOfTheValue() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.NORMAL);
        bms.advanceTo(10_000);
        // guide 1.5.4.3: request for the firmware version from 0x20; the reply is always broadcast
        List<CanFrame> answer = bms.receive(frame(0x1CEF5020, "66 99 01 00 02 01 FF FF"));
        assertEquals(List.of("1CEFFF50 6699020100002401"), text(answer), "v1.24: identifier 0, un24 0x012400");
        assertEquals(ScenarioTest.EPOCH * 1000 + 10_000_000, answer.get(0).timestampMicros(), "virtual time");
        assertEquals(List.of("1CEFFF50 6699710309FFFFFF"), text(bms.receive(frame(0x1CEFFF20, "66 99 01 00 71 03 FF FF"))),
                "a broadcast request too: state 9 running, padding 0xFF");
        assertEquals(List.of("1CEFFF50 6699800304040104"), text(bms.receive(frame(0x1CEF5033, "669901008003"))),
                "a request without its mask, from another address: 4 batteries, 4 cells, 1 parallel, 4 series");
    }

    @Test
    void framesNotForTheNodeAreIgnored() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.NORMAL);
        bms.advanceTo(10_000);
        assertEquals(List.of(), bms.receive(frame(0x1CEF5120, "66 99 01 00 02 01 FF FF")), "to node 0x51");
        assertEquals(List.of(), bms.receive(frame(0x1CEFFF50, "66 99 01 00 02 01 FF FF")), "our own address");
        assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "66 99 02 00 02 01 00 80")), "an ACK");
        assertEquals(List.of(), bms.receive(frame(0x1CEFFF20, "66 99 74 03 02 FF FF FF")), "another node's value");
        assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "12 34 01 00 02 01 FF FF")), "another manufacturer");
        assertEquals(List.of(), bms.receive(frame(0x19F21420, "00 01 02 03 04 05 06 07")), "PGN 127508");
        assertEquals(0, bms.device().setting(Setting.SYNC_GROUP), "another node's value is not a write");
    }

    @Test
    void anUnknownRegisterIsAnsweredWithAck8000ToTheRequester() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.NORMAL);
        bms.advanceTo(10_000);
        assertEquals(List.of("1CEF2050 6699020034120080"), text(bms.receive(frame(0x1CEF5020, "66 99 01 00 34 12 FF FF"))));
        assertEquals(List.of("1CEF3350 669902000A010080"), text(bms.receive(frame(0x1CEFFF33, "66 99 01 00 0A 01 FF FF"))),
                "the serial number (not implemented yet in the guide), asked by 0x33 of everyone");
        assertEquals(List.of("1CEF2050 6699020010EE0080"),
                text(bms.receive(frame(0x1CEF5020, "66 99 01 00 10 EE FF FF"))), "the unlock register is write-only");
    }

    @Test
    void aWriteInRangeIsTakenAndConfirmedByABroadcastOfTheNewValue() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.NORMAL);
        bms.advanceTo(10_000);
        assertEquals(List.of("1CEFFF50 6699740302FFFFFF"), text(bms.receive(frame(0x1CEF5020, "66 99 74 03 02 FF FF FF"))),
                "no OK ACK: the broadcast of the new value");
        assertEquals(2, bms.device().setting(Setting.SYNC_GROUP));
        assertEquals(List.of("1CEFFF50 6699870360FFFFFF"), text(bms.receive(frame(0x1CEF5020, "66 99 87 03 60 00 00 00"))),
                "96 in parallel; padding 0x00 is accepted");
        assertEquals(List.of("1CEFFF50 6699740302FFFFFF"), text(bms.receive(frame(0x1CEF5020, "66 99 01 00 74 03 FF FF"))),
                "read back");
    }

    @Test
    void outOfRangeAndReadOnlyWritesAreAnsweredWithAck8100ToTheWriter() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.NORMAL);
        bms.advanceTo(10_000);
        assertEquals(List.of("1CEF2050 6699020074030081"), text(bms.receive(frame(0x1CEF5020, "66 99 74 03 04 FF FF FF"))));
        assertEquals(0, bms.device().setting(Setting.SYNC_GROUP), "unchanged");
        assertEquals(List.of("1CEF2150 66990200FF0F0081"), text(bms.receive(frame(0x1CEF5021, "66 99 FF 0F 10 27 FF FF"))),
                "SOC is read-only");
        assertEquals(List.of("1CEF2050 6699020034120080"), text(bms.receive(frame(0x1CEF5020, "66 99 34 12 01 00 00 00"))),
                "a register the device does not have: 0x8000");
        assertEquals(List.of("1CEF2050 6699020074030080"), text(bms.receive(frame(0x1CEF5020, "66 99 74 03"))),
                "a write without its value: invalid request");
    }

    @Test
    void inErrorStateSettingsRead0xFFAndCannotBeWritten() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.SAFETY_LOCK);
        bms.advanceTo(400_000);
        assertEquals(BmsState.ERROR, bms.device().state());
        assertEquals(List.of("1CEFFF50 66997403FFFFFFFF"), text(bms.receive(frame(0x1CEF5020, "66 99 01 00 74 03 FF FF"))),
                "guide 1.5.4.2: read 0xFF = not available (system is in error state)");
        assertEquals(List.of("1CEF2050 6699020074030081"), text(bms.receive(frame(0x1CEF5020, "66 99 74 03 01 FF FF FF"))));
        assertEquals(List.of("1CEFFF50 669971030AFFFFFF"), text(bms.receive(frame(0x1CEF5020, "66 99 01 00 71 03 FF FF"))));
    }

    @Test
    void aSilentBmsAnswersNothing() {
        VirtualMasterLv bms = bms("nmea2000", Scenario.COMMS_LOSS);
        bms.advanceTo(70_000);
        assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "66 99 01 00 02 01 FF FF")));
        assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "66 99 74 03 02 FF FF FF")));
    }

    @Test
    void smaAndGeneralBmsBusesCarryNoVreg() {
        for (String protocol : List.of("sma", "general-bms")) {
            VirtualMasterLv bms = bms(protocol, Scenario.NORMAL);
            List<CanFrame> sent = bms.advanceTo(20_000);
            assertTrue(sent.stream().noneMatch(CanFrame::extended), protocol + ": 11-bit frames only");
            assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "66 99 01 00 02 01 FF FF")), protocol);
            assertEquals(List.of(), bms.receive(frame(0x1CEF5020, "66 99 74 03 02 FF FF FF")), protocol);
            assertEquals(0, bms.device().setting(Setting.SYNC_GROUP), protocol + ": nothing written");
            assertEquals(500, bms.cyclicPeriodMillis());
        }
    }
}
