package org.bmsworkbench.bms;

import static org.bmsworkbench.bms.BusModels.GENERAL_BMS;
import static org.bmsworkbench.bms.BusModels.NMEA2000;
import static org.bmsworkbench.bms.BusModels.PYLONTECH;
import static org.bmsworkbench.bms.BusModels.SMA;
import static org.bmsworkbench.bms.BusModels.VREG;
import static org.bmsworkbench.bms.BusModels.cycles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Detection on realistic buses with every protocol installed, scored the way the real protocols
 * score (see {@link BusModels}).
 */
class RealisticDetectionTest {
    private static final List<BmsProtocol> ALL = List.of(GENERAL_BMS, NMEA2000, PYLONTECH, SMA, VREG);

    private static ProtocolDetector.Detection detect(List<CanFrame> frames) {
        ProtocolDetector d = new ProtocolDetector(ALL);
        frames.forEach(d::offer);
        return d.result().orElseThrow();
    }

    @Test
    void anSmaOnlyBusIsSmaNotGeneralBmsWhichClaimsTheSameFrames() {
        ProtocolDetector.Detection r = detect(cycles(BusModels.smaCycle(), 10));
        assertEquals(List.of("sma"), r.protocolIds());
        assertEquals("sma: 70 frames with ids 0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F (score 1520 vs general-bms 1520);"
                + " with companions: —", r.evidence());
    }

    @Test
    void aGeneralBmsBusIsGeneralBmsEvenThoughItsFirstFramesAreSmaFrames() {
        ProtocolDetector d = new ProtocolDetector(ALL);
        List<CanFrame> cycle = BusModels.generalBmsCycle();
        cycle.subList(0, 7).forEach(d::offer);
        assertEquals(List.of("sma"), d.leaderIds(), "the shared frames alone say sma");
        cycle.subList(7, cycle.size()).forEach(d::offer);
        assertEquals(List.of("general-bms"), d.leaderIds());
        cycles(cycle, 9).forEach(d::offer);
        ProtocolDetector.Detection r = d.result().orElseThrow();
        assertEquals(List.of("general-bms"), r.protocolIds());
        assertEquals("general-bms: 110 frames with ids 0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F, 0x373, 0x378, "
                + "0x380, 0x381 (score 3520 vs sma 1520); with companions: —", r.evidence());
    }

    @Test
    void anNmea2000BusWithVregBroadcastsIsNmea2000WithVreg() {
        ProtocolDetector.Detection r = detect(cycles(BusModels.nmea2000Cycle(), 10));
        assertEquals(List.of("nmea2000", "vreg"), r.protocolIds());
        assertEquals("nmea2000: 80 frames with ids 0x19F21450, 0x19F21250, 0x1CEFFF50, 0x18EEFF50 (score 3510, "
                + "no other protocol scored); with companions: vreg (20 frames with id 0x1CEFFF50)", r.evidence());
    }

    @Test
    void vregBroadcastsOutnumberingThePgnsStillMakeAnNmea2000Bus() {
        List<CanFrame> frames = new ArrayList<>(cycles(BusModels.vregCycle(), 50));
        frames.addAll(BusModels.nmea2000Cycle());
        assertEquals(List.of("nmea2000", "vreg"), detect(frames).protocolIds());
    }

    @Test
    void aVregOnlyCaptureIsVregAlone() {
        ProtocolDetector.Detection r = detect(cycles(BusModels.vregCycle(), 10));
        assertEquals(List.of("vreg"), r.protocolIds());
        assertEquals("vreg: 40 frames with ids 0x1CEFFF50, 0x18E8FE50 (score 1700 vs nmea2000 40); "
                + "with companions: —", r.evidence());
    }

    @Test
    void aPylontechBusIsPylontechNotSma() {
        ProtocolDetector.Detection r = detect(cycles(BusModels.pylontechCycle(), 10));
        assertEquals(List.of("pylontech"), r.protocolIds());
        assertEquals("pylontech: 60 frames with ids 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E (score 3060 vs "
                + "sma 300); with companions: —", r.evidence());
    }

    @Test
    void anMgBusStaysSmaWithPylontechInstalled() {
        ProtocolDetector d = new ProtocolDetector(List.of(PYLONTECH, SMA));
        cycles(BusModels.smaCycle(), 3).forEach(d::offer);
        assertEquals("sma: 21 frames with ids 0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F (score 456 vs pylontech 18);"
                + " with companions: —", d.result().orElseThrow().evidence());
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheCandidates() {
        List<BmsProtocol> reversed = new ArrayList<>(ALL);
        java.util.Collections.reverse(reversed);
        for (List<CanFrame> bus : List.of(BusModels.smaCycle(), BusModels.generalBmsCycle(), BusModels.nmea2000Cycle(),
                BusModels.vregCycle(), BusModels.pylontechCycle())) {
            ProtocolDetector a = new ProtocolDetector(ALL);
            ProtocolDetector b = new ProtocolDetector(reversed);
            bus.forEach(a::offer);
            bus.forEach(b::offer);
            assertEquals(a.result().orElseThrow(), b.result().orElseThrow());
        }
    }
}
