package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned on the widest cell, two spaces apart; the last column is not padded. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        columns = header.length;
        rows.add(header);
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(columns + " cells expected, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            line.setLength(end);
            out.println(line);
        }
    }
}
