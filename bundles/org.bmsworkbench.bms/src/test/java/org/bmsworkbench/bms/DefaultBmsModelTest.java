package org.bmsworkbench.bms;

import static org.bmsworkbench.bms.ModelFixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class DefaultBmsModelTest {

    @Test
    void keepsTheLatestValueWithTimeAndProtocol() {
        DefaultBmsModel model = new DefaultBmsModel(10);
        model.apply(message(1_000, "pack.voltage", 53.12, "pack.current", -12.3));
        model.apply(message(2_000, "pack.voltage", 53.2));

        SignalValue v = model.get("pack.voltage").orElseThrow();
        assertEquals(53.2, v.value());
        assertEquals(2_000, v.timeMicros());
        assertEquals("sma", v.protocol());
        assertEquals(-12.3, model.get("pack.current").orElseThrow().value());
        assertEquals(1_000, model.get("pack.current").orElseThrow().timeMicros());
        assertTrue(model.get("soc").isEmpty());
    }

    @Test
    void valuesAreASortedSnapshot() {
        DefaultBmsModel model = new DefaultBmsModel(10);
        model.apply(message(1, "soc", 80L, "bms.serial", "HQ1234", "alarm.general", "cleared"));
        Map<String, SignalValue> snapshot = model.values();
        assertEquals(List.of("alarm.general", "bms.serial", "soc"), List.copyOf(snapshot.keySet()));
        model.apply(message(2, "pack.voltage", 50.0));
        assertEquals(3, snapshot.size(), "a snapshot does not change afterwards");
        assertThrows(UnsupportedOperationException.class, () -> snapshot.put("x", null));
    }

    @Test
    void notAvailableIsANullValueAndStaysOutOfTheHistory() {
        DefaultBmsModel model = new DefaultBmsModel(10);
        model.apply(message(1, "soh", 99L));
        model.apply(message(2, "soh", null));
        SignalValue v = model.get("soh").orElseThrow();
        assertNull(v.value());
        assertEquals(2, v.timeMicros());
        assertEquals(List.of(new Sample(1, 99.0)), model.history("soh"));
    }

    @Test
    void historyKeepsTheNewestSamplesUpToTheCapacity() {
        DefaultBmsModel model = new DefaultBmsModel(5);
        for (int i = 1; i <= 12; i++) {
            model.apply(message(i, "pack.voltage", 50.0 + i, "bms.manufacturer", "MG"));
        }
        List<Sample> h = model.history("pack.voltage");
        assertEquals(5, h.size());
        assertEquals(new Sample(8, 58.0), h.get(0));
        assertEquals(new Sample(12, 62.0), h.get(4));
        assertEquals(List.of(), model.history("bms.manufacturer"), "text has no history");
        assertEquals(5, model.historyCapacity());
    }

    @Test
    void historyGrowsPastItsInitialArrayBeforeWrapping() {
        DefaultBmsModel model = new DefaultBmsModel(100);
        for (int i = 0; i < 250; i++) {
            model.apply(message(i, "soc", (long) i));
        }
        List<Sample> h = model.history("soc");
        assertEquals(100, h.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(new Sample(150 + i, 150 + i), h.get(i));
        }
    }

    @Test
    void framesWithoutTimestampGetTheWallClock() {
        DefaultBmsModel model = new DefaultBmsModel(4, () -> 1_700_000_000_000_000L);
        CanFrame untimed = CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x356, false, new byte[8]);
        model.apply(DecodedMessage.of("sma", "battery_basic_info", untimed, Map.of("pack.voltage", 53.0)));
        assertEquals(1_700_000_000_000_000L, model.get("pack.voltage").orElseThrow().timeMicros());

        DefaultBmsModel real = new DefaultBmsModel(4);
        long before = System.currentTimeMillis() * 1000;
        real.apply(DecodedMessage.of("sma", "battery_basic_info", untimed, Map.of("pack.voltage", 53.0)));
        long t = real.get("pack.voltage").orElseThrow().timeMicros();
        assertTrue(t >= before && t <= System.currentTimeMillis() * 1000 + 1000, "wall clock in micros: " + t);
    }

    @Test
    void versionCountsAppliedMessagesAndClearForgets() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        long v0 = model.version();
        model.apply(message(1, "soc", 50L));
        model.apply(message(2));
        assertEquals(v0 + 2, model.version());
        model.apply(message(3, "alarm.general", "raised"));
        model.clear();
        assertTrue(model.values().isEmpty());
        assertTrue(model.alarms().isEmpty());
        assertTrue(model.history("soc").isEmpty());
        assertTrue(model.version() > v0 + 3);
    }

    @Test
    void alarmRaisedRepeatedlyCountsOnceAndRaisedAgainAfterAClearCountsTwice() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(100, "alarm.high_voltage", "raised"));
        model.apply(message(600, "alarm.high_voltage", "raised"));
        model.apply(message(1_100, "alarm.high_voltage", "raised"));
        AlarmRecord r = model.alarms().get("alarm.high_voltage");
        assertEquals(new AlarmRecord("alarm.high_voltage", AlarmState.RAISED, 100L, 100L, null, 1), r);
        assertTrue(r.active());

        model.apply(message(2_000, "alarm.high_voltage", "cleared"));
        model.apply(message(2_500, "alarm.high_voltage", "cleared"));
        r = model.alarms().get("alarm.high_voltage");
        assertEquals(new AlarmRecord("alarm.high_voltage", AlarmState.CLEARED, 100L, 100L, 2_000L, 1), r);
        assertFalse(r.active());

        model.apply(message(3_000, "alarm.high_voltage", "raised"));
        r = model.alarms().get("alarm.high_voltage");
        assertEquals(new AlarmRecord("alarm.high_voltage", AlarmState.RAISED, 100L, 3_000L, 2_000L, 2), r);
    }

    @Test
    void nullLeavesTheAlarmStateAsItWas() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(1, "warning.low_voltage", null));
        assertEquals(new AlarmRecord("warning.low_voltage", AlarmState.UNKNOWN, null, null, null, 0),
                model.alarms().get("warning.low_voltage"));
        model.apply(message(2, "warning.low_voltage", "raised"));
        model.apply(message(3, "warning.low_voltage", null));
        model.apply(message(4, "warning.low_voltage", "raised"));
        AlarmRecord r = model.alarms().get("warning.low_voltage");
        assertEquals(AlarmState.RAISED, r.state());
        assertEquals(1, r.raiseCount());
        assertEquals("raised", model.get("warning.low_voltage").orElseThrow().value());
    }

    @Test
    void clearedFirstIsCLEAREDWithoutAClearTime() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(5, "alarm.contactor", "cleared"));
        assertEquals(new AlarmRecord("alarm.contactor", AlarmState.CLEARED, null, null, null, 0),
                model.alarms().get("alarm.contactor"));
    }

    @Test
    void preventiveShutdownIsAnAlarmLikeRecord() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(10, "event.preventive_shutdown", false));
        model.apply(message(20, "event.preventive_shutdown", true));
        model.apply(message(30, "event.preventive_shutdown", true));
        model.apply(message(40, "event.preventive_shutdown", false));
        assertEquals(new AlarmRecord("event.preventive_shutdown", AlarmState.CLEARED, 20L, 20L, 40L, 1),
                model.alarms().get("event.preventive_shutdown"));
        assertEquals(false, model.get("event.preventive_shutdown").orElseThrow().value());
    }

    /** docs/SIGNALS.md "Cell-level BMS makes over serial": protection.<name> and warning.<name> are true / false. */
    @Test
    void protectionsAndBooleanWarningsOfCellLevelMakesKeepRecords() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(10, "protection.cell_over_voltage", false, "warning.cell_over_voltage", true));
        model.apply(message(20, "protection.cell_over_voltage", true, "warning.cell_over_voltage", true));
        model.apply(message(30, "protection.cell_over_voltage", false, "warning.cell_over_voltage", false));
        assertEquals(new AlarmRecord("protection.cell_over_voltage", AlarmState.CLEARED, 20L, 20L, 30L, 1),
                model.alarms().get("protection.cell_over_voltage"));
        assertEquals(new AlarmRecord("warning.cell_over_voltage", AlarmState.CLEARED, 10L, 10L, 30L, 1),
                model.alarms().get("warning.cell_over_voltage"));
    }

    @Test
    void alarmsAreSortedAndOnlyAlarmWarningAndEventKeys() {
        DefaultBmsModel model = new DefaultBmsModel(4);
        model.apply(message(1, "warning.general", "raised", "alarm.short_circuit", "cleared", "soc", 3L,
                "alarm.bms_internal", "raised"));
        assertEquals(List.of("alarm.bms_internal", "alarm.short_circuit", "warning.general"),
                List.copyOf(model.alarms().keySet()));
    }

    @Test
    void readersSeeConsistentSnapshotsWhileOneThreadWrites() throws Exception {
        DefaultBmsModel model = new DefaultBmsModel(64);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        List<Sample> h = model.history("pack.voltage");
                        assertTrue(h.size() <= 64);
                        for (int i = 1; i < h.size(); i++) {
                            assertTrue(h.get(i).timeMicros() > h.get(i - 1).timeMicros(), "history in order");
                        }
                        model.values();
                        model.alarms();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "model-reader-" + r);
            t.start();
            readers.add(t);
        }
        Map<String, Integer> raises = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String state = (i / 10) % 2 == 0 ? "raised" : "cleared";
            model.apply(message(i + 1, "pack.voltage", 50.0 + i % 7, "alarm.general", state));
            if (i % 10 == 0 && state.equals("raised")) {
                raises.merge("alarm.general", 1, Integer::sum);
            }
        }
        stop.set(true);
        for (Thread t : readers) {
            t.join(5_000);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(50_000, model.version());
        assertEquals(raises.get("alarm.general").longValue(), model.alarms().get("alarm.general").raiseCount());
    }
}
