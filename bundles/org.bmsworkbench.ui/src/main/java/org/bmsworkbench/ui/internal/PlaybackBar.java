package org.bmsworkbench.ui.internal;

import java.util.Locale;
import java.util.Optional;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Scale;

/**
 * The bar above the status bar for a log or snapshot being browsed: pause, speed ×1/×10/max, a
 * seek slider and the position; while the source loads, a progress bar and Cancel. Hidden for a
 * live bus. Updated by the window's timer.
 */
final class PlaybackBar {
    private static final int SCALE_STEPS = 1000;
    private static final double[] SPEEDS = {1, 10, PlaybackControl.AS_FAST_AS_POSSIBLE};

    private final Composite bar;
    private final Button pause;
    private final Button[] speeds = new Button[SPEEDS.length];
    private final Scale position;
    private final Label where;
    private final ProgressBar loading;
    private final Button cancel;
    private PlaybackControl control;
    /** The last control started: a new replay waits, paused, until its consumers have subscribed. */
    private PlaybackControl started;
    private boolean dragging;

    PlaybackBar(Composite parent, Runnable cancelLoad) {
        bar = new Composite(parent, SWT.NONE);
        bar.setData("name", "playback");
        GridLayout layout = new GridLayout(9, false);
        layout.marginWidth = 8;
        layout.marginHeight = 2;
        bar.setLayout(layout);
        pause = new Button(bar, SWT.PUSH);
        pause.setData("name", "playback.pause");
        pause.setText("Pause");
        GridData pd = new GridData();
        pd.widthHint = 80;
        pause.setLayoutData(pd);
        pause.addListener(SWT.Selection, e -> togglePause());
        String[] names = {"×1", "×10", "max"};
        for (int i = 0; i < SPEEDS.length; i++) {
            double speed = SPEEDS[i];
            speeds[i] = new Button(bar, SWT.TOGGLE);
            speeds[i].setText(names[i]);
            speeds[i].setData("name", "playback.speed." + names[i]);
            speeds[i].setToolTipText(i == 2 ? "as fast as the views take frames" : "play at " + names[i] + " real time");
            speeds[i].addListener(SWT.Selection, e -> setSpeed(speed));
        }
        position = new Scale(bar, SWT.HORIZONTAL);
        position.setData("name", "playback.position");
        position.setMinimum(0);
        position.setMaximum(SCALE_STEPS);
        position.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        position.addListener(SWT.MouseDown, e -> dragging = true);
        position.addListener(SWT.MouseUp, e -> dragging = false);
        position.addListener(SWT.Selection, e -> seekTo(position.getSelection()));
        where = new Label(bar, SWT.NONE);
        GridData wd = new GridData();
        // as wide as the longest position it shows, so the frame counts are never cut off
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(where);
        try {
            wd.widthHint = gc.textExtent("00:00:00 / 00:00:00   000,000,000 of 000,000,000 frames").x + 12;
        } finally {
            gc.dispose();
        }
        where.setLayoutData(wd);
        loading = new ProgressBar(bar, SWT.INDETERMINATE);
        cancel = new Button(bar, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData("name", "playback.cancel");
        cancel.addListener(SWT.Selection, e -> cancelLoad.run());
        showLoading(false);
    }

    Composite control() {
        return bar;
    }

    /** Shows the bar for an offline session, hides it otherwise. Returns true when visibility changed. */
    boolean update(WorkbenchSession session) {
        boolean visible = session != null && session.isOffline();
        boolean changed = visible != bar.getVisible();
        bar.setVisible(visible);
        ((GridData) bar.getLayoutData()).exclude = !visible;
        if (!visible) {
            control = null;
            return changed;
        }
        ConnectionState state = session.connection().state();
        Optional<PlaybackControl> c = session.playback();
        control = c.orElse(null);
        if (control != null && control != started) {
            started = control;
            control.resume(); // the session subscribed when it was opened, so nothing is missed
        }
        boolean isLoading = state == ConnectionState.CONNECTING || state == ConnectionState.WAITING_FOR_TRANSPORT
                || (control != null && control.totalFrames() < 0);
        showLoading(isLoading);
        pause.setEnabled(control != null);
        position.setEnabled(control != null);
        for (int i = 0; i < speeds.length; i++) {
            speeds[i].setEnabled(control != null);
            speeds[i].setSelection(control != null && control.speed() == SPEEDS[i]);
        }
        if (control == null) {
            String text = switch (state) {
                case CONNECTING, WAITING_FOR_TRANSPORT -> "Loading " + session.uri() + " …";
                case FAILED -> "Could not open: " + session.connection().stateDetail();
                default -> "Playback ended";
            };
            setWhere(text);
            return changed;
        }
        pause.setText(control.isPaused() ? "Play" : "Pause");
        long start = control.startMicros();
        long span = Math.max(1, control.endMicros() - start);
        long at = control.positionMicros() - start;
        if (!dragging) {
            int sel = (int) Math.max(0, Math.min(SCALE_STEPS, at * SCALE_STEPS / span));
            if (position.getSelection() != sel) {
                position.setSelection(sel);
            }
        }
        long total = control.totalFrames();
        setWhere(String.format(Locale.ROOT, "%s / %s   %,d%s frames", seconds(at), seconds(span), control.framesPlayed(),
                total < 0 ? "" : String.format(Locale.ROOT, " of %,d", total)));
        return changed;
    }

    private static String seconds(long micros) {
        long s = Math.max(0, micros) / 1_000_000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private void setWhere(String text) {
        text = text.replace("&", "&&");
        if (!where.getText().equals(text)) {
            where.setText(text);
        }
    }

    private void showLoading(boolean on) {
        if (loading.getVisible() == on) {
            return;
        }
        for (var c : new org.eclipse.swt.widgets.Control[] {loading, cancel}) {
            c.setVisible(on);
            GridData gd = new GridData();
            gd.exclude = !on;
            c.setLayoutData(gd);
        }
        bar.layout();
    }

    private void togglePause() {
        if (control == null) {
            return;
        }
        if (control.isPaused()) {
            control.resume();
        } else {
            control.pause();
        }
        pause.setText(control.isPaused() ? "Play" : "Pause");
    }

    private void setSpeed(double speed) {
        if (control != null) {
            control.setSpeed(speed);
        }
        for (int i = 0; i < SPEEDS.length; i++) {
            speeds[i].setSelection(SPEEDS[i] == speed);
        }
    }

    private void seekTo(int step) {
        if (control == null) {
            return;
        }
        long start = control.startMicros();
        long span = Math.max(0, control.endMicros() - start);
        control.seek(start + span * step / SCALE_STEPS);
    }
}
