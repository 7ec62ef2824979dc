package org.bmsworkbench.serialport;

/** The parity bit of a serial line. */
public enum Parity {
    NONE, EVEN, ODD
}
