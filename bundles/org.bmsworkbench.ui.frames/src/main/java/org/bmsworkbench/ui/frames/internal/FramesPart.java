package org.bmsworkbench.ui.frames.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;

/**
 * One open Frames view. Frames are written on the transport thread by a {@link FrameIntake} into
 * the ring of the {@link FrameStore}; each refresh (≤ 20 Hz) takes the ring's new end and brings
 * the table's row count to it; the virtual table asks only for the rows it shows. Every method
 * runs on the UI thread.
 */
final class FramesPart implements ViewPart {
    static final int DEFAULT_CAPACITY = 100_000;
    /**
     * Frames the ring takes beyond the buffer before it overwrites rows shown: between two
     * refreshes, more than 8 s of a full 500 kbit/s bus.
     */
    static final int HEADROOM = 65_536;
    /**
     * Rows added to the table per refresh at most: 10,000 a second at the window's 10 Hz, more than a
     * full bus; GTK pays 20–60 µs a row added.
     */
    static final int MAX_TABLE_GROWTH = 1_000;
    /** Rows off screen whose text is forgotten per refresh at most: more than a screen scrolls by. */
    static final int FORGET_PER_REFRESH = 64;

    private final WorkbenchContext context;
    private final FramesControls ui;
    private final FrameStore store;
    private final FrameText text = new FrameText(ZoneId.systemDefault());
    private final FrameCounts counts;

    private WorkbenchSession session;
    private FrameIntake intake;
    private Subscription frames = () -> { };
    private Subscription messages = () -> { };
    private boolean autoScroll = true;
    /** Rows the table has asked for since their content last changed: only they hold text to forget. */
    private java.util.BitSet filled = new java.util.BitSet();
    /** The shown row of the table's first row: while the table cannot yet take every row, it shows the newest. */
    private int tableFirst;
    // measurements, printed by the tests
    private long refreshes;
    private long longestRefreshNanos;
    private long drained;
    /** Each refresh's duration in ns, when a test asks for them. */
    java.util.List<Long> timings;

    FramesPart(Composite parent, WorkbenchContext context, int capacity) {
        this.context = context;
        this.ui = new FramesControls(parent);
        this.store = new FrameStore(capacity, HEADROOM);
        this.counts = new FrameCounts(ui.counts);
        ui.table.addListener(SWT.SetData, this::fill);
        ui.filter.addListener(SWT.DefaultSelection, e -> applyFilter());
        ui.filter.addListener(SWT.Modify, e -> {
            if (ui.filter.getText().isBlank() && !store.filter().all()) {
                applyFilter();
            }
        });
        ui.pause.addListener(SWT.Selection, e -> pause(ui.pause.getSelection()));
        ui.clear.addListener(SWT.Selection, e -> clear());
        ui.copy.addListener(SWT.Selection, e -> copySelection());
        ui.menuCopy.addListener(SWT.Selection, e -> copySelection());
        ui.menuFilterId.addListener(SWT.Selection, e -> filterSelectedId());
        ui.autoScroll.addListener(SWT.Selection, e -> {
            autoScroll = ui.autoScroll.getSelection();
            if (autoScroll) {
                scrollToEnd();
            }
        });
        // the user scrolls: follow the end again only if they scrolled to it
        Runnable userScrolled = () -> ui.table.getDisplay().asyncExec(this::userScrolled);
        ui.table.getVerticalBar().addListener(SWT.Selection, e -> userScrolled.run());
        ui.table.addListener(SWT.MouseVerticalWheel, e -> userScrolled.run());
        ui.table.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.PAGE_UP || e.keyCode == SWT.HOME
                    || e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.PAGE_DOWN || e.keyCode == SWT.END) {
                userScrolled.run();
            }
        });
        sessionChanged(context.session().orElse(null));
    }

    // ---- ViewPart ----

    @Override
    public void refresh() {
        long start = System.nanoTime();
        if (intake != null) {
            int n = store.sync();
            drained += n;
            int removed = store.takeRemovedAtFront();
            if (n > 0 || removed > 0 || ui.table.getItemCount() < store.shownCount()) {
                showNewRows(removed);
            }
        }
        updateCounts();
        long took = System.nanoTime() - start;
        if (timings != null) {
            timings.add(took);
        }
        refreshes++;
        longestRefreshNanos = Math.max(longestRefreshNanos, took);
    }

    @Override
    public void sessionChanged(WorkbenchSession newSession) {
        frames.close();
        messages.close();
        frames = () -> { };
        messages = () -> { };
        session = newSession;
        intake = null;
        store.clear();
        counts.restartSkipped(null);
        restartTable();
        if (session != null) {
            intake = new FrameIntake(store);
            intake.paused(ui.pause.getSelection());
            // messages first: on the transport thread the session decodes a frame before the view sees it
            messages = session.bms().onMessage(intake);
            frames = session.connection().subscribe(intake);
        }
        updateCounts();
    }

    @Override
    public void dispose() {
        frames.close();
        messages.close();
    }

    // ---- the table ----

    private void fill(Event e) {
        TableItem item = (TableItem) e.item;
        int index = e.index;
        if (tableFirst + index >= store.shownCount()) {
            return;
        }
        filled.set(index);
        FrameRow r = store.shownRow(tableFirst + index);
        if (r == null) {
            return; // overwritten since the last refresh (a bus far faster than the display): filled at the next
        }
        item.setText(text.cells(r));
        item.setForeground(r.frame.error() ? ui.error : r.frame.direction() == Direction.TX ? ui.tx : null);
    }

    /**
     * Brings the table to the store. The table shows the newest of the rows the filter shows: row
     * {@code i} is shown row {@link #tableFirst} {@code + i}; it grows by at most
     * {@link #MAX_TABLE_GROWTH} rows a refresh while the buffer fills (GTK pays tens of µs a row).
     * When a few rows left at the front (a bus the table keeps up with) GTK removes them, and the
     * rows after them keep their text, selection and, without auto-scroll, position. When more left
     * (a bus faster than the display: removing them and appending as many would cost half a second
     * a refresh) or the table is still catching up, every row now shows a frame further on: the
     * table keeps its rows, forgets the text of those it had asked for (a screen or two; it asks
     * again for those it shows), and moves the selection and, without auto-scroll, the view with
     * their frames — a cost that does not follow the bus.
     */
    private void showNewRows(int removedAtFront) {
        int current = ui.table.getItemCount();
        int removed = removedAtFront;
        if (removed > 0 && tableFirst == 0 && removed < current && removed <= MAX_TABLE_GROWTH) {
            int top = ui.table.getTopIndex();
            ui.table.remove(0, removed - 1);
            filled = filled.get(Math.min(removed, filled.length()), Math.max(removed, filled.length()));
            current -= removed;
            if (!autoScroll) {
                ui.table.setTopIndex(Math.max(0, top - removed));
            }
            removed = 0;
        }
        int shown = store.shownCount();
        int next = current >= shown ? shown : Math.min(shown, current + MAX_TABLE_GROWTH);
        int first = shown - next;
        int shift = first - (tableFirst - removed);
        int count = current;
        tableFirst = first;
        int top = ui.table.getTopIndex();
        int[] selected = shift != 0 && count > 0 ? ui.table.getSelectionIndices() : new int[0];
        if (next != current) {
            ui.table.setItemCount(next);
        }
        if (shift != 0 && count > 0) {
            forgetFilledRows(); // every row now shows another frame
            if (selected.length > 0) {
                ui.table.deselectAll();
                int[] moved = java.util.Arrays.stream(selected).map(i -> i - shift).filter(i -> i >= 0 && i < next).toArray();
                if (moved.length > 0) {
                    ui.table.select(moved);
                }
            }
            if (!autoScroll) {
                ui.table.setTopIndex(Math.max(0, top - shift));
            }
        } else {
            forgetRowsOffScreen(top, top + ui.visibleRows() + 1);
        }
        if (autoScroll) {
            scrollToEnd();
        }
    }

    /**
     * Forgets the text of at most {@link #FORGET_PER_REFRESH} rows asked for that are off screen,
     * so that the rows to forget when every row moves stay a screen or two.
     */
    private void forgetRowsOffScreen(int from, int to) {
        int count = ui.table.getItemCount();
        int n = 0;
        for (int i = filled.nextSetBit(0); i >= 0 && n < FORGET_PER_REFRESH; i = filled.nextSetBit(i + 1)) {
            if (i >= count) {
                filled.clear(i, filled.length());
                break;
            }
            if (i < from || i > to) {
                ui.table.clear(i);
                filled.clear(i);
                n++;
            }
        }
    }

    /** Forgets the text of the rows the table asked for. */
    private void forgetFilledRows() {
        int count = ui.table.getItemCount();
        for (int i = filled.nextSetBit(0); i >= 0 && i < count; i = filled.nextSetBit(i + 1)) {
            ui.table.clear(i);
        }
        filled.clear();
    }

    private void scrollToEnd() {
        int count = ui.table.getItemCount();
        if (count > 0) {
            ui.table.setTopIndex(Math.max(0, count - ui.visibleRows()));
        }
    }

    private void userScrolled() {
        if (ui.table.isDisposed()) {
            return;
        }
        int count = ui.table.getItemCount();
        boolean atEnd = ui.table.getTopIndex() + ui.visibleRows() >= count - 1;
        if (atEnd != autoScroll) {
            autoScroll = atEnd;
            ui.autoScroll.setSelection(atEnd);
        }
    }

    private void updateCounts() {
        counts.show(store, intake);
    }

    // ---- actions ----

    private void applyFilter() {
        FrameFilter f;
        try {
            f = FrameFilter.parse(ui.filter.getText());
        } catch (IllegalArgumentException e) {
            ui.problem(e.getMessage());
            return;
        }
        ui.problem(null);
        store.filter(f);
        restartTable();
        autoScroll = true;
        ui.autoScroll.setSelection(true);
        scrollToEnd();
        updateCounts();
    }

    private void pause(boolean p) {
        if (intake != null) {
            intake.paused(p);
        }
        ui.pause.setSelection(p);
        ui.pause.setText(p ? "Resume" : "Pause");
        ui.root.layout(true, true);
    }

    private void clear() {
        store.clear();
        counts.restartSkipped(intake);
        restartTable();
        updateCounts();
    }

    /** Empties the table at once (GTK drops its rows in one go) and refills it with the store's newest rows. */
    private void restartTable() {
        ui.table.removeAll();
        filled.clear();
        int count = Math.min(store.shownCount(), MAX_TABLE_GROWTH);
        tableFirst = store.shownCount() - count;
        ui.table.setItemCount(count);
    }

    /** The selected rows' frames, in table order. */
    List<CanFrame> selectedFrames() {
        int[] indices = ui.table.getSelectionIndices();
        java.util.Arrays.sort(indices);
        List<CanFrame> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            FrameRow r = tableFirst + i < store.shownCount() ? store.shownRow(tableFirst + i) : null;
            if (r != null) {
                out.add(r.frame);
            }
        }
        return out;
    }

    private void copySelection() {
        CandumpCopy.copy(selectedFrames(), ui.table.getDisplay(), context);
    }

    private void filterSelectedId() {
        List<CanFrame> selected = selectedFrames();
        if (!selected.isEmpty()) {
            ui.filter.setText("0x" + selected.get(0).idHex());
            applyFilter();
        }
    }

    // ---- for tests ----

    FramesControls controls() {
        return ui;
    }

    FrameStore store() {
        return store;
    }

    FrameIntake intake() {
        return intake;
    }

    boolean autoScroll() {
        return autoScroll;
    }

    long refreshes() {
        return refreshes;
    }

    long longestRefreshNanos() {
        return longestRefreshNanos;
    }

    long drained() {
        return drained;
    }
}
