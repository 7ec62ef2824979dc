package org.bmsworkbench.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.internal.ViewCatalog.ToolEntry;
import org.bmsworkbench.ui.internal.WorkbenchPreferences.RecentConnection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The workbench window: menus, toolbar, the view tabs, the playback bar and the status bar, and
 * the session they show. One timer on the UI thread ({@value #REFRESH_MILLIS} ms) refreshes the
 * visible views, the status bar and the playback bar; nothing else reaches the UI from the
 * frames. Every method runs on the Display's thread.
 */
final class WorkbenchWindow {
    static final int REFRESH_MILLIS = 100;
    static final String TITLE = "BMS Workbench";

    private final Display display;
    private final WorkbenchServices services;
    private final WorkbenchPreferences prefs;
    private final UiExecutor ui;
    private final ExecutorService worker;
    private final Runnable tick = this::tick;
    private Shell shell;
    private ViewArea views;
    private StatusBar status;
    private NoticeBar notice;
    private PlaybackBar playback;
    private WindowMenus menus;
    private OpenSession session;
    private Recorder recorder;
    private Runnable stopWatchingCatalog = () -> { };
    /** The timer's refreshes: count, total and longest nanoseconds, for {@code --responsiveness}. */
    private final long[] tickTimes = new long[3];

    WorkbenchWindow(Display display, WorkbenchServices services) {
        this.display = display;
        this.services = services;
        this.prefs = WorkbenchPreferences.load(services.userDir());
        this.ui = new UiExecutor(display);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bmswb-ui-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds and shows the window with a tab for every installed view. */
    void open() {
        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText(TITLE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        shell.setLayout(layout);
        WindowContext context = new WindowContext(this, ui);
        menus = new WindowMenus(this);
        menus.create(shell);
        new Label(shell, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        notice = new NoticeBar(shell, "Show bundles…", this::openAbout);
        views = new ViewArea(shell, context, prefs, services.problems());
        GridData vd = new GridData(SWT.FILL, SWT.FILL, true, true);
        vd.horizontalIndent = 6;
        views.control().setLayoutData(vd);
        ((GridLayout) shell.getLayout()).marginBottom = 0;
        playback = new PlaybackBar(shell, this::disconnect);
        playback.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(shell, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new StatusBar(shell);
        status.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        playback.update(null);
        status.update(null, "");
        restoreBounds();
        shell.addListener(SWT.Close, e -> saveLayout());
        shell.addListener(SWT.Dispose, e -> release());
        views.sync(services.catalog().views());
        // a view arriving or leaving is handed to the UI thread: one task per service change, never per frame
        stopWatchingCatalog = services.catalog().onChange(() -> ui.execute(this::syncViews));
        shell.open();
        display.timerExec(REFRESH_MILLIS, tick);
    }

    private void syncViews() {
        if (!shell.isDisposed()) {
            views.sync(services.catalog().views());
        }
    }

    /** Runs the event loop until the window is closed. */
    void runUntilClosed() {
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    private void tick() {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        long start = System.nanoTime();
        status.update(session, recorder == null ? "" : recorder.statusText());
        if (playback.update(session)) {
            shell.layout(true, false);
        }
        menus.update();
        views.refreshVisible();
        long took = System.nanoTime() - start;
        tickTimes[0]++;
        tickTimes[1] += took;
        tickTimes[2] = Math.max(tickTimes[2], took);
        display.timerExec(REFRESH_MILLIS, tick);
    }

    /** The timer's refreshes since the last reset: {count, total ns, longest ns}. */
    long[] refreshTimes() {
        return tickTimes.clone();
    }

    /** Forgets the refresh times of the window and of every view. */
    void resetRefreshTimes() {
        Arrays.fill(tickTimes, 0);
        views.resetRefreshTimes();
    }

    /**
     * Opens a connection and shows it in every view; the previous session is closed.
     *
     * @return null when opened (the connection then comes up in the background), else why not
     */
    String connect(String uri, String protocol) {
        OpenSession opened;
        try {
            opened = OpenSession.open(services.connections(), services.sessions(), uri, protocol);
        } catch (InvalidUriException e) {
            return e.getMessage();
        } catch (IllegalStateException e) {
            return "cannot open " + uri + ": " + e.getMessage();
        }
        closeSession();
        session = opened;
        prefs.remember(new RecentConnection(opened.uri(), protocol == null ? "auto" : protocol));
        shell.setText(TITLE + " — " + opened.uri());
        views.sessionChanged(opened);
        showStatus("");
        tick();
        return null;
    }

    void disconnect() {
        closeSession();
        shell.setText(TITLE);
        views.sessionChanged(null);
        tick();
    }

    private void closeSession() {
        stopRecording();
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** File → Open: a CAN log (any format the log readers know) is replayed ({@code replay:}), a ZIP reopened as a snapshot. */
    String openLog(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String scheme = name.endsWith(".zip") ? "snapshot:" : "replay:";
        return connect(scheme + file.toAbsolutePath(), "auto");
    }

    String startRecording(Path file) {
        if (session == null) {
            return "Connect first: there is nothing to record.";
        }
        stopRecording();
        try {
            recorder = Recorder.start(session.connection(), file);
            showStatus("Recording to " + file);
            return null;
        } catch (IOException | RuntimeException e) {
            return "Cannot record to " + file + ": " + e.getMessage();
        }
    }

    void stopRecording() {
        if (recorder == null) {
            return;
        }
        Recorder r = recorder;
        recorder = null;
        try {
            r.close();
            showStatus(String.format(Locale.ROOT, "Recorded %,d frames to %s", r.framesWritten(), r.file()));
        } catch (IOException e) {
            showStatus("Recording to " + r.file() + " could not be closed: " + e.getMessage());
        }
    }

    String exportSignals(Path file) {
        if (session == null) {
            return "Connect or open a log first: there are no signals to export.";
        }
        try {
            int n = SignalsCsv.write(session.model(), services.protocols().signals(), file);
            showStatus("Exported " + n + " signals to " + file);
            return null;
        } catch (IOException e) {
            return "Cannot write " + file + ": " + e.getMessage();
        }
    }

    ConnectDialog openConnectDialog() {
        Map<String, String> protocols = new LinkedHashMap<>();
        for (BmsProtocol p : services.protocols().protocols()) {
            protocols.put(p.id(), p.label());
        }
        ConnectDialog dialog = new ConnectDialog(shell, services.connections().transports(), protocols, prefs.recent(),
                services.connections()::discoverAdapters, worker, ui, r -> connect(r.uri(), r.protocol()));
        // asking loads vendor libraries (pcan:, kvaser:): off the UI thread, like the adapter search
        worker.execute(() -> {
            Map<String, String> unavailable = services.connections().unavailableTransports();
            if (!unavailable.isEmpty()) {
                ui.execute(() -> dialog.unavailable(unavailable));
            }
        });
        dialog.open();
        return dialog;
    }

    /** What the views and tools get: the command's --open-tool opens a tool through it as a view would. */
    WorkbenchContext context() {
        return new WindowContext(this, ui);
    }

    void openTool(ToolEntry tool) {
        try {
            tool.tool().open(new WindowContext(this, ui));
        } catch (RuntimeException | LinkageError e) {
            services.problems().accept("tool " + tool.id() + " failed to open", e);
            showStatus("The tool '" + tool.label() + "' failed to open: " + e);
        }
    }

    /**
     * Shows, across the top of the window until dismissed, what did not start with the product
     * ({@link StartupProblems}), with a button to Help › About and its table of bundle states; null
     * when all is well, which hides it. Told again as bundles start later ({@link StartupWatch}): the
     * line last shown (and perhaps dismissed) is not shown again.
     */
    void showStartupProblems(String line) {
        if (!shell.isDisposed()) {
            notice.show(line);
        }
    }

    /** Help › About: the product, its Java and every bundle with its state. */
    Shell openAbout() {
        return AboutDialog.open(shell, services.version(), services.bundles().get());
    }

    void showStatus(String message) {
        if (status != null && !shell.isDisposed()) {
            status.showMessage(message);
        }
    }

    private void restoreBounds() {
        int[] b = prefs.ints("window.bounds");
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        if (b.length == 4 && b[2] >= 400 && b[3] >= 300 && screen.intersects(b[0], b[1], b[2], b[3])) {
            shell.setBounds(b[0], b[1], b[2], b[3]);
        } else {
            int w = Math.min(1280, screen.width - 40);
            int h = Math.min(820, screen.height - 40);
            shell.setBounds(screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
        }
        shell.setMaximized(prefs.bool("window.maximized", false));
    }

    /** Writes the layout and recent connections to the preferences file. */
    void saveLayout() {
        if (shell.isDisposed()) {
            return;
        }
        if (!shell.getMaximized()) {
            Rectangle r = shell.getBounds();
            prefs.putInts("window.bounds", r.x, r.y, r.width, r.height);
        }
        prefs.put("window.maximized", Boolean.toString(shell.getMaximized()));
        views.remember();
        try {
            prefs.save();
        } catch (IOException e) {
            services.problems().accept("cannot save the window layout to " + prefs.file(), e);
        }
    }

    private void release() {
        stopWatchingCatalog.run();
        closeSession();
        views.dispose();
        worker.shutdownNow();
    }

    /** Closes the window as the user would: the layout is saved, the session closed. */
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.close();
        }
    }

    boolean isSplit() {
        return views.isSplit();
    }

    void setSplit(boolean split) {
        views.setSplit(split);
    }

    // what the menus, the context and the tests work with
    Shell shell() {
        return shell;
    }

    WorkbenchSession session() {
        return session;
    }

    ViewCatalog catalog() {
        return services.catalog();
    }

    WorkbenchServices services() {
        return services;
    }

    ViewArea views() {
        return views;
    }

    NoticeBar notice() {
        return notice;
    }

    StatusBar status() {
        return status;
    }

    PlaybackBar playback() {
        return playback;
    }

    boolean isRecording() {
        return recorder != null;
    }

    ExecutorService worker() {
        return worker;
    }

    UiExecutor ui() {
        return ui;
    }
}
