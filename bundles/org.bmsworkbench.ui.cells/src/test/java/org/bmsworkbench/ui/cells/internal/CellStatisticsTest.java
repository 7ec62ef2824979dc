package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lowest, highest, mean and spread of the cells a BMS reports (SIGNALS.md "Cell-level BMS makes over serial"). */
class CellStatisticsTest {

    private static List<CellReading.Cell> cells(Double... volts) {
        List<CellReading.Cell> list = new ArrayList<>();
        for (int i = 0; i < volts.length; i++) {
            list.add(new CellReading.Cell(i + 1, volts[i], false, volts[i] != null, volts[i] == null ? 0 : 1));
        }
        return list;
    }

    @Test
    void minMaxMeanAndSpreadOfFourCells() {
        CellStatistics s = CellStatistics.of(cells(3.300, 3.312, 3.296, 3.340));
        assertEquals(3.296, s.min(), 1e-9);
        assertEquals(3.340, s.max(), 1e-9);
        assertEquals((3.300 + 3.312 + 3.296 + 3.340) / 4, s.mean(), 1e-9);
        assertEquals(44.0, s.spreadMillivolts());
        assertEquals(List.of(3), s.lowestCells());
        assertEquals(List.of(4), s.highestCells());
        assertEquals(4, s.present());
    }

    @Test
    void missingCellsAreCountedButNeverTakenAsZeroVolts() {
        CellStatistics s = CellStatistics.of(cells(3.301, null, 3.305, null, 3.299));
        assertEquals(3, s.present());
        assertEquals(5, s.slots());
        assertEquals(List.of(2, 4), s.missing());
        assertEquals(3.299, s.min(), 1e-9);
        assertEquals(3.305, s.max(), 1e-9);
        assertEquals((3.301 + 3.305 + 3.299) / 3, s.mean(), 1e-9);
        assertEquals(6.0, s.spreadMillivolts());
        assertTrue(s.summary().startsWith("3 of 5 cells (missing 2, 4)"), s.summary());
    }

    @Test
    void everyCellAtTheExtremeIsMarkedAndNoneWhenAllAreEqual() {
        CellStatistics tie = CellStatistics.of(cells(3.290, 3.310, 3.290, 3.310, 3.300));
        assertEquals(List.of(1, 3), tie.lowestCells());
        assertEquals(List.of(2, 4), tie.highestCells());
        CellStatistics flat = CellStatistics.of(cells(3.300, 3.300, 3.300));
        assertEquals(0.0, flat.spreadMillivolts());
        assertEquals(List.of(), flat.lowestCells());
        assertEquals(List.of(), flat.highestCells());
    }

    @Test
    void noVoltageAtAllGivesNoNumbers() {
        CellStatistics s = CellStatistics.of(cells(null, null));
        assertEquals(0, s.present());
        assertTrue(Double.isNaN(s.spreadMillivolts()));
        assertEquals("2 cells, none reported a voltage yet", s.summary());
    }

    @Test
    void theSummaryNamesTheCellsAndTheBalancing() {
        List<CellReading.Cell> c = new ArrayList<>(cells(3.318, 3.321, 3.342, 3.281));
        c.set(2, new CellReading.Cell(3, 3.342, true, true, 1));
        assertEquals("4 cells  ·  lowest 3.281 V (cell 4)  ·  highest 3.342 V (cell 3)  ·  mean 3.316 V  ·  spread 61 mV"
                + "  ·  balancing cell 3", CellStatistics.of(c).summary());
    }

    @Test
    void millivoltsKeepADecimalOnlyBelowTen() {
        assertEquals("61 mV", CellStatistics.millivolts(61.0));
        assertEquals("0.5 mV", CellStatistics.millivolts(0.5));
        assertEquals("4 mV", CellStatistics.millivolts(4.0));
        assertEquals("1, 2, 3 +2", CellStatistics.cells(List.of(1, 2, 3, 4, 5)));
    }
}
