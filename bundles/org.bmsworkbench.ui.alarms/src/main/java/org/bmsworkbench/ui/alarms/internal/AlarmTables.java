package org.bmsworkbench.ui.alarms.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.bmsworkbench.bms.AlarmRecord;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The two tables of the view and how their rows read. Rows are reused: a text or colour is
 * set only when it changed, and the selection follows its key, so refreshing does not flicker
 * or lose the user's place. UI thread only.
 */
final class AlarmTables {

    static final int ACTIVE_SEVERITY = 0, ACTIVE_CONDITION = 1, ACTIVE_SINCE = 2, ACTIVE_EXPLANATION = 3;
    static final int HISTORY_CONDITION = 0, HISTORY_STATE = 1, HISTORY_FIRST = 2, HISTORY_LAST = 3, HISTORY_CLEARED = 4,
            HISTORY_COUNT = 5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    final Color alarmBackground = new Color(253, 231, 231);
    final Color alarmText = new Color(150, 27, 27);
    final Color warningBackground = new Color(255, 244, 214);
    final Color warningText = new Color(122, 82, 0);
    private final ZoneId zone;

    AlarmTables(ZoneId zone) {
        this.zone = zone;
    }

    static Table table(Composite parent, String[] titles, int[] widths, int[] aligns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(t, aligns[i]);
            c.setText(titles[i]);
            c.setWidth(widths[i]);
        }
        return t;
    }

    /** Fills the active table: severity, condition, since when, what it means. */
    void fillActive(Table table, List<AlarmRows.Row> rows, long now) {
        String selected = selectedKey(table);
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AlarmRows.Row r = rows.get(i);
            TableItem item = table.getItem(i);
            item.setData(r.key());
            set(item, ACTIVE_SEVERITY, r.severity().label);
            set(item, ACTIVE_CONDITION, r.label());
            set(item, ACTIVE_SINCE, when(r.record().lastRaisedMicros(), now) + ago(r.record().lastRaisedMicros(), now));
            set(item, ACTIVE_EXPLANATION, AlarmExplanations.of(r.key()).meaning());
            colour(item, r.severity());
        }
        reselect(table, selected);
    }

    /** Fills the history: condition, state now, first raised, last raised, last cleared, times raised. */
    void fillHistory(Table table, List<AlarmRows.Row> rows, long now) {
        String selected = selectedKey(table);
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AlarmRows.Row r = rows.get(i);
            AlarmRecord rec = r.record();
            TableItem item = table.getItem(i);
            item.setData(r.key());
            set(item, HISTORY_CONDITION, r.label());
            set(item, HISTORY_STATE, rec.active() ? "active" : switch (rec.state()) {
                case CLEARED -> "cleared";
                default -> "not reported";
            });
            set(item, HISTORY_FIRST, when(rec.firstRaisedMicros(), now));
            set(item, HISTORY_LAST, when(rec.lastRaisedMicros(), now));
            set(item, HISTORY_CLEARED, when(rec.lastClearedMicros(), now));
            set(item, HISTORY_COUNT, Long.toString(rec.raiseCount()));
            if (rec.active()) {
                colour(item, r.severity());
            } else {
                plain(item);
            }
        }
        reselect(table, selected);
    }

    /**
     * What to check for the active conditions, one line each, wrapped by the label showing it
     * (a table cell would cut it off). A warning adds nothing when its alarm is active too.
     */
    static String checks(List<AlarmRows.Row> rows) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (AlarmRows.Row r : rows) {
            String name = r.key().substring(r.key().indexOf('.') + 1);
            if (done.add(name)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(r.label()).append(" — check ").append(AlarmExplanations.of(r.key()).check());
            }
        }
        return out.toString();
    }

    private void colour(TableItem item, AlarmRows.Severity s) {
        boolean alarm = s != AlarmRows.Severity.WARNING;
        Color bg = alarm ? alarmBackground : warningBackground;
        Color fg = alarm ? alarmText : warningText;
        if (item.getBackground() != bg) {
            item.setBackground(bg);
            item.setForeground(fg);
        }
    }

    private static void plain(TableItem item) {
        item.setBackground(null);
        item.setForeground(null);
    }

    private static void set(TableItem item, int column, String text) {
        if (!text.equals(item.getText(column))) {
            item.setText(column, text);
        }
    }

    private static String selectedKey(Table table) {
        int i = table.getSelectionIndex();
        return i < 0 ? null : (String) table.getItem(i).getData();
    }

    private static void reselect(Table table, String key) {
        if (key == null) {
            return;
        }
        for (int i = 0; i < table.getItemCount(); i++) {
            if (key.equals(table.getItem(i).getData())) {
                if (table.getSelectionIndex() != i) {
                    table.setSelection(i);
                }
                return;
            }
        }
        table.deselectAll();
    }

    /** "14:03:12" today, "2025-10-08 14:03:12" another day, "—" never. */
    String when(Long micros, long now) {
        if (micros == null) {
            return "—";
        }
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000)).atZone(zone);
        LocalDate today = Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000)).atZone(zone).toLocalDate();
        return t.toLocalDate().equals(today) ? TIME.format(t) : DATE_TIME.format(t);
    }

    /** " (12 s ago)", " (4 min ago)", " (3 h ago)". */
    static String ago(Long micros, long now) {
        if (micros == null) {
            return "";
        }
        long s = Math.max(0, (now - micros) / 1_000_000);
        if (s < 60) {
            return " (" + s + " s ago)";
        }
        if (s < 3600) {
            return " (" + s / 60 + " min ago)";
        }
        if (s < 172_800) {
            return " (" + s / 3600 + " h ago)";
        }
        return " (" + s / 86_400 + " days ago)";
    }

    void dispose() {
        alarmBackground.dispose();
        alarmText.dispose();
        warningBackground.dispose();
        warningText.dispose();
    }
}
