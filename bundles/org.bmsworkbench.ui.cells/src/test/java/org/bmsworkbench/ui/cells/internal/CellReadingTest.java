package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.junit.jupiter.api.Test;

/** The cells and sensors read from the model's keys (SIGNALS.md "Cell-level BMS makes over serial"). */
class CellReadingTest {

    private final DefaultBmsModel model = new DefaultBmsModel(100);
    private final CellKeys keys = new CellKeys();

    private CellReading read() {
        keys.scan(model.values());
        return CellReading.read(model, keys);
    }

    @Test
    void sixteenCellsAndFourSensorsInNumberOrder() {
        Pack.apply(model, Pack.T0, Pack.sixteen());
        CellReading r = read();
        assertEquals(16, r.cells().size());
        assertEquals(16, r.declared());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
                r.cells().stream().map(CellReading.Cell::number).toList());
        assertEquals(3.281, r.cells().get(6).volts());
        assertTrue(r.cells().get(2).balancing());
        assertEquals(1, r.cells().stream().filter(CellReading.Cell::balancing).count());
        assertEquals(List.of(1, 2, 3, 4), r.sensors().stream().map(CellReading.Sensor::number).toList());
        assertEquals(27.9, r.sensors().get(3).celsius());
        assertEquals(3.281, r.lowest().value());
        assertEquals(Pack.T0, r.newestMicros());
        assertTrue(r.perCell());
    }

    @Test
    void aCellCountAboveTheKeysLeavesMissingSlotsAndGapsStayGaps() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cell.count", 8L);
        s.put("cell.1.voltage", 3.301);
        s.put("cell.2.voltage", null); // the device's "not available"
        s.put("cell.5.voltage", 3.305);
        Pack.apply(model, Pack.T0, s);
        CellReading r = read();
        assertEquals(8, r.cells().size());
        assertTrue(r.cells().get(1).reported());
        assertNull(r.cells().get(1).volts());
        assertFalse(r.cells().get(2).reported());
        assertEquals(List.of(2, 3, 4, 6, 7, 8), CellStatistics.of(r.cells()).missing());
    }

    @Test
    void withoutCellCountTheHighestNumberSetsTheSlots() {
        Pack.apply(model, Pack.T0, Map.of("cell.1.voltage", 3.3, "cell.12.voltage", 3.31));
        assertEquals(12, read().cells().size());
    }

    @Test
    void packLevelKeysAreNotCellsOrSensors() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cell.voltage.min", 3.281);
        s.put("cell.voltage.max", 3.342);
        s.put("cell.temperature.min", 20.5);
        s.put("cell.temperature.max", 22.0);
        s.put("pack.temperature", 22.0);
        s.put("history.cell_voltage.min", 2.9);
        Pack.apply(model, Pack.T0, s);
        CellReading r = read();
        assertEquals(0, r.cells().size());
        assertEquals(0, r.sensors().size());
        assertFalse(r.perCell());
        assertEquals(20.5, r.coldest().value());
        assertEquals(3.342, r.highest().value());
    }

    @Test
    void keyNumbersAreParsedStrictly() {
        assertEquals(7, CellKeys.cellOf("cell.7.voltage"));
        assertEquals(48, CellKeys.cellOf("cell.48.balancing"));
        assertEquals(0, CellKeys.cellOf("cell.voltage.min"));
        assertEquals(0, CellKeys.cellOf("cell.07.voltage"));
        assertEquals(0, CellKeys.cellOf("cell.0.voltage"));
        assertEquals(0, CellKeys.cellOf("cell.257.voltage"));
        assertEquals(0, CellKeys.cellOf("cell.count"));
        assertEquals(3, CellKeys.sensorOf("temperature.3"));
        assertEquals(0, CellKeys.sensorOf("temperature.x"));
        assertEquals(0, CellKeys.sensorOf("pack.temperature"));
    }

    @Test
    void aProbeFindsCellsAddedSinceTheLastScanWithoutListingTheModel() {
        Pack.apply(model, Pack.T0, Pack.cells(4, 3.30));
        keys.scan(model.values());
        Pack.apply(model, Pack.T0 + 1_000_000, Pack.cells(6, 3.30));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("temperature.3", 30.0);
        Pack.apply(model, Pack.T0 + 1_000_000, t);
        keys.probe(model);
        CellReading r = CellReading.read(model, keys);
        assertEquals(6, r.cells().size());
        assertEquals(3, r.sensors().size());
    }

    @Test
    void aScanForgetsWhatAClearedModelNoLongerHolds() {
        Pack.apply(model, Pack.T0, Pack.cells(16, 3.30));
        read();
        model.clear();
        Pack.apply(model, Pack.T0 + 1_000_000, Pack.cells(4, 3.30));
        CellReading r = read();
        assertEquals(4, r.cells().size());
    }
}
