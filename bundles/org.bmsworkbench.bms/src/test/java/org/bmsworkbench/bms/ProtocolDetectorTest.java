package org.bmsworkbench.bms;

import static org.bmsworkbench.bms.FakeProtocol.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.junit.jupiter.api.Test;

class ProtocolDetectorTest {

    /** SMA scores its shared frames; General BMS the same frames plus its own ids, which weigh more. */
    private final FakeProtocol sma = FakeProtocol.scoring("sma", 2, 0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F);
    private final FakeProtocol generalBms = new FakeProtocol("general-bms", java.util.Map.of(
            0x351, 2, 0x355, 2, 0x356, 2, 0x35A, 2, 0x35E, 2, 0x35F, 2, 0x373, 5, 0x378, 5, 0x380, 5, 0x381, 5));

    @Test
    void emptyUntilAFrameScores() {
        ProtocolDetector d = new ProtocolDetector(List.of(sma, generalBms));
        assertTrue(d.result().isEmpty());
        d.offer(frame(1, 0x123, 0));
        d.offer(CanFrame.of(2, "can0", 0x351, true, new byte[8]));
        assertTrue(d.result().isEmpty());
        assertTrue(d.leader().isEmpty());
        assertEquals(2, d.framesSeen());
    }

    @Test
    void theHighestTotalWinsWithEvidence() {
        ProtocolDetector d = new ProtocolDetector(List.of(sma, generalBms));
        for (int round = 0; round < 3; round++) {
            for (int id : new int[] {0x351, 0x355, 0x356, 0x373, 0x35E}) {
                d.offer(frame(round * 10 + id, id, 0));
            }
        }
        d.offer(frame(100, 0x700, 0));
        ProtocolDetector.Detection r = d.result().orElseThrow();
        assertEquals(List.of("general-bms"), r.protocolIds());
        assertEquals("general-bms: 15 frames with ids 0x351, 0x355, 0x356, 0x373, 0x35E (score 39 vs sma 24); "
                + "with companions: —",
                r.evidence());
        assertEquals(16, d.framesSeen());
        assertEquals("general-bms", d.leader().orElseThrow());
    }

    @Test
    void aPureSmaBusChoosesSma() {
        FakeProtocol smaHeavier = FakeProtocol.scoring("sma", 3, 0x351, 0x355, 0x356);
        ProtocolDetector d = new ProtocolDetector(List.of(generalBms, smaHeavier));
        d.offer(frame(1, 0x351, 0));
        d.offer(frame(2, 0x356, 0));
        assertEquals(List.of("sma"), d.result().orElseThrow().protocolIds());
        assertEquals("sma: 2 frames with ids 0x351, 0x356 (score 6 vs general-bms 4); with companions: —", d.result().orElseThrow().evidence());
    }

    @Test
    void onATieTheCandidateWithMoreDistinctIdsWins() {
        FakeProtocol narrow = FakeProtocol.scoring("aaa", 4, 0x351);
        FakeProtocol wide = FakeProtocol.scoring("zzz", 2, 0x351, 0x352);
        ProtocolDetector d = new ProtocolDetector(List.of(narrow, wide));
        d.offer(frame(1, 0x351, 0)); // aaa 4, zzz 2
        d.offer(frame(2, 0x352, 0)); // aaa 4, zzz 4: tie, zzz saw two ids
        assertEquals(List.of("zzz"), d.result().orElseThrow().protocolIds());
    }

    @Test
    void onAFullTieTheSmallerIdWins() {
        ProtocolDetector d = new ProtocolDetector(List.of(FakeProtocol.scoring("sma", 1, 0x351),
                FakeProtocol.scoring("general-bms", 1, 0x351)));
        d.offer(frame(1, 0x351, 0));
        assertEquals(List.of("general-bms"), d.result().orElseThrow().protocolIds());
        assertEquals("general-bms: 1 frame with id 0x351 (score 1 vs sma 1); with companions: —", d.result().orElseThrow().evidence());
    }

    @Test
    void evidenceSaysWhenNoOtherProtocolScoredAndNamesExtendedIds() {
        FakeProtocol n2k = new FakeProtocol("nmea2000", java.util.Map.of()) {
        };
        BmsProtocol extended = new BmsProtocol() {
            @Override public String id() { return "nmea2000"; }
            @Override public String label() { return "NMEA 2000"; }
            @Override public ProtocolSession newSession() { return n2k.newSession(); }
            @Override public int detectionScore(CanFrame f) { return f.extended() ? 3 : 0; }
            @Override public List<MessageInfo> messages() { return List.of(); }
            @Override public List<SignalDescriptor> signals() { return List.of(); }
        };
        ProtocolDetector d = new ProtocolDetector(List.of(extended, sma));
        d.offer(CanFrame.of(1, "can0", 0x19F21450, true, new byte[8]));
        assertEquals("nmea2000: 1 frame with id 0x19F21450 (score 3, no other protocol scored); with companions: —",
                d.result().orElseThrow().evidence());
    }

    /** Issue 16: the detector scores through the view overload, a protocol's copy-free path. */
    @Test
    void theDetectorAsksTheViewOverload() {
        BmsProtocol viewOnly = new FakeProtocol("view", java.util.Map.of()) {
            @Override
            public int detectionScore(CanFrame frame) {
                throw new AssertionError("the CanFrame overload was asked");
            }

            @Override
            public int detectionScore(FrameView frame) {
                return frame.id() == 0x351 ? 9 : 0;
            }
        };
        ProtocolDetector d = new ProtocolDetector(List.of(viewOnly, sma));
        d.offer(frame(1, 0x351, 0));
        assertEquals(List.of("view"), d.result().orElseThrow().protocolIds());
    }

    @Test
    void aThrowingCandidateIsNotEvidence() {
        BmsProtocol broken = new FakeProtocol("broken", java.util.Map.of()) {
            @Override
            public int detectionScore(CanFrame frame) {
                throw new IllegalStateException("bug");
            }
        };
        ProtocolDetector d = new ProtocolDetector(List.of(broken, sma));
        d.offer(frame(1, 0x351, 0));
        assertEquals(List.of("sma"), d.result().orElseThrow().protocolIds());
    }

    @Test
    void onATieWithTheSameIdsTheNarrowerProtocolWins() {
        // both claim 0x351 alike; "zzz" also knows 0x352, which this bus never sent
        FakeProtocol narrow = FakeProtocol.scoring("zzz", 3, 0x351);
        FakeProtocol wide = FakeProtocol.scoring("aaa", 3, 0x351, 0x352);
        ProtocolDetector d = new ProtocolDetector(List.of(wide, narrow));
        d.offer(frame(1, 0x351, 0));
        assertEquals(List.of("zzz"), d.result().orElseThrow().protocolIds());
    }

    @Test
    void theWinnerBringsItsInstalledCompanionsFirstTheWinner() {
        FakeProtocol host = FakeProtocol.scoring("host", 5, 0x100).withCompanions("mate", "absent", "host", " ", "mate");
        FakeProtocol mate = FakeProtocol.scoring("mate", 5, 0x200);
        ProtocolDetector d = new ProtocolDetector(List.of(mate, sma, host));
        d.offer(frame(1, 0x200, 0));
        assertEquals(List.of("mate"), d.leaderIds(), "the companion alone leads until its host has frames");
        d.offer(frame(2, 0x100, 0));
        d.offer(frame(3, 0x351, 0));
        ProtocolDetector.Detection r = d.result().orElseThrow();
        assertEquals(List.of("host", "mate"), r.protocolIds());
        assertEquals(List.of("host", "mate"), d.leaderIds());
        assertEquals("host", d.leader().orElseThrow());
        assertEquals("host: 1 frame with id 0x100 (score 10 vs sma 2); with companions: mate (1 frame with id 0x200), "
                + "absent (not installed)", r.evidence());
    }

    @Test
    void anInstalledCompanionWithoutFramesIsStillChosen() {
        FakeProtocol host = FakeProtocol.scoring("host", 5, 0x100).withCompanions("mate");
        ProtocolDetector d = new ProtocolDetector(List.of(host, FakeProtocol.scoring("mate", 5, 0x200)));
        d.offer(frame(1, 0x100, 0));
        assertEquals(List.of("host", "mate"), d.result().orElseThrow().protocolIds());
        assertEquals("host: 1 frame with id 0x100 (score 5, no other protocol scored); with companions: mate (no frames yet)",
                d.result().orElseThrow().evidence());
    }

    @Test
    void aFrameBothClaimCountsOnceForTheirChoice() {
        // the host claims the companion's frame weakly: host + mate is no better than mate alone
        FakeProtocol host = new FakeProtocol("host", java.util.Map.of(0x100, 5, 0x200, 1)).withCompanions("mate");
        FakeProtocol mate = FakeProtocol.scoring("mate", 5, 0x200);
        ProtocolDetector d = new ProtocolDetector(List.of(host, mate));
        for (int i = 0; i < 3; i++) {
            d.offer(frame(i, 0x200, 0));
        }
        assertEquals(List.of("mate"), d.result().orElseThrow().protocolIds(), "the narrower choice wins the tie");
        d.offer(frame(9, 0x100, 0));
        assertEquals(List.of("host", "mate"), d.result().orElseThrow().protocolIds());
        assertEquals("host: 4 frames with ids 0x200, 0x100 (score 20, no other protocol scored); "
                + "with companions: mate (3 frames with id 0x200)", d.result().orElseThrow().evidence());
    }

    @Test
    void aProtocolWhoseCompanionsFailHasNone() {
        FakeProtocol host = new FakeProtocol("host", java.util.Map.of(0x100, 5)) {
            @Override
            public List<String> companions() {
                throw new IllegalStateException("bug");
            }
        };
        ProtocolDetector d = new ProtocolDetector(List.of(host, FakeProtocol.scoring("mate", 5, 0x200)));
        d.offer(frame(1, 0x100, 0));
        assertEquals(List.of("host"), d.result().orElseThrow().protocolIds());
    }
}
