package org.bmsworkbench.protocol.daly.codec;

import static org.bmsworkbench.protocol.daly.codec.Frames.bytes;
import static org.bmsworkbench.protocol.daly.codec.Frames.rx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.junit.jupiter.api.Test;

/**
 * Daly replies quoted byte for byte in public sources, decoded to the values those sources state.
 * The hex is written out by hand from the quotes; checksums are the BMS's own.
 */
class DalyPublicFramesTest {
    private final DalyDecoder decoder = new DalyDecoder();

    private DecodedMessage one(String hex) throws MalformedFrameException {
        List<DecodedMessage> m = decoder.decodeAll(rx(1_000_000L, hex));
        assertEquals(1, m.size(), hex);
        return m.get(0);
    }

    /**
     * dreadnought/python-daly-bms, tests/test_bluetooth.py (commit 1ee4498): the replies its mock
     * BMS gives, with the values the test asserts. Bluetooth carries the UART frames unchanged.
     */
    @Test
    void pythonDalyBmsSoc() throws MalformedFrameException {
        // {'total_voltage': 53.0, 'current': -5.9, 'soc_percent': 92.2}
        DecodedMessage m = one("A5 01 90 08 02 12 00 00 74 F5 03 9A 58");
        assertEquals("soc", m.message());
        assertEquals(0x90, m.dataId());
        assertEquals(53.0, m.signals().get("pack.voltage"));
        assertEquals(-5.9, m.signals().get("pack.current"));
        assertEquals(92.2, m.signals().get("soc"));
        assertEquals(0.0, m.signals().get(DalySignals.ACQUISITION_VOLTAGE));
    }

    @Test
    void pythonDalyBmsCellVoltageRange() throws MalformedFrameException {
        // {'highest_voltage': 3.315, 'highest_cell': 10, 'lowest_voltage': 3.308, 'lowest_cell': 1}
        Map<String, Object> s = one("A5 01 91 08 0C F3 0A 0C EC 01 03 9A DE").signals();
        assertEquals(Map.of("cell.voltage.max", 3.315, DalySignals.MAX_CELL, 10L, "cell.voltage.min", 3.308,
                DalySignals.MIN_CELL, 1L), s);
    }

    @Test
    void pythonDalyBmsTemperatureRange() throws MalformedFrameException {
        // highest_temperature 21, highest_sensor 1, lowest_temperature 21, lowest_sensor 1
        Map<String, Object> s = one("A5 01 92 08 3D 01 3D 01 00 00 00 AD 69").signals();
        assertEquals(Map.of("cell.temperature.max", 21.0, DalySignals.MAX_SENSOR, 1L, "cell.temperature.min", 21.0,
                DalySignals.MIN_SENSOR, 1L), s);
    }

    @Test
    void pythonDalyBmsMosfetStatus() throws MalformedFrameException {
        // {'mode': 'discharging', 'charging_mosfet': True, 'discharging_mosfet': True, 'capacity_ah': 256.76}
        DecodedMessage m = one("A5 01 93 08 02 01 01 9E 00 03 EA F8 C8");
        assertEquals("mosfet_status", m.message());
        assertEquals(2L, m.signals().get(DalySignals.STATE));
        assertEquals(true, m.signals().get("fet.charge"));
        assertEquals(true, m.signals().get("fet.discharge"));
        assertEquals(256.76, m.signals().get("capacity.remaining"));
        assertEquals(0x9EL, m.signals().get(DalySignals.BMS_LIFE));
    }

    @Test
    void pythonDalyBmsStatus() throws MalformedFrameException {
        // cells 16, cycles 11, temperature_sensors 1
        Map<String, Object> s = one("A5 01 94 08 10 01 00 00 02 00 0B 9B FB").signals();
        assertEquals(16L, s.get("cell.count"));
        assertEquals(1L, s.get(DalySignals.SENSOR_COUNT));
        assertEquals(11L, s.get("cycles"));
        assertEquals(false, s.get(DalySignals.CHARGER));
        assertEquals(false, s.get(DalySignals.LOAD));
        assertEquals(true, s.get("daly.di.2"), "byte 4 = 0x02: bit 1, DI2");
        assertEquals(16, decoder.cellCount());
        assertEquals(1, decoder.sensorCount());
    }

    /** The test's cell voltages: 16 cells, three per frame, frame 6 carrying cell 16 and two empty places. */
    @Test
    void pythonDalyBmsSixteenCellsOverSixFrames() throws MalformedFrameException {
        one("A5 01 94 08 10 01 00 00 02 00 0B 9B FB");
        String[] frames = {
            "A5 01 95 08 01 0D 37 0D 36 0D 34 9B A7", "A5 01 95 08 02 0D 35 0D 35 0D 35 9B A6",
            "A5 01 95 08 03 0D 34 0D 3E 0D 36 9B B0", "A5 01 95 08 04 0D 37 0D 36 0D 37 9B AD",
            "A5 01 95 08 05 0D 34 0D 35 0D 34 9B A7", "A5 01 95 08 06 0D 37 00 00 00 00 9B 28",
        };
        double[] expected = {3.383, 3.382, 3.380, 3.381, 3.381, 3.381, 3.380, 3.390, 3.382, 3.383, 3.382, 3.383,
            3.380, 3.381, 3.380, 3.383};
        int cell = 1;
        for (int f = 0; f < frames.length; f++) {
            DecodedMessage m = one(frames[f]);
            assertEquals("cell_voltages", m.message());
            assertEquals(0x95, m.dataId());
            int carried = f < 5 ? 3 : 1; // cells 17 and 18 are beyond the 16 of 0x94
            assertEquals(carried, m.signals().size(), frames[f]);
            for (int k = 0; k < carried; k++, cell++) {
                assertEquals(expected[cell - 1], m.signals().get("cell." + cell + ".voltage"), "cell " + cell);
            }
        }
        assertEquals(17, cell);
    }

    @Test
    void pythonDalyBmsTemperaturesBalanceAndErrors() throws MalformedFrameException {
        one("A5 01 94 08 10 01 00 00 02 00 0B 9B FB");
        // temperatures: response[1] == 21; the second frame (all places empty) carries no sensor of the one
        assertEquals(Map.of("temperature.1", 21.0), one("A5 01 96 08 01 3D 00 00 00 00 00 00 82").signals());
        assertEquals(Map.of(), one("A5 01 96 08 02 00 00 00 00 00 00 00 46").signals());
        Map<String, Object> balance = one("A5 01 97 08 00 00 00 00 00 00 00 00 45").signals();
        assertEquals(16, balance.size());
        assertTrue(balance.values().stream().allMatch(Boolean.FALSE::equals));
        // get_errors() == []: no fault raised
        Map<String, Object> faults = one("A5 01 98 08 00 00 00 00 00 00 00 00 46").signals();
        assertTrue(faults.entrySet().stream().filter(e -> e.getValue() instanceof Boolean)
                .allMatch(e -> e.getValue().equals(false)), faults.toString());
        assertEquals(0L, faults.get(DalySignals.FAULT_CODE));
    }

    /** The requests of the same test (Bluetooth host 0x80) are what the codec builds. */
    @Test
    void pythonDalyBmsRequests() {
        assertArrayEquals(bytes("A5 80 90 08 00 00 00 00 00 00 00 00 BD"),
                DalyCodec.uartFrame(DalyCodec.BLUETOOTH_HOST, 0x90, new byte[8]));
        assertArrayEquals(bytes("A5 80 98 08 00 00 00 00 00 00 00 00 C5"),
                DalyCodec.uartFrame(DalyCodec.BLUETOOTH_HOST, 0x98, new byte[8]));
    }

    /**
     * esphome/esphome issue #12445 (Kicosta, "Daly BMS component doesn't parse responses
     * correctly"): a UART log with the request {@code A5 40 91 …} and the reply its sensors report
     * as Max Cell V 3.253 (cell 2), Min Cell V 3.250 (cell 1).
     */
    @Test
    void esphomeIssueCellVoltageRange() throws MalformedFrameException {
        assertArrayEquals(bytes("A5 40 91 08 00 00 00 00 00 00 00 00 7E"),
                DalyCodec.uartFrame(DalyCodec.HOST, 0x91, new byte[8]));
        Map<String, Object> s = one("A5 01 91 08 0C B5 02 0C B2 01 00 03 C4").signals();
        assertEquals(3.253, s.get("cell.voltage.max"));
        assertEquals(2L, s.get(DalySignals.MAX_CELL));
        assertEquals(3.25, s.get("cell.voltage.min"));
        assertEquals(1L, s.get(DalySignals.MIN_CELL));
        // the 0x90 reply of the same log: 13.0 V, no current (30000), 49.9 %
        Map<String, Object> soc = one("A5 01 90 08 00 82 00 00 75 30 01 F3 59").signals();
        assertEquals(13.0, soc.get("pack.voltage"));
        assertEquals(0.0, soc.get("pack.current"));
        assertEquals(49.9, soc.get("soc"));
    }

    /**
     * ai-republic/bms-to-inverter issue #34 ("SMA CAN Help", ironcowboysolar): the log prints
     * each RS485 frame next to the values its handler read: 0x93 "Dis-/Charge-State: Discharge,
     * ChargeMOS-State: true, DisChargeMOS-State: true, BMSHeartBeat: 149" (2024-09-08) and 0x95
     * "Frame No.: 0, Cell No: 1. 3314mV, 2. 3315mV, 3. 3315mV" (2024-08-11; that handler counts
     * frames from 0 in its log). The 0x95 frame's reserved last data byte is 0x4B, not 0.
     */
    @Test
    void bmsToInverterIssueFrames() throws MalformedFrameException {
        assertArrayEquals(bytes("A5 40 93 08 00 00 00 00 00 00 00 00 80"),
                DalyCodec.uartFrame(DalyCodec.HOST, 0x93, new byte[8]));
        Map<String, Object> mos = one("A5 01 93 08 02 01 01 95 00 02 58 00 34").signals();
        assertEquals(2L, mos.get(DalySignals.STATE));
        assertEquals(true, mos.get("fet.charge"));
        assertEquals(true, mos.get("fet.discharge"));
        assertEquals(149L, mos.get(DalySignals.BMS_LIFE));
        assertEquals(153.6, mos.get("capacity.remaining"));
        Map<String, Object> cells = one("A5 01 95 08 01 0C F2 0C F3 0C F3 4B 8B").signals();
        assertEquals(Map.of("cell.1.voltage", 3.314, "cell.2.voltage", 3.315, "cell.3.voltage", 3.315), cells);
    }

    /**
     * ForrestFire0/GenericBMSArduino issue #4 (softwarecrash, 2021-11-11): "for the 0x90 command
     * a5 01 90 08 01 01 00 00 75 30 01 46 2c back: a5 is start bit, 01 the bms id, 90 the answer
     * for the requested data, 08 how many data bits, and 2c checksum".
     */
    @Test
    void genericBmsArduinoIssueFrame() throws MalformedFrameException {
        DecodedMessage m = one("a5 01 90 08 01 01 00 00 75 30 01 46 2c");
        assertEquals(0x90, m.dataId());
        assertEquals(25.7, m.signals().get("pack.voltage"));
        assertEquals(0.0, m.signals().get("pack.current"), "30000 is no current");
        assertEquals(32.6, m.signals().get("soc"));
    }
}
