package org.bmsworkbench.can;

/** Whether a frame was received from the bus or sent onto it by this workbench. */
public enum Direction {
    RX, TX
}
