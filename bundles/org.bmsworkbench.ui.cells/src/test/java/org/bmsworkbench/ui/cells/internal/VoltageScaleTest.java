package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The voltage axis: a fixed LiFePO4 range (cut-off 2.5 V, charge limit 3.65 V), the Li-ion range once
 * a cell exceeded 3.70 V (NMC charges to 4.20 V), and the zoom to the spread.
 */
class VoltageScaleTest {

    @Test
    void lifepo4CellsGetTheFixedLfpRange() {
        VoltageScale s = VoltageScale.full(3.281, 3.342, false);
        assertEquals(2.50, s.low(), 1e-9);
        assertEquals(3.70, s.high(), 1e-9);
        assertFalse(s.zoomed());
        assertEquals(List.of(2.5, 2.6, 2.7, 2.8, 2.9, 3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7), s.ticks());
        assertEquals("3.30", s.label(3.3));
    }

    @Test
    void aCellAboveTheLfpRangeWidensItAndWideStaysWide() {
        VoltageScale nmc = VoltageScale.full(3.95, 4.12, false);
        assertEquals(4.30, nmc.high(), 1e-9);
        assertEquals(0.25, nmc.step(), 1e-9);
        assertEquals(4.30, VoltageScale.full(3.40, 3.60, true).high(), 1e-9);
    }

    @Test
    void cellsOutsideEveryRangeWidenItToTheNextTenth() {
        VoltageScale s = VoltageScale.full(2.43, 4.36, false);
        assertEquals(2.4, s.low(), 1e-9);
        assertEquals(4.4, s.high(), 1e-9);
    }

    @Test
    void theZoomFramesTheSpreadOnWholeMillivoltTicks() {
        VoltageScale s = VoltageScale.zoomed(3.281, 3.342);
        assertTrue(s.zoomed());
        assertTrue(s.low() <= 3.281 - 0.010 && s.high() >= 3.342 + 0.010, s.describe());
        assertTrue(s.high() - s.low() < 0.150, s.describe());
        assertEquals(0.02, s.step(), 1e-9);
        for (double t : s.ticks()) {
            assertEquals(0, Math.round(t * 1e6) % Math.round(s.step() * 1e6), "tick " + t);
        }
        assertEquals("3.300", s.label(3.3));
    }

    @Test
    void equalCellsStillGetATwentyMillivoltWindow() {
        VoltageScale s = VoltageScale.zoomed(3.300, 3.300);
        assertTrue(s.high() - s.low() >= 0.020 - 1e-9, s.describe());
        assertTrue(s.low() < 3.300 && s.high() > 3.300);
        assertEquals(0.005, s.step(), 1e-9);
    }

    @Test
    void pixelsRunFromTheBottomUpAndClamp() {
        VoltageScale s = VoltageScale.full(3.2, 3.3, false);
        assertEquals(200, s.y(2.5, 0, 200));
        assertEquals(0, s.y(3.7, 0, 200));
        assertEquals(100, s.y(3.1, 0, 200));
        assertEquals(200, s.y(1.0, 0, 200));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.001, VoltageScale.niceStep(0.0004), 1e-12);
        assertEquals(0.002, VoltageScale.niceStep(0.0015), 1e-12);
        assertEquals(0.005, VoltageScale.niceStep(0.0041), 1e-12);
        assertEquals(0.010, VoltageScale.niceStep(0.0070), 1e-12);
        assertEquals(0.020, VoltageScale.niceStep(0.0135), 1e-12);
    }
}
