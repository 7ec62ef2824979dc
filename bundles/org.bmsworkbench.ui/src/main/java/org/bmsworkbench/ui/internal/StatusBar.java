package org.bmsworkbench.ui.internal;

import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The bottom line of the window: connection state, URI, protocol, frames/s, bus load, error
 * counts, the recording and the last message. Updated by the window's timer; a label is only
 * touched when its text changed, so an idle bar costs nothing.
 */
final class StatusBar {
    private final Composite bar;
    private final Label state;
    private final Label uri;
    private final Label protocol;
    private final Label rate;
    private final Label busLoad;
    private final Label errors;
    private final Label recording;
    private final Label message;
    private static final int URI_MAX_WIDTH = 420;
    private ConnectionState shownState;

    StatusBar(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(15, false);
        layout.marginHeight = 3;
        layout.marginWidth = 8;
        layout.horizontalSpacing = 6;
        bar.setLayout(layout);
        state = field(160, "connection state");
        uri = field(260, "connection URI");
        protocol = field(220, "protocol");
        rate = field(110, "frames per second, received and sent");
        busLoad = field(110, "share of the bit rate used over the last second");
        errors = field(240, "CAN error frames, adapter errors and frames that could not be decoded"); // "errors 12 (3 bus, 9 adapter)"
        recording = field(-1, "recording");
        message = new Label(bar, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message.setData("name", "status.message");
        state.setFont(Fonts.bold(state));
        recording.setText("x");
        set(recording, "");
    }

    private Label field(int width, String tooltip) {
        Label l = new Label(bar, SWT.NONE);
        GridData gd = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        gd.widthHint = width;
        l.setLayoutData(gd);
        l.setToolTipText(tooltip);
        Label sep = new Label(bar, SWT.SEPARATOR | SWT.VERTICAL);
        GridData sd = new GridData(SWT.BEGINNING, SWT.FILL, false, false);
        sd.heightHint = 16;
        sep.setLayoutData(sd);
        l.setData("sep", sep);
        return l;
    }

    Composite control() {
        return bar;
    }

    void update(WorkbenchSession session, String recordingText) {
        StatusFields f = StatusFields.of(session);
        set(state, f.connectionState() == null ? "○ Disconnected" : "● " + f.state());
        state.setToolTipText(f.stateDetail().isEmpty() ? "connection state" : f.stateDetail());
        if (f.connectionState() != shownState) {
            shownState = f.connectionState();
            state.setForeground(stateColor(shownState));
        }
        fitUri(f.uri());
        set(protocol, f.protocol());
        set(rate, f.rate());
        set(busLoad, f.busLoad());
        set(errors, f.errors());
        set(recording, recordingText);
    }

    /**
     * The URI as wide as it is, from 160 up to 420 pixels; a longer one is cut with "…" at the
     * end. The tooltip always has it whole.
     */
    private void fitUri(String text) {
        if (text.equals(uri.getData("uri"))) {
            return;
        }
        uri.setData("uri", text);
        uri.setToolTipText(text.isEmpty() ? "connection URI" : text);
        GC gc = new GC(uri);
        try {
            String full = StatusFields.shortUri(text); // a local path by its file name; the tooltip has it all
            String shown = full;
            for (int cut = full.length(); cut > 8 && gc.textExtent(shown).x > URI_MAX_WIDTH; cut--) {
                shown = full.substring(0, cut - 1) + "…";
            }
            set(uri, shown.replace("&", "&&")); // a label reads a lone & as a mnemonic
            int width = Math.max(160, Math.min(URI_MAX_WIDTH, gc.textExtent(shown).x + 8));
            GridData gd = (GridData) uri.getLayoutData();
            if (gd.widthHint != width) {
                gd.widthHint = width;
                bar.layout();
            }
        } finally {
            gc.dispose();
        }
    }

    private Color stateColor(ConnectionState s) {
        if (s == null) {
            return bar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        }
        return switch (s) {
            case CONNECTED -> Palette.good(bar.getDisplay());
            case RECONNECTING, CONNECTING, WAITING_FOR_TRANSPORT -> Palette.warning(bar.getDisplay());
            case FAILED -> Palette.bad(bar.getDisplay());
            case CLOSED -> bar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        };
    }

    void showMessage(String text) {
        set(message, text == null ? "" : text);
        message.setToolTipText(text);
    }

    String text(String which) {
        return switch (which) {
            case "state" -> state.getText();
            case "uri" -> uri.getText();
            case "protocol" -> protocol.getText();
            case "rate" -> rate.getText();
            case "busLoad" -> busLoad.getText();
            case "errors" -> errors.getText();
            case "recording" -> recording.getText();
            case "message" -> message.getText();
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** For tests: a field's tooltip ("uri" only). */
    String tooltip(String which) {
        if (!which.equals("uri")) {
            throw new IllegalArgumentException(which);
        }
        return uri.getToolTipText();
    }

    private void set(Label label, String text) {
        if (!label.getText().equals(text)) {
            label.setText(text);
            if (label == recording) {
                Label sep = (Label) label.getData("sep");
                for (Label l : new Label[] {label, sep}) {
                    ((GridData) l.getLayoutData()).exclude = text.isEmpty();
                    l.setVisible(!text.isEmpty());
                }
                bar.layout();
            }
        }
    }
}
