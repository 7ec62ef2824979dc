package org.bmsworkbench.service.unlock.internal.report;

import static org.bmsworkbench.service.unlock.internal.report.ReportPage.list;
import static org.bmsworkbench.service.unlock.internal.report.ReportPage.map;
import static org.bmsworkbench.service.unlock.internal.report.ReportPage.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The report's error and alarm history: the errors 1–4 with their times (the BMS's own clock),
 * each alarm's and warning's first and last raise and last clearing (when the workbench saw them),
 * and the snapshot itself, oldest first; an event without a time comes last.
 */
final class Timeline {
    /** One event of the timeline. */
    record Event(Instant time, String kind, String text) {
    }

    private final Map<String, Object> doc;

    /** @param doc the snapshot document (the maps of {@code snapshot.json}) */
    Timeline(Map<String, Object> doc) {
        this.doc = doc;
    }

    /** The errors 1–4 with their times, each alarm's and warning's first and last raise and last clearing, the snapshot. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        Map<String, Object> d = map(doc.get("diagnosis"));
        for (Object o : list(d.get("last_errors"))) {
            Map<String, Object> e = map(o);
            String text = "Error " + str(e.get("code"), "?") + ": " + str(e.get("label"), "") + " (last error "
                    + str(e.get("position"), "?") + " of the BMS"
                    + (Boolean.TRUE.equals(e.get("safety_lock_code")) ? "; a Safety lock code)" : ")");
            events.add(new Event(Html.parse(e.get("time")), "error", text));
        }
        for (Map.Entry<String, Object> a : map(doc.get("alarms")).entrySet()) {
            Map<String, Object> r = map(a.getValue());
            String name = alarmName(a.getKey());
            String kind = a.getKey().startsWith("warning.") ? "warning" : "alarm";
            Instant first = Html.parse(r.get("first_raised"));
            Instant last = Html.parse(r.get("last_raised"));
            if (first != null) {
                events.add(new Event(first, kind, name + " raised" + (first.equals(last) ? "" : " (first time)")));
            }
            if (last != null && !last.equals(first)) {
                events.add(new Event(last, kind, name + " raised (last time; " + str(r.get("raise_count"), "?")
                        + " times in all)"));
            }
            Instant cleared = Html.parse(r.get("last_cleared"));
            if (cleared != null) {
                events.add(new Event(cleared, "cleared", name + " cleared"));
            }
        }
        Instant created = Html.parse(doc.get("created"));
        if (created != null) {
            events.add(new Event(created, "snapshot", "Snapshot taken: "
                    + ReportPage.verdict(str(d.get("status"), "UNKNOWN"))));
        }
        events.sort(Comparator.comparing(Event::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return events;
    }

    static String alarmName(String key) {
        String kind = key.startsWith("warning.") ? "Warning" : key.startsWith("alarm.") ? "Alarm" : "";
        String name = key.substring(key.indexOf('.') + 1).replace('_', ' ');
        return kind.isEmpty() ? key : kind + " " + name;
    }

    /** The section, every text escaped. */
    void appendTo(StringBuilder b) {
        b.append("<section id=\"timeline\">\n<h2>Error and alarm history</h2>\n");
        b.append("<p class=\"note\">Oldest first. Error times are the BMS's own clock (VREG 0x2111–0x2114); alarm"
                + " times are when the workbench saw them on the bus.</p>\n<ol class=\"timeline\">\n");
        for (Event e : events()) {
            b.append("<li class=\"").append(e.kind()).append("\"><time>")
                    .append(e.time() == null ? "time not recorded" : Html.text(Html.DATE_TIME.format(e.time())))
                    .append("</time><span class=\"kind\">").append(e.kind()).append("</span> ")
                    .append(Html.text(e.text())).append("</li>\n");
        }
        b.append("</ol>\n</section>\n");
    }
}
