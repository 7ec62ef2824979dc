package org.bmsworkbench.protocol.generalbms.internal;

import static org.bmsworkbench.protocol.generalbms.internal.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.junit.jupiter.api.Test;

/** The service: id, label, messages, keys, layouts, and detection against the SMA protocol. */
class GeneralBmsProtocolTest {
    private final GeneralBmsProtocol protocol = new GeneralBmsProtocol();

    /** One 500 ms cycle of the seven SMA frames (guide 1.3.2 = the first seven of 1.4.2). */
    private static final List<CanFrame> SMA_CYCLE = List.of(frame(0x351, "2802E803DC05C001"),
            frame(0x355, "570064002922"), frame(0x356, "C01485FFD700"), frame(0x35A, "AAAAAA026AAAAA02"),
            frame(0x35B, "00"), frame(0x35E, "4D472D424D530000"), frame(0x35F, "9B3A011890010100"));
    private static final List<CanFrame> OWN = List.of(frame(0x373, "F00C070D28012B01"),
            frame(0x378, "40E20100CD810100"), frame(0x380, "4D474C5632303233"), frame(0x381, "3030343200000000"));

    @Test
    void identity() {
        assertEquals("general-bms", protocol.id());
        assertEquals("General BMS (MG)", protocol.label());
        List<String> names = protocol.messages().stream().map(BmsProtocol.MessageInfo::name).toList();
        assertEquals(List.of("bms_limits", "battery_status", "battery_basic_info", "alarms_warnings", "events",
                "manufacturer_name", "system_information", "battery_cell_info", "energy", "serial_number_high",
                "serial_number_low"), names);
        assertEquals(0x381, protocol.messages().get(10).canId());
        List<String> keys = protocol.signals().stream().map(SignalDescriptor::key).toList();
        for (String key : List.of("pack.voltage", "cell.voltage.min", "cell.voltage.max", "cell.temperature.min",
                "cell.temperature.max", "energy.charged", "energy.discharged", "bms.serial")) {
            assertTrue(keys.contains(key), key);
        }
        assertEquals(keys.size(), keys.stream().distinct().count(), "each key once");
        SignalDescriptor energy = protocol.signals().stream().filter(s -> s.key().equals("energy.charged")).findFirst()
                .orElseThrow();
        assertEquals("kWh", energy.unit());
        assertTrue(energy.description().contains("0.01 kWh") && energy.description().contains("0.1 kWh"),
                energy.description());
    }

    @Test
    void scoresItsOwnFramesHighAndSharedOnesJustBelowSma() {
        SmaProtocol sma = new SmaProtocol();
        for (CanFrame f : OWN) {
            assertEquals(GeneralBmsProtocol.SCORE_OWN_FRAME, protocol.detectionScore(f), f.toString());
            assertEquals(0, sma.detectionScore(f), f.toString());
        }
        for (CanFrame f : SMA_CYCLE) {
            assertEquals(sma.detectionScore(f) - 1, protocol.detectionScore(f), f.toString());
        }
        assertEquals(0, protocol.detectionScore(frame(0x373, "F00C070D28012B")), "short");
        assertEquals(0, protocol.detectionScore(CanFrame.of(Frames.TIME, "can0", 0x378, true, new byte[8])), "29-bit");
        assertEquals(0, protocol.detectionScore(frame(0x382, "0000000000000000")));
    }

    private static String detect(List<CanFrame> frames) {
        ProtocolDetector detector = new ProtocolDetector(List.of(new SmaProtocol(), new GeneralBmsProtocol()));
        frames.forEach(detector::offer);
        return detector.result().orElseThrow().protocolIds().get(0);
    }

    @Test
    void smaWinsABusOfSmaFramesOnly() {
        List<CanFrame> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.addAll(SMA_CYCLE);
        }
        assertEquals("sma", detect(frames));
        assertEquals("sma", detect(List.of(frame(0x356, "C01485FFD700"))));
    }

    @Test
    void generalBmsWinsOnceItsOwnFramesAppear() {
        List<CanFrame> cycle = new ArrayList<>(SMA_CYCLE);
        cycle.addAll(OWN);
        assertEquals("general-bms", detect(cycle));
        for (CanFrame own : OWN) {
            List<CanFrame> frames = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                frames.addAll(SMA_CYCLE);
            }
            frames.add(own);
            assertEquals("general-bms", detect(frames), "five SMA cycles and " + own);
        }
    }

    @Test
    void layoutsDescribeEveryFrame() {
        List<FrameLayout> layouts = protocol.frameLayouts();
        assertEquals(protocol.messages().stream().map(BmsProtocol.MessageInfo::name).toList(),
                layouts.stream().map(FrameLayout::name).toList());
        FrameLayout cells = layouts.get(7);
        assertEquals(0x373, cells.canId());
        assertEquals(8, cells.length());
        SignalLayout vmin = cells.signals().get(0);
        assertEquals(List.of("cell_voltage_min", "cell.voltage.min", 0, 16, false, 0.001, 0.0, 0.0, 65.534, "V"),
                List.of(vmin.name(), vmin.key(), vmin.startBit(), vmin.length(), vmin.signed(), vmin.factor(),
                        vmin.offset(), vmin.min(), vmin.max(), vmin.unit()));
        SignalLayout tmax = cells.signals().get(3);
        assertEquals(List.of("cell_temperature_max", 48, 16, 1.0, -273.15, -273.15, 65260.85, "°C"),
                List.of(tmax.name(), tmax.startBit(), tmax.length(), tmax.factor(), tmax.offset(), tmax.min(),
                        tmax.max(), tmax.unit()));
        FrameLayout energy = layouts.get(8);
        SignalLayout discharged = energy.signals().get(1);
        assertEquals(List.of("energy_discharged", 32, 32, 0.01, 42949672.94, "kWh"), List.of(discharged.name(),
                discharged.startBit(), discharged.length(), discharged.factor(), discharged.max(), discharged.unit()));
        assertTrue(discharged.comment().contains("0.01 kWh"), discharged.comment());
        FrameLayout low = layouts.get(10);
        assertEquals(8, low.signals().size());
        assertEquals("bms_serial_char9", low.signals().get(0).name());
        assertEquals("bms_serial_char16", low.signals().get(7).name());
        assertEquals(Map.of(), low.signals().get(7).valueNames());
        assertEquals(56, low.signals().get(7).startBit());
        assertEquals("bms_serial_char1", layouts.get(9).signals().get(0).name());
    }
}
