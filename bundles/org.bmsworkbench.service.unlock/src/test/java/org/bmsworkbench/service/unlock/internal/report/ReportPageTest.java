package org.bmsworkbench.service.unlock.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.junit.jupiter.api.Test;

/**
 * report.html from a snapshot document written out here (the members of snapshot.json as the
 * service.unlock README lists them; registers from the guide's VREG catalogue, section 1.5).
 */
public class ReportPageTest {
    public static Map<String, Object> document() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", "bmsworkbench-snapshot");
        d.put("created", "2026-12-06T23:30:05Z");
        d.put("tool", Map.of("name", "BMS Workbench", "version", "0.1.0", "java", "25", "os", "Linux"));
        d.put("connection", Map.of("uri", "slcan:/dev/ttyACM0", "device_kind", "REAL"));
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("serial", "HQ2012ABCDE");
        device.put("serial_source", "VREG 0x010A");
        device.put("product_id", "0xA3F1");
        device.put("product", "MG Master LV");
        device.put("firmware", "1.04");
        device.put("profile", "MG Master LV");
        device.put("node_address", "0x50");
        d.put("device", device);
        List<Object> registers = new ArrayList<>();
        for (RegisterInfo r : VregCatalogue.INSTANCE.registers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.format("0x%04X", r.id()));
            row.put("name", r.name());
            row.put("outcome", "OK");
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Object> units = new LinkedHashMap<>();
            for (RegisterField f : r.fields()) {
                values.put(f.key(), 12.5);
                units.put(f.key(), f.unit());
            }
            row.put("values", values);
            row.put("units", units);
            row.put("raw", "0A0B");
            row.put("message", "ok");
            registers.add(row);
        }
        d.put("registers", registers);
        d.put("signals", Map.of("pack.voltage", Map.of("value", 53.1, "unit", "V")));
        Map<String, Object> alarm = new LinkedHashMap<>();
        alarm.put("state", "RAISED");
        alarm.put("first_raised", "2026-12-06T23:22:00Z");
        alarm.put("last_raised", "2026-12-06T23:25:00Z");
        alarm.put("last_cleared", "2026-12-06T23:24:00Z");
        alarm.put("raise_count", 2L);
        Map<String, Object> alarms = new LinkedHashMap<>();
        alarms.put("alarm.high_voltage", alarm);
        d.put("alarms", alarms);
        Map<String, Object> history = new LinkedHashMap<>();
        double end = 1_796_599_800.0; // 2026-12-06T23:30:00Z
        history.put("pack.voltage", List.of(List.of(end - 540, 52.0), List.of(end - 300, 53.0), List.of(end, 54.0)));
        history.put("soc", List.of(List.of(end - 300, 80L)));
        d.put("history", history);
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        diagnosis.put("status", "SAFETY_LOCK");
        diagnosis.put("reason", "error 13 (Over voltage detected) is a Safety lock code");
        diagnosis.put("state", Map.of("code", 10L, "label", "Error"));
        diagnosis.put("error", Map.of("code", 13L, "label", "Over voltage detected"));
        Map<String, Object> e1 = new LinkedHashMap<>();
        e1.put("position", 1L);
        e1.put("code", 13L);
        e1.put("label", "Over voltage detected");
        e1.put("time", "2026-12-06T23:23:00Z");
        e1.put("safety_lock_code", true);
        Map<String, Object> e2 = new LinkedHashMap<>();
        e2.put("position", 2L);
        e2.put("code", 2L);
        e2.put("label", "Under voltage detected");
        e2.put("time", null);
        e2.put("safety_lock_code", false);
        diagnosis.put("last_errors", List.of(e1, e2));
        diagnosis.put("flags", List.of());
        diagnosis.put("alarms", List.of("alarm.high_voltage"));
        diagnosis.put("warnings", List.of());
        diagnosis.put("causes", List.of(
                Map.of("id", "over-voltage", "title", "Over-voltage", "indicated", true, "evidence",
                        "error 13 Over voltage detected", "checks", List.of("Compare the charge voltage of every charger")),
                Map.of("id", "temperature", "title", "Temperature", "indicated", false, "evidence", "", "checks",
                        List.of("Check the cooling"))));
        d.put("diagnosis", diagnosis);
        d.put("frames", Map.of("count", 1234L, "window_s", 600L, "first", "2026-12-06T23:20:00Z", "last",
                "2026-12-06T23:30:00Z"));
        return d;
    }

    @Test
    void thePageHasEverySectionAndEveryRegister() {
        String html = ReportPage.html(document());
        for (String id : List.of("device", "diagnosis", "timeline", "plots", "registers")) {
            assertTrue(html.contains("<section id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("<dt>Serial number</dt><dd>HQ2012ABCDE (from VREG 0x010A)</dd>"), html);
        assertTrue(html.contains("<dt>Firmware</dt><dd>1.04</dd>"));
        assertTrue(html.contains("<p class=\"verdict\">Safety lock active</p>"));
        assertTrue(html.contains("<b>Over-voltage</b> — indicated by error 13 Over voltage detected"));
        assertTrue(html.contains("<p class=\"others\">Not indicated by these readings: Temperature.</p>"));
        int catalogue = VregCatalogue.INSTANCE.registers().size();
        assertEquals(catalogue, count(html, "<tr><td class=\"id\">0x[0-9A-F]{4}</td>"));
        for (RegisterInfo r : VregCatalogue.INSTANCE.registers()) {
            assertTrue(html.contains(String.format("<td class=\"id\">0x%04X</td><td>%s</td>", r.id(), Html.text(r.name()))),
                    r.name());
        }
        assertTrue(html.contains("<p class=\"note\">" + catalogue + " registers asked, " + catalogue + " answered.</p>"));
        assertEquals(5, count(html, "<svg "));
        assertTrue(html.contains("points=\"161.0,214.0 525.0,124.0 980.0,34.0\""), "52, 53, 54 V at -9, -5, 0 min");
        assertEquals(3, count(html, SvgPlot.NO_DATA), "current, temperatures and cell voltages have no history");
    }

    @Test
    void theTimelineRunsOldestFirstAndUntimedErrorsLast() {
        String html = ReportPage.html(document());
        List<String> order = List.of("Alarm high voltage raised (first time)", "Error 13: Over voltage detected",
                "Alarm high voltage cleared", "Alarm high voltage raised (last time; 2 times in all)",
                "Snapshot taken: Safety lock active", "time not recorded</time><span class=\"kind\">error</span> Error 2");
        int at = 0;
        for (String s : order) {
            int i = html.indexOf(s, at);
            assertTrue(i > 0, s + " after position " + at);
            at = i;
        }
        assertTrue(html.contains("<time>2026-12-06 23:23:00 UTC</time><span class=\"kind\">error</span> Error 13: Over"
                + " voltage detected (last error 1 of the BMS; a Safety lock code)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyValueFromTheDeviceOrTheUserIsEscaped() {
        Map<String, Object> d = document();
        ((Map<String, Object>) d.get("device")).put("serial", "<script>alert('x')</script>");
        ((Map<String, Object>) d.get("device")).put("firmware", "\"><img src=x onerror=alert(1)>");
        d.put("connection", Map.of("uri", "sim:?a=1&b=<i>", "device_kind", "REAL"));
        Map<String, Object> row = (Map<String, Object>) ((List<Object>) d.get("registers")).get(0);
        row.put("name", "A & B \"quoted\"");
        row.put("raw", "</td></tr></table><a href=\"http://evil\">");
        ((Map<String, Object>) d.get("alarms")).put("alarm.<b>bold</b>", Map.of("first_raised", "2026-12-06T23:00:00Z"));
        String html = ReportPage.html(d);
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("<a ") || html.contains("<i>")
                || html.contains("<b>bold"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("<dt>Firmware</dt><dd>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</dd>"));
        assertTrue(html.contains("sim:?a=1&amp;b=&lt;i&gt;"));
        assertTrue(html.contains("<td>A &amp; B &quot;quoted&quot;</td>"));
        assertTrue(html.contains("Alarm &lt;b&gt;bold&lt;/b&gt; raised"));
        assertEquals("a\uFFFDb &lt;&gt;&amp;&quot;&#39;", Html.text("a\u0000b <>&\"'"));
    }

    @Test
    void nothingIsLoadedFromElsewhereAndThereIsNoScript() {
        String html = ReportPage.html(document());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " img-src data:\">"), html.substring(0, 300));
        assertFalse(Pattern.compile("(?i)<script|\\bsrc=|\\bhref=|url\\(|@import|<link|<iframe|<object").matcher(html).find());
        Matcher urls = Pattern.compile("https?://[^\"\\s<]*").matcher(html);
        while (urls.find()) {
            assertEquals("http://www.w3.org/2000/svg", urls.group(), "only the SVG namespace, which is never fetched");
        }
    }

    @Test
    void anEmptyDocumentStillGivesAPage() {
        String html = ReportPage.html(Map.of());
        assertEquals(5, count(html, SvgPlot.NO_DATA));
        assertTrue(html.contains("<p class=\"verdict\">Unknown: the state could not be read</p>"));
        assertTrue(html.contains("0 registers asked, 0 answered."));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
