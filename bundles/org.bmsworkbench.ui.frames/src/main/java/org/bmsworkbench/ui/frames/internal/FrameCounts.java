package org.bmsworkbench.ui.frames.internal;

import java.text.NumberFormat;
import java.util.Locale;
import org.eclipse.swt.widgets.Label;

/**
 * The line under the Frames table: the frames kept of the buffer, those dropped when it was
 * full, those not kept while paused, and those the filter shows; set only when its text
 * changes. UI thread only (the counts it reads are kept by the store and the intake).
 */
final class FrameCounts {
    private final Label label;
    private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
    private String last = "";
    private long skippedBase;

    FrameCounts(Label label) {
        this.label = label;
    }

    /** Counts the frames not kept while paused from now on: those {@code intake} skipped so far are left out. */
    void restartSkipped(FrameIntake intake) {
        skippedBase = intake == null ? 0 : intake.skipped();
    }

    /** Shows the counts of {@code store} and {@code intake}; "Not connected." without an intake. */
    void show(FrameStore store, FrameIntake intake) {
        String s;
        if (intake == null) {
            s = "Not connected.";
        } else {
            StringBuilder b = new StringBuilder();
            b.append(counts.format(store.kept())).append(" frames kept (buffer ").append(counts.format(store.capacity()))
                    .append(')');
            if (store.dropped() > 0) {
                b.append(" · ").append(counts.format(store.dropped())).append(" older dropped, buffer full");
            }
            long skipped = intake.skipped() - skippedBase;
            if (skipped > 0) {
                b.append(" · ").append(counts.format(skipped)).append(" not kept while paused");
            }
            if (!store.filter().all()) {
                b.append(" · showing ").append(counts.format(store.shownCount())).append(" matching '")
                        .append(store.filter().text()).append('\'');
            }
            s = b.toString();
        }
        if (!s.equals(last)) {
            last = s;
            label.setText(s);
        }
    }
}
