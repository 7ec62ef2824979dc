package org.bmsworkbench.simulator.internal;

import java.util.List;
import org.bmsworkbench.can.CanFrame;

/**
 * What a {@link SimChannel} drives on virtual time: an MG Master LV's bus ({@code VirtualBus}) or
 * a simulated JBD or Daly ({@code VirtualCellBms}). One owner thread.
 */
interface SimulatedNodes {
    /** Runs up to virtual time {@code millis}; the frames due up to then, in sending order. */
    List<CanFrame> advanceTo(long millis);

    /** A frame from the host; the answers due at once (later ones come from {@link #advanceTo}). */
    List<CanFrame> receive(CanFrame frame);

    /** Virtual time at which {@link #advanceTo} next has something to do. */
    long nextDueMillis();
}
