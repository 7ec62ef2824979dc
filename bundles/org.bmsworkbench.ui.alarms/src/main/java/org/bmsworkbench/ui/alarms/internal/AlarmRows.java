package org.bmsworkbench.ui.alarms.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;

/** The rows of the two tables, from the model's alarm records: what is active, what happened. */
final class AlarmRows {

    /**
     * How serious a key is: alarms, the protections a cell-level BMS has tripped (each has opened a
     * MOSFET), the preventive shutdown, warnings (the 0x35A ones and the boolean pre-alarms of
     * cell-level makes alike).
     */
    enum Severity {
        ALARM("Alarm"), PROTECTION("Protection"), EVENT("Shutdown"), WARNING("Warning");

        final String label;

        Severity(String label) {
            this.label = label;
        }

        static Severity of(String key) {
            return key.startsWith("alarm.") ? ALARM : key.startsWith("protection.") ? PROTECTION
                    : key.startsWith("event.") ? EVENT : WARNING;
        }
    }

    /** One alarm, warning or event and what is known of it. */
    record Row(String key, Severity severity, String label, AlarmRecord record) {
    }

    private static final List<String> ORDER = StandardSignals.all().stream().map(SignalDescriptor::key).toList();

    private AlarmRows() {
    }

    static String label(String key) {
        return StandardSignals.find(key).map(SignalDescriptor::label).orElse(key);
    }

    /** Raised now: alarms, then the preventive shutdown, then warnings; each in catalogue order. */
    static List<Row> active(Map<String, AlarmRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (AlarmRecord r : records.values()) {
            if (r.active()) {
                rows.add(new Row(r.key(), Severity.of(r.key()), label(r.key()), r));
            }
        }
        rows.sort(Comparator.comparing(Row::severity).thenComparing(r -> rank(r.key())));
        return rows;
    }

    /** Everything raised at least once this session, the most recently raised first. */
    static List<Row> history(Map<String, AlarmRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (AlarmRecord r : records.values()) {
            if (r.raiseCount() > 0) {
                rows.add(new Row(r.key(), Severity.of(r.key()), label(r.key()), r));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.record().lastRaisedMicros(), Comparator.reverseOrder())
                .thenComparing(Row::severity).thenComparing(r -> rank(r.key())));
        return rows;
    }

    private static int rank(String key) {
        int i = ORDER.indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
