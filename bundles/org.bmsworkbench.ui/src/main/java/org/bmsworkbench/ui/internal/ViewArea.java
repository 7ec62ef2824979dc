package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.internal.ViewCatalog.ViewEntry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The view tabs: two tab folders side by side in a sash; the right one shows only while the
 * view is split. Each installed view has one tab; {@link #sync} opens tabs for views that arrived
 * and disposes those whose service left. Which side a view sits on, the tab order, the selection,
 * the split and its weights are remembered in the {@link WorkbenchPreferences}.
 */
final class ViewArea {
    static final String LEFT = "left";
    static final String RIGHT = "right";

    private final SashForm sash;
    private final CTabFolder left;
    private final CTabFolder right;
    private final WorkbenchContext context;
    private final WorkbenchPreferences prefs;
    private final BiConsumer<String, Throwable> problems;
    private final Map<String, OpenTab> tabs = new LinkedHashMap<>();
    /** Per view id: refreshes, total and longest nanoseconds, since {@link #resetRefreshTimes()}. */
    private final Map<String, long[]> refreshTimes = new LinkedHashMap<>();
    private WorkbenchSession session;
    /** The views of the right side while the split is closed; empty while split. */
    private List<String> parkedRight;

    /** One open view: its service entry, tab, the composite it draws in, and its part (null if createPart failed). */
    private record OpenTab(ViewEntry entry, CTabItem item, Composite holder, ViewPart part) {
    }

    ViewArea(Composite parent, WorkbenchContext context, WorkbenchPreferences prefs, BiConsumer<String, Throwable> problems) {
        this.context = context;
        this.prefs = prefs;
        this.problems = problems;
        sash = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        sash.setSashWidth(6);
        left = folder(LEFT);
        right = folder(RIGHT);
        int[] weights = prefs.ints("split.weights");
        sash.setWeights(weights.length == 2 && weights[0] > 0 && weights[1] > 0 ? weights : new int[] {55, 45});
        boolean split = prefs.bool("split", false);
        parkedRight = split ? List.of() : prefs.list("tabs." + RIGHT);
        sash.setMaximizedControl(split ? null : left);
    }

    private CTabFolder folder(String side) {
        CTabFolder f = new CTabFolder(sash, SWT.BORDER | SWT.FLAT);
        f.setData("name", "tabs." + side);
        f.setTabHeight(Math.max(f.getTabHeight(), 28));
        f.setSelectionBackground(f.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        f.addListener(SWT.Selection, e -> refreshVisible());
        return f;
    }

    SashForm control() {
        return sash;
    }

    boolean isSplit() {
        return sash.getMaximizedControl() == null;
    }

    void setSplit(boolean split) {
        if (split == isSplit() && parkedRight != null) {
            return;
        }
        if (split) {
            sash.setMaximizedControl(null);
            // the views that were on the right before the split was closed go back there
            List<String> back = parkedRight == null ? List.of() : parkedRight;
            for (CTabItem item : left.getItems().clone()) {
                if (back.contains((String) item.getData("view.id"))) {
                    move(item, right);
                }
            }
            parkedRight = List.of();
        } else {
            // while not split every view shows on the left; the right side's are remembered
            parkedRight = ids(RIGHT);
            for (CTabItem item : right.getItems().clone()) {
                move(item, left);
            }
            sash.setMaximizedControl(left);
        }
        refreshVisible();
    }

    /** Opens tabs for views that arrived, closes those whose service left. UI thread. */
    void sync(List<ViewEntry> installed) {
        for (OpenTab t : new ArrayList<>(tabs.values())) {
            if (installed.stream().noneMatch(e -> e.view() == t.entry().view())) {
                close(t);
            }
        }
        for (ViewEntry e : installed) {
            if (!tabs.containsKey(e.id())) {
                open(e, installed);
            }
        }
        if (left.getSelection() == null && left.getItemCount() > 0) {
            left.setSelection(0);
        }
        if (right.getSelection() == null && right.getItemCount() > 0) {
            right.setSelection(0);
        }
    }

    private void open(ViewEntry e, List<ViewEntry> installed) {
        CTabFolder folder = isSplit() && RIGHT.equals(sideOf(e.id())) ? right : left;
        int index = insertionIndex(folder, e, installed);
        CTabItem item = new CTabItem(folder, SWT.NONE, index);
        item.setText(e.label());
        item.setData("view.id", e.id());
        Composite holder = new Composite(folder, SWT.NONE);
        holder.setLayout(new FillLayout());
        item.setControl(holder);
        ViewPart part = null;
        try {
            part = e.view().createPart(holder, context);
            if (part != null && session != null) {
                part.sessionChanged(session);
            }
        } catch (RuntimeException | LinkageError ex) {
            problems.accept("view " + e.id() + " could not open", ex);
            for (org.eclipse.swt.widgets.Control c : holder.getChildren()) {
                c.dispose();
            }
            holder.setLayout(new GridLayout());
            new Label(holder, SWT.WRAP).setText("The view '" + e.label() + "' could not open: " + ex);
            part = null;
        }
        holder.layout(true, true);
        tabs.put(e.id(), new OpenTab(e, item, holder, part));
        String selected = prefs.get("tabs." + (folder == left ? LEFT : RIGHT) + ".selected", null);
        if (e.id().equals(selected)) {
            folder.setSelection(item);
        }
    }

    /** Remembered position first, then view.order among the views that are not remembered. */
    private int insertionIndex(CTabFolder folder, ViewEntry e, List<ViewEntry> installed) {
        List<String> remembered = new ArrayList<>(prefs.list("tabs." + LEFT));
        remembered.addAll(prefs.list("tabs." + RIGHT));
        int rank = rank(e, remembered, installed);
        int index = 0;
        for (CTabItem item : folder.getItems()) {
            OpenTab other = tabs.get((String) item.getData("view.id"));
            if (other != null && rank(other.entry(), remembered, installed) < rank) {
                index++;
            }
        }
        return index;
    }

    private static int rank(ViewEntry e, List<String> remembered, List<ViewEntry> installed) {
        int r = remembered.indexOf(e.id());
        return r >= 0 ? r : 10_000 + Math.max(0, installed.indexOf(e));
    }

    private String sideOf(String id) {
        return prefs.list("tabs." + RIGHT).contains(id) ? RIGHT : LEFT;
    }

    /** True when the view's tab sits on the right side. */
    boolean isOnRight(String viewId) {
        return ids(RIGHT).contains(viewId);
    }

    private void close(OpenTab t) {
        tabs.remove(t.entry().id());
        if (t.part() != null) {
            try {
                t.part().dispose();
            } catch (RuntimeException | LinkageError ex) {
                problems.accept("view " + t.entry().id() + " failed to close", ex);
            }
        }
        t.holder().dispose();
        t.item().dispose();
    }

    /** Moves the selected tab of the focused side to the other side, splitting the view if needed. */
    void moveSelectedToOtherSide() {
        CTabFolder from = right.getSelection() != null && isSplit() && right.isFocusControl() ? right : left;
        CTabItem item = from.getSelection();
        if (item == null) {
            return;
        }
        if (!isSplit()) {
            sash.setMaximizedControl(null);
        }
        move(item, from == left ? right : left);
        refreshVisible();
    }

    private void move(CTabItem item, CTabFolder to) {
        String id = (String) item.getData("view.id");
        OpenTab t = tabs.get(id);
        if (t == null) {
            return;
        }
        CTabItem moved = new CTabItem(to, SWT.NONE);
        moved.setText(item.getText());
        moved.setData("view.id", id);
        t.holder().setParent(to);
        item.setControl(null);
        item.dispose();
        moved.setControl(t.holder());
        to.setSelection(moved);
        tabs.put(id, new OpenTab(t.entry(), moved, t.holder(), t.part()));
    }

    /** Selects the tab of a view; false when no such view is open. */
    boolean show(String viewId) {
        OpenTab t = tabs.get(viewId);
        if (t == null) {
            return false;
        }
        t.item().getParent().setSelection(t.item());
        refreshVisible();
        return true;
    }

    void sessionChanged(WorkbenchSession newSession) {
        session = newSession;
        for (OpenTab t : tabs.values()) {
            if (t.part() != null) {
                try {
                    t.part().sessionChanged(newSession);
                } catch (RuntimeException | LinkageError ex) {
                    problems.accept("view " + t.entry().id() + " failed on a session change", ex);
                }
            }
        }
    }

    /** Calls refresh() on the parts whose tab is showing. Called by the window's one timer. */
    void refreshVisible() {
        refresh(left.getSelection());
        if (isSplit()) {
            refresh(right.getSelection());
        }
    }

    private void refresh(CTabItem item) {
        if (item == null || item.isDisposed()) {
            return;
        }
        OpenTab t = tabs.get((String) item.getData("view.id"));
        if (t != null && t.part() != null) {
            long start = System.nanoTime();
            try {
                t.part().refresh();
            } catch (RuntimeException | LinkageError ex) {
                problems.accept("view " + t.entry().id() + " failed to refresh", ex);
            }
            long took = System.nanoTime() - start;
            long[] times = refreshTimes.computeIfAbsent(t.entry().id(), id -> new long[3]);
            times[0]++;
            times[1] += took;
            times[2] = Math.max(times[2], took);
        }
    }

    /**
     * How long each view's {@code refresh()} took since the last reset, slowest first: view id to
     * {refreshes, total ns, longest ns}. For {@code bmswb gui --responsiveness}.
     */
    Map<String, long[]> refreshTimes() {
        Map<String, long[]> sorted = new LinkedHashMap<>();
        refreshTimes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[2], a.getValue()[2]))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().clone()));
        return sorted;
    }

    void resetRefreshTimes() {
        refreshTimes.clear();
    }

    /** The view ids per side, in tab order. */
    List<String> ids(String side) {
        List<String> ids = new ArrayList<>();
        for (CTabItem item : (LEFT.equals(side) ? left : right).getItems()) {
            ids.add((String) item.getData("view.id"));
        }
        return ids;
    }

    String selected(String side) {
        CTabItem item = (LEFT.equals(side) ? left : right).getSelection();
        return item == null ? null : (String) item.getData("view.id");
    }

    /** Writes the layout into the preferences (the caller saves them). */
    void remember() {
        // views not installed this time keep their remembered place
        for (String side : List.of(LEFT, RIGHT)) {
            List<String> ids = new ArrayList<>(ids(side));
            for (String old : prefs.list("tabs." + side)) {
                if (!tabs.containsKey(old) && !ids.contains(old)) {
                    ids.add(old);
                }
            }
            if (RIGHT.equals(side) && !isSplit()) {
                ids = new ArrayList<>(parkedRight);
            }
            prefs.putList("tabs." + side, ids);
            prefs.put("tabs." + side + ".selected", selected(side));
        }
        prefs.put("split", Boolean.toString(isSplit()));
        prefs.putInts("split.weights", sash.getWeights());
    }

    /** Closes every tab (the window is closing). */
    void dispose() {
        for (OpenTab t : new ArrayList<>(tabs.values())) {
            close(t);
        }
    }

    int openCount() {
        return tabs.size();
    }
}
