package org.bmsworkbench.service.unlock.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} of a snapshot: one page a dealer opens in any browser, built from the
 * document of {@code snapshot.json} alone. Self-contained: the style is inline, there is no
 * script, and a Content-Security-Policy forbids loading anything. Sections: the device, the Safety
 * lock diagnosis in words with its possible causes, the error and alarm history as a timeline
 * ({@link Timeline}), plots of the last ten minutes ({@link RecentPlots}: pack voltage and current,
 * SOC, temperatures, cell voltages, from the document's {@code history}), and every register. Every
 * value from the device or the user is escaped ({@link Html#text}).
 */
public final class ReportPage {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final Map<String, Object> doc;
    private final StringBuilder b = new StringBuilder(64 * 1024);

    private ReportPage(Map<String, Object> doc) {
        this.doc = doc;
    }

    /** The page for a snapshot document (the maps of {@code snapshot.json}, numbers as any {@link Number}). */
    public static String html(Map<String, Object> document) {
        return new ReportPage(document).build();
    }

    private String build() {
        Map<String, Object> device = map(doc.get("device"));
        String serial = str(device.get("serial"), "unknown");
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>System snapshot ").append(Html.text(serial)).append(", ")
                .append(Html.text(Html.instant(doc.get("created")))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(device, serial);
        identity(device);
        diagnosis();
        new Timeline(doc).appendTo(b);
        new RecentPlots(doc).appendTo(b);
        registers();
        footer();
        return b.append("</body>\n</html>\n").toString();
    }

    private void header(Map<String, Object> device, String serial) {
        b.append("<header>\n<h1>System snapshot</h1>\n<p class=\"sub\">")
                .append(Html.text(str(device.get("product"), str(device.get("profile"), "BMS")))).append(" · serial ")
                .append("<b>").append(Html.text(serial)).append("</b> · taken ")
                .append(Html.text(Html.instant(doc.get("created")))).append("</p>\n</header>\n");
    }

    private void identity(Map<String, Object> device) {
        Map<String, Object> connection = map(doc.get("connection"));
        Map<String, Object> tool = map(doc.get("tool"));
        b.append("<section id=\"device\">\n<h2>Device</h2>\n<dl class=\"facts\">\n");
        fact("Model", str(device.get("product"), "—") + (device.get("product_id") == null ? ""
                : " (product id " + device.get("product_id") + ")"));
        fact("Device profile", str(device.get("profile"), "—"));
        fact("Serial number", str(device.get("serial"), "unknown") + (device.get("serial_source") == null ? ""
                : " (from " + device.get("serial_source") + ")"));
        fact("Firmware", str(device.get("firmware"), "—"));
        fact("Node address", str(device.get("node_address"), "—"));
        fact("Connection", str(connection.get("uri"), "—"));
        fact("Device kind", str(connection.get("device_kind"), "—").toLowerCase(Locale.ROOT));
        fact("Taken", Html.instant(doc.get("created")));
        fact("Taken with", str(tool.get("name"), "BMS Workbench") + " " + str(tool.get("version"), ""));
        b.append("</dl>\n</section>\n");
    }

    private void fact(String name, String value) {
        b.append("<dt>").append(Html.text(name)).append("</dt><dd>").append(Html.text(value)).append("</dd>\n");
    }

    private void diagnosis() {
        Map<String, Object> d = map(doc.get("diagnosis"));
        String status = str(d.get("status"), "UNKNOWN");
        b.append("<section id=\"diagnosis\" class=\"status-").append(Html.text(status.toLowerCase(Locale.ROOT)))
                .append("\">\n<h2>Safety lock diagnosis</h2>\n<p class=\"verdict\">").append(Html.text(verdict(status)))
                .append("</p>\n<p>").append(Html.text(str(d.get("reason"), ""))).append("</p>\n<dl class=\"facts\">\n");
        fact("BMS state", codeLabel(d.get("state")));
        fact("Error", codeLabel(d.get("error")));
        List<Object> flags = list(d.get("flags"));
        fact("Status flags", flags.isEmpty() ? "none" : join(flags) + (d.get("flags_raw") == null ? ""
                : " (raw " + d.get("flags_raw") + ")"));
        fact("Alarms raised", list(d.get("alarms")).isEmpty() ? "none" : join(list(d.get("alarms"))));
        fact("Warnings raised", list(d.get("warnings")).isEmpty() ? "none" : join(list(d.get("warnings"))));
        b.append("</dl>\n<h3>Possible causes</h3>\n");
        List<Map<String, Object>> causes = new ArrayList<>();
        list(d.get("causes")).forEach(c -> causes.add(map(c)));
        causes.sort(Comparator.comparing(c -> !Boolean.TRUE.equals(c.get("indicated"))));
        if (causes.isEmpty()) {
            b.append("<p>None recorded.</p>\n");
        }
        b.append("<ul class=\"causes\">\n");
        List<String> others = new ArrayList<>();
        for (Map<String, Object> c : causes) {
            String title = str(c.get("title"), str(c.get("id"), ""));
            if (!Boolean.TRUE.equals(c.get("indicated"))) {
                others.add(title);
                continue;
            }
            b.append("<li class=\"indicated\"><b>").append(Html.text(title)).append("</b> — indicated by ")
                    .append(Html.text(str(c.get("evidence"), ""))).append("\n<ul>");
            for (Object check : list(c.get("checks"))) {
                b.append("<li>").append(Html.text(check)).append("</li>");
            }
            b.append("</ul></li>\n");
        }
        b.append("</ul>\n");
        if (!others.isEmpty()) {
            b.append("<p class=\"others\">Not indicated by these readings: ").append(Html.text(String.join(", ", others)))
                    .append(".</p>\n");
        }
        b.append("</section>\n");
    }

    static String verdict(String status) {
        return switch (status) {
            case "SAFETY_LOCK" -> "Safety lock active";
            case "OTHER_ERROR" -> "In error, but not a Safety lock";
            case "NOT_IN_ERROR_STATE" -> "Not in an error state: no Safety lock";
            default -> "Unknown: the state could not be read";
        };
    }

    private static String codeLabel(Object o) {
        Map<String, Object> m = map(o);
        if (m.isEmpty()) {
            return "not read";
        }
        return str(m.get("label"), "") + " (" + str(m.get("code"), "?") + ")";
    }

    private void registers() {
        List<Object> rows = list(doc.get("registers"));
        long ok = rows.stream().filter(r -> "OK".equals(map(r).get("outcome"))).count();
        b.append("<section id=\"registers\">\n<h2>Registers</h2>\n<p class=\"note\">").append(rows.size())
                .append(" registers asked, ").append(ok).append(" answered.</p>\n")
                .append("<table class=\"registers\">\n<colgroup><col class=\"c-id\"><col class=\"c-name\">"
                        + "<col class=\"c-value\"><col class=\"c-unit\"><col class=\"c-raw\"><col></colgroup>\n<thead><tr><th>Register</th><th>Name</th><th>Value</th>"
                        + "<th>Unit</th><th>Raw</th><th>Outcome</th></tr></thead>\n<tbody>\n");
        for (Object o : rows) {
            Map<String, Object> r = map(o);
            boolean answered = "OK".equals(r.get("outcome"));
            Map<String, Object> values = map(r.get("values"));
            Map<String, Object> units = map(r.get("units"));
            StringBuilder value = new StringBuilder();
            StringBuilder unit = new StringBuilder();
            for (Map.Entry<String, Object> v : values.entrySet()) {
                String sep = value.isEmpty() ? "" : "<br>";
                value.append(sep).append(values.size() > 1 ? "<span class=\"key\">" + Html.text(v.getKey()) + "</span> "
                        : "").append(v.getValue() == null ? "n/a" : Html.text(Html.number(v.getValue())));
                if (v.getKey().endsWith(".time") && v.getValue() instanceof Number t && t.longValue() > 0) {
                    value.append(" <span class=\"key\">(").append(Html.DATE_TIME.format(Instant.ofEpochSecond(
                            t.longValue()))).append(")</span>");
                }
                unit.append(sep).append(Html.text(str(units.get(v.getKey()), "")));
            }
            b.append("<tr").append(answered ? "" : " class=\"unanswered\"").append("><td class=\"id\">")
                    .append(Html.text(str(r.get("id"), ""))).append("</td><td>").append(Html.text(str(r.get("name"), "")))
                    .append("</td><td class=\"value\">").append(value).append("</td><td>").append(unit)
                    .append("</td><td class=\"raw\">").append(Html.text(str(r.get("raw"), ""))).append("</td><td>")
                    .append(answered ? "OK" : Html.text(str(r.get("outcome"), "") + ": " + str(r.get("message"), "")))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private void footer() {
        Map<String, Object> tool = map(doc.get("tool"));
        Map<String, Object> frames = map(doc.get("frames"));
        b.append("<footer>\n<p>Written by ").append(Html.text(str(tool.get("name"), "BMS Workbench"))).append(' ')
                .append(Html.text(str(tool.get("version"), ""))).append(" (Java ")
                .append(Html.text(str(tool.get("java"), "?"))).append(", ").append(Html.text(str(tool.get("os"), "?")))
                .append("). The same ZIP holds snapshot.json (everything on this page, and more), frames.log (")
                .append(Html.text(str(frames.get("count"), "0")))
                .append(" raw CAN frames, candump -L), audit.log and manifest.sha256 (check with sha256sum -c).</p>\n")
                .append("</footer>\n");
    }

    // how every section reads the document: a missing member, or one of another type, reads as empty

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String str(Object o, String otherwise) {
        return o == null ? otherwise : o instanceof Number n ? Html.number(n) : String.valueOf(o);
    }

    private static String join(List<Object> items) {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }

    static final String STYLE = """
            :root { color-scheme: light; --ink: #1b1f24; --muted: #5a6370; --line: #d5dae0; --accent: #1f5fa8; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 40px; color: var(--ink); background: #fff;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
            header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; }
            h1 { margin: 0; font-size: 26px; }
            .sub { margin: 4px 0 12px; color: var(--muted); font-size: 16px; }
            h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 16px 0 6px; }
            .note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 8px 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; overflow-wrap: anywhere; }
            #diagnosis .verdict { display: inline-block; margin: 4px 0; padding: 6px 14px; border-radius: 4px;
              font-size: 18px; font-weight: 700; background: #e8eef5; }
            #diagnosis.status-safety_lock .verdict { background: #fbe3e1; color: #8f1d12; border: 1px solid #e0a39c; }
            #diagnosis.status-other_error .verdict { background: #fff1d6; color: #7a4b00; border: 1px solid #e6c27a; }
            #diagnosis.status-not_in_error_state .verdict { background: #e2f3e6; color: #1d6031; border: 1px solid #9fd0ab; }
            ul.causes { padding-left: 20px; }
            ul.causes > li { margin: 6px 0; }
            p.others { color: var(--muted); }
            ul.causes ul { margin: 2px 0 0; padding-left: 18px; font-size: 14px; }
            ol.timeline { list-style: none; margin: 8px 0; padding: 0 0 0 18px; border-left: 2px solid var(--line); }
            ol.timeline li { position: relative; margin: 0 0 8px; padding-left: 10px; }
            ol.timeline li::before { content: ""; position: absolute; left: -25px; top: 6px; width: 10px; height: 10px;
              border-radius: 50%; background: var(--muted); border: 2px solid #fff; }
            ol.timeline li.error::before { background: #c0392b; }
            ol.timeline li.alarm::before { background: #e67e22; }
            ol.timeline li.warning::before { background: #d4ac0d; }
            ol.timeline li.cleared::before { background: #2e8b57; }
            ol.timeline li.snapshot::before { background: var(--accent); }
            ol.timeline time { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 8px; }
            ol.timeline .kind { display: inline-block; min-width: 80px; font-size: 12px; text-transform: uppercase;
              letter-spacing: .04em; color: var(--muted); }
            figure { margin: 10px 0 18px; }
            figcaption { font-weight: 600; margin-bottom: 2px; }
            svg.plot { width: 100%; height: auto; display: block; font-family: inherit; }
            svg.plot .grid { stroke: #e3e7ec; stroke-width: 1; }
            svg.plot .frame { fill: none; stroke: #9aa3ad; stroke-width: 1; }
            svg.plot .zero { stroke: #6b7580; stroke-width: 1; stroke-dasharray: 4 3; }
            svg.plot .tick { font-size: 12px; fill: #4a525c; }
            svg.plot .unit { font-size: 13px; font-weight: 600; fill: #1b1f24; }
            svg.plot .legend { font-size: 13px; fill: #1b1f24; }
            svg.plot .nodata { font-size: 16px; fill: #7a838d; font-style: italic; }
            svg.plot .series { fill: none; stroke-linejoin: round; }
            svg.plot .s0 { stroke-width: 3; } svg.plot .s1 { stroke-width: 1.8; } svg.plot .s2 { stroke-width: 1.2; }
            table.registers { width: 100%; border-collapse: collapse; font-size: 13px; table-layout: fixed; }
            col.c-id { width: 68px; } col.c-name { width: 190px; } col.c-value { width: 260px; }
            col.c-unit { width: 48px; } col.c-raw { width: 150px; }
            table.registers th { text-align: left; background: #eef1f4; border-bottom: 2px solid var(--line); padding: 5px 6px; }
            table.registers td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
            table.registers td.id, table.registers td.raw { font-family: "DejaVu Sans Mono", Consolas, monospace; }
            table.registers td.raw { overflow-wrap: anywhere; }
            table.registers td:last-child { overflow-wrap: anywhere; }
            table.registers td.value { font-variant-numeric: tabular-nums; }
            table.registers .key { color: var(--muted); font-size: 12px; }
            table.registers tr.unanswered td { color: #8a929b; }
            footer { margin-top: 30px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              h2 { break-after: avoid; }
              figure, ul.causes > li, ol.timeline li, tr { break-inside: avoid; }
              #registers { break-before: page; }
              thead { display: table-header-group; }
            }
            """;
}
