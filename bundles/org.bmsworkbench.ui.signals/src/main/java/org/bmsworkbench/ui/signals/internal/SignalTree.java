package org.bmsworkbench.ui.signals.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.bmsworkbench.bms.Sample;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The table of signals: one row per model key under its group, with a check box to plot it.
 * Rows are created once and then updated in place (a text is set only when it changed), so
 * selection, check boxes, expansion and scrolling survive every refresh without flicker.
 * UI thread only.
 */
final class SignalTree {

    static final int COL_SIGNAL = 0;
    static final int COL_VALUE = 1;
    static final int COL_AGE = 2;
    static final int COL_KEY = 3;
    private static final String GROUP_PREFIX = "group:";

    private static final class Row {
        final SignalDescriptor descriptor;
        final TreeItem item;
        Object value = new Object();
        long time = Long.MIN_VALUE;
        boolean stale;

        Row(SignalDescriptor descriptor, TreeItem item) {
            this.descriptor = descriptor;
            this.item = item;
        }
    }

    private final Tree tree;
    private final SignalCatalogue catalogue;
    private final Freshness freshness = new Freshness();
    private final Map<String, TreeItem> groups = new HashMap<>();
    private final Map<String, Row> rows = new HashMap<>();
    private final Color stale;
    private final Font bold;
    private final int[] fitted = new int[4];
    private boolean userSized;

    SignalTree(Composite parent, SignalCatalogue catalogue) {
        this.catalogue = catalogue;
        tree = new Tree(parent, SWT.CHECK | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        column("Signal", 270, SWT.LEFT);
        column("Value", 290, SWT.LEFT);
        column("Age", 105, SWT.RIGHT);
        column("Key", 200, SWT.LEFT);
        stale = new Color(140, 140, 140);
        FontData[] fd = tree.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(tree.getDisplay(), fd);
        tree.addListener(SWT.MouseHover, e -> {
            TreeItem item = tree.getItem(new Point(e.x, e.y));
            Row row = item == null ? null : rows.get(String.valueOf(item.getData()));
            if (row == null) {
                tree.setToolTipText(null);
                return;
            }
            String value = item.getText(COL_VALUE);
            // a long value (the flags) may be cut off by the column: the tooltip shows it whole
            tree.setToolTipText(row.descriptor.description() + (value.length() > 40 ? "\n\n" + value : ""));
        });
        tree.addListener(SWT.Resize, e -> fitColumns());
        tree.addDisposeListener(e -> {
            stale.dispose();
            bold.dispose();
        });
    }

    private void column(String text, int width, int align) {
        TreeColumn c = new TreeColumn(tree, align);
        c.setText(text);
        c.setWidth(width);
        c.setMoveable(true);
        int index = tree.getColumnCount() - 1;
        // a column the user sized (a width other than the one fitted) is left as it is
        c.addListener(SWT.Resize, e -> userSized |= fitted[index] != 0 && c.getWidth() != fitted[index]);
    }

    /**
     * Fits the columns to the tree's width: the signal names, the age and the keys as wide as
     * their longest text (within limits), the value the rest. Until the user sizes a column.
     */
    void fitColumns() {
        int available = tree.getClientArea().width;
        if (userSized || available <= 0) {
            return;
        }
        GC gc = new GC(tree);
        int signal = 0;
        int key = 0;
        try {
            for (Row r : rows.values()) {
                signal = Math.max(signal, gc.textExtent(r.descriptor.label()).x);
                key = Math.max(key, gc.textExtent(r.descriptor.key()).x);
            }
            for (TreeItem g : groups.values()) {
                signal = Math.max(signal, gc.stringExtent(g.getText(COL_SIGNAL)).x + 10); // bold, a little wider
            }
            int age = gc.textExtent("59 min · stale").x;
            int[] w = widths(available, signal + 70, age + 16, key + 16, gc.textExtent("Value").x + 16);
            for (int i = 0; i < w.length; i++) {
                fitted[i] = w[i];
                if (tree.getColumn(i).getWidth() != w[i]) {
                    tree.getColumn(i).setWidth(w[i]);
                }
            }
        } finally {
            gc.dispose();
        }
    }

    /**
     * Column widths for the available width: signal (with room for the tree's indent and check
     * box), value, age, key. The value gets what the others leave, at least a fifth; when short of
     * room, the key and then the signal give way, down to 120 pixels each.
     */
    static int[] widths(int available, int signal, int age, int key, int valueMin) {
        int minValue = Math.max(valueMin, available / 5);
        signal = Math.max(120, Math.min(signal, 360));
        key = Math.max(100, Math.min(key, 280));
        int value = available - signal - age - key;
        if (value < minValue) {
            int cut = Math.min(minValue - value, key - 100);
            key -= cut;
            value += cut;
        }
        if (value < minValue) {
            int cut = Math.min(minValue - value, signal - 120);
            signal -= cut;
            value += cut;
        }
        return new int[] {signal, Math.max(value, 60), age, key};
    }

    Tree control() {
        return tree;
    }

    /** Forgets every row (another session). */
    void clear() {
        tree.removeAll();
        groups.clear();
        rows.clear();
        freshness.clear();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Brings the rows up to date: adds rows for new keys, sets values, ages and staleness.
     *
     * @param now     the time ages are measured from, µs since the epoch
     * @param profile the device profile for codes' meanings, or null
     * @param history a key's history, to learn the interval of a numeric key when it first appears
     */
    void update(Map<String, SignalValue> values, long now, DeviceProfile profile, Function<String, List<Sample>> history) {
        boolean adding = false;
        TreeItem top = null;
        for (SignalValue v : values.values()) {
            Row row = rows.get(v.key());
            if (row == null) {
                if (!adding) {
                    adding = true;
                    top = rows.isEmpty() ? null : tree.getTopItem();
                    tree.setRedraw(false);
                }
                row = addRow(v);
                if (row.descriptor.kind() == SignalKind.NUMBER) {
                    freshness.seed(v.key(), history.apply(v.key()));
                }
            }
            show(row, v, now, profile);
        }
        if (adding) {
            updateGroupTitles(values);
            fitColumns();
            if (top != null && !top.isDisposed()) {
                tree.setTopItem(top);
            }
            tree.setRedraw(true);
        } else {
            updateGroupTitles(values);
        }
    }

    private void show(Row row, SignalValue v, long now, DeviceProfile profile) {
        freshness.observe(v.key(), v.timeMicros());
        if (!Objects.equals(row.value, v.value()) || row.time == Long.MIN_VALUE) {
            row.value = v.value();
            set(row.item, COL_VALUE, ValueText.of(row.descriptor, v.value(), profile));
        }
        row.time = v.timeMicros();
        long age = now - v.timeMicros();
        boolean isStale = freshness.isStale(v.key(), age);
        set(row.item, COL_AGE, Freshness.age(age) + (isStale ? " · stale" : ""));
        if (isStale != row.stale) {
            row.stale = isStale;
            row.item.setForeground(isStale ? stale : null);
        }
    }

    private static void set(TreeItem item, int column, String text) {
        if (!text.equals(item.getText(column))) {
            item.setText(column, text);
        }
    }

    private Row addRow(SignalValue v) {
        SignalDescriptor d = catalogue.describe(v.key(), v.value());
        TreeItem group = group(d.group());
        int index = 0;
        for (TreeItem sibling : group.getItems()) {
            if (SignalCatalogue.compareKeys(String.valueOf(sibling.getData()), v.key()) < 0) {
                index++;
            }
        }
        TreeItem item = new TreeItem(group, SWT.NONE, index);
        item.setData(v.key());
        item.setText(COL_SIGNAL, d.label());
        item.setText(COL_KEY, d.key());
        if (!group.getExpanded() && !isCollapsedGroup(d.group())) {
            group.setExpanded(true);
        }
        Row row = new Row(d, item);
        rows.put(v.key(), row);
        return row;
    }

    /** Alarms and warnings have their own view: their groups start collapsed. */
    private static boolean isCollapsedGroup(String group) {
        return group.equals("alarms") || group.equals("warnings");
    }

    private TreeItem group(String id) {
        TreeItem g = groups.get(id);
        if (g != null) {
            return g;
        }
        int rank = SignalCatalogue.groupRank(id);
        int index = 0;
        for (TreeItem other : tree.getItems()) {
            String otherId = String.valueOf(other.getData()).substring(GROUP_PREFIX.length());
            int r = SignalCatalogue.groupRank(otherId);
            if (r < rank || r == rank && otherId.compareTo(id) < 0) {
                index++;
            }
        }
        g = new TreeItem(tree, SWT.NONE, index);
        g.setData(GROUP_PREFIX + id);
        g.setText(COL_SIGNAL, SignalCatalogue.groupLabel(id));
        g.setFont(bold);
        groups.put(id, g);
        return g;
    }

    private void updateGroupTitles(Map<String, SignalValue> values) {
        for (Map.Entry<String, TreeItem> e : groups.entrySet()) {
            String id = e.getKey();
            String title = SignalCatalogue.groupLabel(id);
            if (id.equals("alarms") || id.equals("warnings")) {
                String prefix = id.equals("alarms") ? "alarm." : "warning.";
                long raised = values.values().stream()
                        .filter(v -> v.key().startsWith(prefix) && "raised".equals(v.value())).count();
                set(e.getValue(), COL_VALUE, raised == 0 ? "none raised" : raised + " raised");
            }
            set(e.getValue(), COL_SIGNAL, title);
        }
    }

    /** True for a group's row (its check box plots nothing). */
    static boolean isGroup(TreeItem item) {
        return String.valueOf(item.getData()).startsWith(GROUP_PREFIX);
    }

    SignalDescriptor descriptor(TreeItem item) {
        Row row = rows.get(String.valueOf(item.getData()));
        return row == null ? null : row.descriptor;
    }

    /** The row of {@code key}, or null. */
    TreeItem item(String key) {
        Row row = rows.get(key);
        return row == null ? null : row.item;
    }

    boolean isStale(String key) {
        Row row = rows.get(key);
        return row != null && row.stale;
    }

    /** Group ids in the order shown. */
    List<String> groupOrder() {
        return java.util.Arrays.stream(tree.getItems())
                .map(i -> String.valueOf(i.getData()).substring(GROUP_PREFIX.length())).toList();
    }
}
