package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchWindowTest {
    @TempDir
    Path userDir;
    private final FakeServices fakes = new FakeServices();
    private WorkbenchWindow window;

    private WorkbenchWindow open() {
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        return window;
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
            Swt.drain();
        }
        assertTrue(fakes.problems.isEmpty(), () -> "view problems: " + fakes.problems);
    }

    @Test
    void everyInstalledViewHasATabInOrderAndViewsArrivingLaterAreCreatedOnTheUiThread() {
        RecordingView early = new RecordingView();
        fakes.catalog.addView("overview", "Overview", 0, new OverviewView(MgMasterLvProfile.defaults()));
        fakes.catalog.addView("early", "Early", 50, early);
        open();
        assertEquals(List.of("overview", "early"), window.views().ids(ViewArea.LEFT));
        assertSame(Thread.currentThread(), early.createdOn);

        // a view registered from another thread while the window is open
        RecordingView late = new RecordingView();
        Thread registrar = new Thread(() -> fakes.catalog.addView("late", "Late", 20, late), "registrar");
        registrar.start();
        Swt.waitUntil("the late view's tab", () -> window.views().ids(ViewArea.LEFT).contains("late"));
        assertEquals(List.of("overview", "late", "early"), window.views().ids(ViewArea.LEFT));
        assertSame(Thread.currentThread(), late.createdOn, "createPart runs on the UI thread");

        // the selected view is refreshed by the timer; the others are not
        assertTrue(window.views().show("late"));
        int before = late.refreshes.get();
        Swt.waitUntil("refreshes of the visible view", () -> late.refreshes.get() >= before + 3);
        int hidden = early.refreshes.get();
        Swt.waitUntil("more refreshes", () -> late.refreshes.get() >= before + 6);
        assertEquals(hidden, early.refreshes.get(), "a hidden tab is not refreshed");

        // the service leaves: its part is disposed, then its tab and controls
        Composite parent = late.parent;
        new Thread(() -> fakes.catalog.removeView(late), "unregistrar").start();
        Swt.waitUntil("the late view's tab to close", () -> !window.views().ids(ViewArea.LEFT).contains("late"));
        assertTrue(late.disposed);
        assertTrue(parent.isDisposed());
        assertEquals(2, window.views().openCount());
    }

    @Test
    void viewsAreToldOfEverySessionAndTheStatusBarShowsItsState() {
        RecordingView view = new RecordingView();
        fakes.catalog.addView("v", "V", 1, view);
        open();
        assertEquals(StatusFields.NOT_CONNECTED, window.status().text("uri"));

        assertNull(window.connect("loop:bench?bitrate=250000", "auto"));
        FakeConnection c = fakes.opened.get("loop:bench?bitrate=250000");
        c.state = ConnectionState.RECONNECTING;
        c.detail = "adapter unplugged, retry in 2 s";
        c.statistics = new ConnectionStatistics(5000, 10, 2, 1, 1234.4, 12.46);
        fakes.sessions.get(0).active = List.of("sma");
        Swt.waitUntil("the status bar to show RECONNECTING", () -> window.status().text("state").contains("RECONNECTING"));
        assertEquals("loop:bench?bitrate=250000", window.status().text("uri"));
        assertEquals("sma (auto-detected)", window.status().text("protocol"));
        assertEquals("1,234 frames/s", window.status().text("rate"));
        assertEquals("bus load 12.5 %", window.status().text("busLoad"));
        assertEquals("errors 3 (2 bus, 1 adapter)", window.status().text("errors"));
        assertEquals("BMS Workbench — loop:bench?bitrate=250000", window.shell().getText());

        window.disconnect();
        assertTrue(c.closed, "disconnect closes the connection");
        assertTrue(fakes.sessions.get(0).closed, "and its decoding");
        assertEquals(List.of("loop:bench?bitrate=250000", "none"), view.sessions);
        Swt.waitUntil("the status bar to show no connection", () -> window.status().text("uri").equals(StatusFields.NOT_CONNECTED));
    }

    @Test
    void aUriThatCannotBeUsedIsExplainedAndTheSessionStays() {
        open();
        assertNull(window.connect("fake:a", "auto"));
        String problem = window.connect("nosuch:thing", "auto");
        assertNotNull(problem);
        assertTrue(problem.contains("no transport for nosuch"), problem);
        assertEquals("fake:a", window.session().uri(), "the open session is kept");
    }

    @Test
    void layoutAndRecentConnectionsAreRememberedBetweenRuns() {
        for (String id : List.of("a", "b", "c")) {
            fakes.catalog.addView(id, id.toUpperCase(), id.charAt(0), new RecordingView());
        }
        open();
        assertFalse(window.isSplit());
        window.setSplit(true);
        window.views().show("b");
        window.views().moveSelectedToOtherSide();
        assertEquals(List.of("a", "c"), window.views().ids(ViewArea.LEFT));
        assertEquals(List.of("b"), window.views().ids(ViewArea.RIGHT));
        window.shell().setBounds(30, 40, 900, 640);
        window.connect("fake:first", "sma");
        window.connect("fake:second", "auto");
        window.close();
        Swt.drain();
        assertTrue(Files.isRegularFile(userDir.resolve("ui/workbench.properties")));

        open();
        assertTrue(window.isSplit());
        assertEquals(List.of("a", "c"), window.views().ids(ViewArea.LEFT));
        assertEquals(List.of("b"), window.views().ids(ViewArea.RIGHT));
        assertEquals(900, window.shell().getBounds().width);
        assertEquals(640, window.shell().getBounds().height);
        assertEquals(List.of(new WorkbenchPreferences.RecentConnection("fake:second", "auto"),
                new WorkbenchPreferences.RecentConnection("fake:first", "sma")),
                WorkbenchPreferences.load(userDir).recent());

        // closing the split brings every view to one side; opening it again puts b back on the right
        window.setSplit(false);
        assertEquals(List.of("a", "c", "b"), window.views().ids(ViewArea.LEFT));
        window.setSplit(true);
        assertEquals(List.of("b"), window.views().ids(ViewArea.RIGHT));
    }

    @Test
    void whatDidNotStartShowsAcrossTheTopUntilDismissedAndItsButtonOpensAbout() {
        open();
        window.shell().layout(true, true); // the toolbar's first size is 3 pixels off what a later layout gives it
        Swt.drain();
        Composite bar = window.notice().control();
        int viewsTop = window.views().control().getBounds().y;
        assertFalse(bar.getVisible());
        assertEquals("", window.notice().message());
        String line = "Start-up: example.hang has not finished starting (its activator has not returned);"
                + " 28 bundles after it have not started yet. Help › About shows each bundle's"
                + " state; in a terminal, BMSWB_DEBUG=1 bmswb says why.";
        window.showStartupProblems(line);
        Swt.drain();
        assertTrue(bar.getVisible());
        assertEquals(line, window.notice().message());
        assertTrue(window.views().control().getBounds().y > viewsTop, "the band takes its room above the views");
        Label text = Swt.find(bar, "notice.text");
        int oneLine = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
        org.eclipse.swt.graphics.Point size = window.shell().getSize();
        window.shell().setSize(700, 600);
        Swt.drain();
        assertTrue(text.getBounds().height >= 2 * oneLine - 2, () -> "in a narrow window the text wraps: " + text.getBounds());
        assertTrue(bar.getBounds().width <= window.shell().getClientArea().width);
        window.shell().setSize(size);
        Swt.drain();

        Button action = Swt.find(bar, "notice.action");
        assertEquals("Show bundles…", action.getText());
        action.notifyListeners(SWT.Selection, new Event());
        Shell about = Arrays.stream(Swt.display().getShells()).filter(s -> "about".equals(s.getData("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Help › About did not open"));
        about.close();

        Swt.<Button>find(bar, "notice.dismiss").notifyListeners(SWT.Selection, new Event());
        Swt.drain();
        assertFalse(bar.getVisible());
        assertEquals("", window.notice().message());
        assertEquals(viewsTop, window.views().control().getBounds().y, "dismissed, the views have the room back");

        window.showStartupProblems(line);
        Swt.drain();
        assertFalse(bar.getVisible(), "told the same again (another bundle event), a dismissed notice stays dismissed");
        window.showStartupProblems("Start-up: 1 bundle could not start: example.unresolved.");
        Swt.drain();
        assertTrue(bar.getVisible(), "something new shows");
        window.showStartupProblems(null);
        Swt.drain();
        assertFalse(bar.getVisible(), "all started at last: the notice goes");
    }

    @Test
    void aLongUriIsShortenedInTheStatusBarAndWholeInItsTooltip() {
        open();
        String uri = "fake:sim?protocol=nmea2000&scenario=safety-lock&speed=60&bitrate=250000&label=a-long-bench-name";
        window.connect(uri, "auto");
        Swt.waitUntil("the URI", () -> window.status().text("uri").endsWith("…"));
        assertEquals(uri, window.status().tooltip("uri"));
        assertTrue(window.status().text("uri").replace("&&", "&").startsWith("fake:sim?protocol=nmea2000&scenario=safety-lock"),
                window.status().text("uri"));
        window.connect("fake:short", "auto");
        Swt.waitUntil("the short URI", () -> window.status().text("uri").equals("fake:short"));
        assertEquals("fake:short", window.status().tooltip("uri"));
    }

    @Test
    void thePlaybackBarShowsOnlyForALogAndDrivesItsPlayback() {
        open();
        Composite bar = Swt.find(window.shell(), "playback");
        window.connect("fake:live", "auto");
        Swt.waitUntil("a tick", () -> window.status().text("uri").equals("fake:live"));
        assertFalse(bar.getVisible(), "no playback bar on a live bus");

        FakePlayback playback = new FakePlayback();
        playback.paused = true; // a new replay waits for its consumers
        fakes.opened.clear();
        assertNull(window.openLog(userDir.resolve("capture.log")));
        FakeConnection c = fakes.opened.values().iterator().next();
        assertTrue(c.uri().toString().startsWith("replay:"), c.uri().toString());
        c.state = ConnectionState.CONNECTING;
        Swt.waitUntil("the playback bar to offer Cancel while loading",
                () -> bar.getVisible() && Swt.<org.eclipse.swt.widgets.Button>find(bar, "playback.cancel").getVisible());
        c.control = playback;
        c.state = ConnectionState.CONNECTED;
        Swt.waitUntil("the loading to end", () -> !Swt.<org.eclipse.swt.widgets.Button>find(bar, "playback.cancel").getVisible());
        Swt.waitUntil("the window to start the held replay", () -> !playback.paused);
        Swt.<org.eclipse.swt.widgets.Button>find(bar, "playback.pause").notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertTrue(playback.paused);
        org.eclipse.swt.widgets.Button max = Swt.find(bar, "playback.speed.max");
        max.notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertEquals(Double.POSITIVE_INFINITY, playback.speed);
        org.eclipse.swt.widgets.Scale position = Swt.find(bar, "playback.position");
        position.setSelection(500);
        position.notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertEquals(playback.startMicros() + (playback.endMicros() - playback.startMicros()) / 2, playback.seekedTo);

        assertTrue(window.openLog(userDir.resolve("snapshot.zip")).contains("no transport for snapshot"),
                "a snapshot ZIP opens with snapshot:");
    }

    @Test
    void recordingWritesTheFramesAndExportWritesTheSignals() throws Exception {
        open();
        assertNotNull(window.startRecording(userDir.resolve("x.log")), "nothing to record before connecting");
        window.connect("fake:rec", "auto");
        Path log = userDir.resolve("bench.log");
        assertNull(window.startRecording(log));
        FakeConnection c = fakes.opened.get("fake:rec");
        c.receive(CanFrame.of(1_600_000_000_100_000L, "can0", 0x356, false, new byte[] {(byte) 0xC0, 0x14}));
        c.receive(CanFrame.of(1_600_000_000_200_000L, "can0", 0x355, false, new byte[] {0x57, 0x00}));
        Swt.waitUntil("the status bar to show the recording", () -> window.status().text("recording").contains("2 frames"));
        window.stopRecording();
        assertEquals(List.of("(1600000000.100000) can0 356#C014", "(1600000000.200000) can0 355#5700"), Files.readAllLines(log));
        assertTrue(window.status().text("message").startsWith("Recorded 2 frames"));

        Path blf = userDir.resolve("bench.blf");
        assertNull(window.startRecording(blf));
        c.receive(CanFrame.of(1_600_000_000_300_000L, "can0", 0x356, false, new byte[] {(byte) 0xC0, 0x14}));
        Swt.waitUntil("the status bar to show the BLF recording", () -> window.status().text("recording").contains("1 frame"));
        window.stopRecording();
        byte[] file = Files.readAllBytes(blf);
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        // BLF file header (python-can blf.py FILE_HEADER): "LOGG", file size at 16, object count at 32
        assertEquals(0x4747_4F4C, header.getInt(0));
        assertEquals(file.length, header.getLong(16), "Stop recording completes the header");
        assertEquals(1, header.getInt(32));
        try (CanLogReader reader = CanLogs.open(blf, null, null)) {
            assertEquals(CanFrame.of(1_600_000_000_300_000L, "can0", 0x356, false, new byte[] {(byte) 0xC0, 0x14}),
                    reader.next());
            assertNull(reader.next());
        }

        fakes.sessions.get(0).put(Map.of("pack.voltage", 53.12, "bms.manufacturer", "MG, Energy"));
        Path csv = userDir.resolve("signals.csv");
        assertNull(window.exportSignals(csv));
        assertEquals(List.of("key,value,unit,time,protocol", "bms.manufacturer,\"MG, Energy\",,2020-09-13T12:26:40Z,sma",
                "pack.voltage,53.12,V,2020-09-13T12:26:40Z,sma"), Files.readAllLines(csv));
    }
}
