package org.bmsworkbench.service.unlock.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report's error and alarm history from snapshot.json's {@code alarms} {key: {first_raised,
 * last_raised, last_cleared, raise_count}} and {@code diagnosis.last_errors}, as the service.unlock
 * README lists them; alarm and warning keys as in docs/SIGNALS.md ({@code alarm.X}, {@code warning.X}).
 */
class TimelineTest {

    @Test
    void anAlarmRaisedOnceIsOneEventAndAWarningIsAWarning() {
        Map<String, Object> alarms = new LinkedHashMap<>();
        alarms.put("alarm.low_temperature", Map.of("first_raised", "2026-12-06T23:10:00Z",
                "last_raised", "2026-12-06T23:10:00Z", "raise_count", 1L));
        alarms.put("warning.cell_imbalance", Map.of("first_raised", "2026-12-06T23:05:00Z",
                "last_raised", "2026-12-06T23:05:00Z", "last_cleared", "2026-12-06T23:06:00Z", "raise_count", 1L));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("alarms", alarms);
        d.put("diagnosis", Map.of("last_errors", List.of(Map.of("position", 3L, "code", 2L, "label", "Under voltage"))));

        List<String> seen = new Timeline(d).events().stream().map(e -> e.kind() + ": " + e.text()).toList();
        assertEquals(List.of("warning: Warning cell imbalance raised", "cleared: Warning cell imbalance cleared",
                "alarm: Alarm low temperature raised", "error: Error 2: Under voltage (last error 3 of the BMS)"), seen);
    }

    @Test
    void keysOutsideAlarmAndWarningKeepTheirName() {
        assertEquals("Alarm high charge current", Timeline.alarmName("alarm.high_charge_current"));
        assertEquals("Warning low voltage", Timeline.alarmName("warning.low_voltage"));
        assertEquals("event.preventive_shutdown", Timeline.alarmName("event.preventive_shutdown"));
    }
}
