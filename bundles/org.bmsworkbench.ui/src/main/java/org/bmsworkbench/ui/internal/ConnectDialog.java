package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.ui.internal.WorkbenchPreferences.RecentConnection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Connection → Connect: transport, the adapters found on this machine (searched off the UI
 * thread), bit rate, protocol, recent connections, and the URI they make, which can also be
 * typed. A URI that cannot be used is explained in the dialog itself, which stays open.
 * Non-blocking: {@link #open()} shows the dialog and returns; a successful connect closes it.
 */
final class ConnectDialog {
    static final String[] BIT_RATES = {"transport default", "125000", "250000", "500000", "1000000"};
    /** The widest the dialog grows, in pixels, and never wider than the screen: fits 1280×800. */
    static final int MAX_WIDTH = 720;
    /** The width of the combo boxes: a long item no longer widens them (it is elided, in full as tooltip). */
    private static final int FIELD_WIDTH = 440;
    /** Characters of a combo item before it is elided with "…". */
    static final int MAX_ITEM = 64;

    /** What the dialog asks to open. */
    record Request(String uri, String protocol) {
    }

    private final Shell shell;
    private final Combo transport;
    private final TransportChoice transportChoice;
    private final Combo adapter;
    private final AdapterChoice adapterChoice;
    private final Combo bitRate;
    private final Combo protocol;
    private final Combo recent;
    private final Text uri;
    private final Label error;
    private final Button connect;
    private final List<String> protocolIds = new ArrayList<>();
    private final List<RecentConnection> recentConnections;
    private final Function<Request, String> opener;

    /**
     * @param transports  description by scheme ({@code Connections.transports()})
     * @param protocols   installed protocols: label by id
     * @param discover    finds adapters; run on {@code worker}, the result shown through {@code ui}
     * @param opener      opens a request; returns null on success, or the message to show
     */
    ConnectDialog(Shell parent, Map<String, String> transports, Map<String, String> protocols,
            List<RecentConnection> recentConnections, Supplier<List<DiscoveredAdapter>> discover, Executor worker,
            Executor ui, Function<Request, String> opener) {
        this.recentConnections = recentConnections;
        this.opener = opener;
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        shell.setText("Connect");
        shell.setData("name", "connect.dialog");
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 14;
        layout.marginHeight = 14;
        layout.verticalSpacing = 8;
        shell.setLayout(layout);

        recent = combo("Recent", "recent", SWT.READ_ONLY);
        for (RecentConnection r : recentConnections) {
            recent.add(elide(recentText(r)));
        }
        if (recentConnections.isEmpty()) {
            recent.add("(none yet)");
            recent.select(0);
            recent.setEnabled(false);
        }
        new Label(shell, SWT.NONE);

        transport = combo("Transport", "transport", SWT.READ_ONLY);
        new Label(shell, SWT.NONE);
        // the whole description, wrapped under the list: the list shows only its first part
        new Label(shell, SWT.NONE);
        Label transportDescription = new Label(shell, SWT.WRAP);
        transportDescription.setData("name", "transport.description");
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        td.widthHint = FIELD_WIDTH;
        transportDescription.setLayoutData(td);
        transportChoice = new TransportChoice(transport, transportDescription, transports);

        adapter = combo("Adapter", "adapter", SWT.READ_ONLY);
        adapterChoice = new AdapterChoice(adapter, discover, worker, ui);
        Button refresh = new Button(shell, SWT.PUSH);
        refresh.setText("Search again");
        refresh.addListener(SWT.Selection, e -> adapterChoice.search());

        bitRate = combo("Bit rate", "bitrate", SWT.DROP_DOWN);
        for (String b : BIT_RATES) {
            bitRate.add(b);
        }
        bitRate.select(0);
        new Label(shell, SWT.NONE).setText("bit/s");

        protocol = combo("Protocol", "protocol", SWT.READ_ONLY);
        protocol.add("auto — detect from the frames");
        protocolIds.add("auto");
        protocols.forEach((id, label) -> {
            protocol.add(elide(id + " — " + label));
            protocolIds.add(id);
        });
        protocol.select(0);
        new Label(shell, SWT.NONE);

        Label uriLabel = new Label(shell, SWT.NONE);
        uriLabel.setText("URI");
        uri = new Text(shell, SWT.BORDER | SWT.SINGLE);
        uri.setData("name", "uri");
        GridData ud = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        ud.widthHint = FIELD_WIDTH;
        uri.setLayoutData(ud);
        uri.setMessage("e.g. sim:, slcan:/dev/ttyACM0?bitrate=500000, socketcand://host:29536/can0");

        error = new Label(shell, SWT.WRAP);
        error.setData("name", "error");
        error.setForeground(Palette.bad(shell.getDisplay()));
        GridData ed = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        ed.widthHint = FIELD_WIDTH + 60;
        error.setLayoutData(ed);

        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 3, 1));
        buttons.setLayout(new GridLayout(2, true));
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel.addListener(SWT.Selection, e -> shell.close());
        connect = new Button(buttons, SWT.PUSH);
        connect.setText("Connect");
        connect.setData("name", "connect");
        connect.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        connect.addListener(SWT.Selection, e -> connect());
        shell.setDefaultButton(connect);

        transport.addListener(SWT.Selection, e -> {
            describeTransport();
            composeUri();
        });
        for (Combo c : List.of(recent, transport, adapter, protocol)) {
            c.addListener(SWT.Selection, e -> c.setToolTipText(fullItem(c)));
        }
        adapter.addListener(SWT.Selection, e -> adapterChosen());
        bitRate.addListener(SWT.Selection, e -> uri.setText(withBitRate(uri.getText().strip())));
        bitRate.addListener(SWT.DefaultSelection, e -> uri.setText(withBitRate(uri.getText().strip())));
        recent.addListener(SWT.Selection, e -> recentChosen());
        uri.addListener(SWT.Modify, e -> error.setText(""));

        if (!recentConnections.isEmpty()) {
            recent.select(0);
            recentChosen();
        } else if (transportChoice.select("sim")) {
            composeUri();
        }
        describeTransport();
        adapterChoice.search();
        fitTo(shell.getParent().getMonitor().getClientArea());
    }

    /**
     * Packs the dialog, at most {@link #MAX_WIDTH} wide and never larger than {@code screen}, and
     * places it over the window, wholly on {@code screen}.
     */
    void fitTo(Rectangle screen) {
        Point preferred = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        int width = Math.min(preferred.x, Math.min(MAX_WIDTH, screen.width - 40));
        Point size = shell.computeSize(width, SWT.DEFAULT);
        shell.setSize(width, Math.min(size.y, screen.height - 40));
        Point parent = shell.getParent().getLocation();
        int x = Math.max(screen.x, Math.min(parent.x + 80, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(parent.y + 80, screen.y + screen.height - shell.getSize().y));
        shell.setLocation(x, y);
    }

    /** {@code text} cut to at most {@link #MAX_ITEM} characters, at a word where it can, ending in "…" when cut. */
    static String elide(String text) {
        if (text.length() <= MAX_ITEM) {
            return text;
        }
        String cut = text.substring(0, MAX_ITEM - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_ITEM / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,;:—-]+$", "") + "…";
    }

    private void describeTransport() {
        transportChoice.describe();
        if (shell.isVisible()) {
            shell.layout(true, true);
        }
    }

    /** The whole text of a combo's selected item (adapters, recent connections: elided in the list). */
    private String fullItem(Combo c) {
        int i = c.getSelectionIndex();
        if (c == adapter && adapterChoice.selected() != null) {
            return adapterChoice.selectedText();
        }
        if (c == recent && i >= 0 && i < recentConnections.size()) {
            return recentText(recentConnections.get(i));
        }
        if (c == transport && i >= 0) {
            return transportChoice.selectedText();
        }
        return i < 0 ? null : c.getItem(i);
    }

    private Combo combo(String label, String name, int style) {
        new Label(shell, SWT.NONE).setText(label);
        Combo c = new Combo(shell, style);
        c.setData("name", name);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = FIELD_WIDTH;
        c.setLayoutData(d);
        c.setVisibleItemCount(12);
        return c;
    }

    void open() {
        shell.open();
        uri.setFocus();
    }

    Shell shell() {
        return shell;
    }

    /**
     * Marks the transports that cannot work on this machine (a vendor library is missing) with
     * the reason, which says what to install. On the UI thread, once the worker has asked.
     */
    void unavailable(Map<String, String> reasons) {
        if (shell.isDisposed()) {
            return;
        }
        transportChoice.markUnavailable(reasons);
        describeTransport();
    }

    private static String recentText(RecentConnection r) {
        return r.uri() + ("auto".equals(r.protocol()) ? "" : "   (" + r.protocol() + ")");
    }

    private void adapterChosen() {
        DiscoveredAdapter a = adapterChoice.selected();
        if (a == null) {
            return;
        }
        if (transportChoice.select(a.scheme())) {
            describeTransport();
        }
        uri.setText(withBitRate(a.uri()));
    }

    private void recentChosen() {
        int i = recent.getSelectionIndex();
        if (i < 0 || i >= recentConnections.size()) {
            return;
        }
        RecentConnection r = recentConnections.get(i);
        // the bit rate list shows the URI's own bitrate option, so that it is not taken for "transport default"
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("[?&]bitrate=([^&]*)").matcher(r.uri());
        int known = rate.find() ? List.of(BIT_RATES).indexOf(rate.group(1)) : 0;
        if (known >= 0) {
            bitRate.select(known);
        } else {
            bitRate.setText(rate.group(1));
        }
        uri.setText(r.uri());
        int p = protocolIds.indexOf(r.protocol());
        if (p < 0) {
            // remembered, but not installed now: kept, so the session decodes as soon as it arrives
            protocol.add(r.protocol() + " — not installed now");
            protocolIds.add(r.protocol());
            p = protocolIds.size() - 1;
        }
        protocol.select(p);
        try {
            String scheme = ConnectionUri.parse(r.uri()).scheme();
            if (transportChoice.select(scheme)) {
                describeTransport();
            }
        } catch (InvalidUriException e) {
            // a remembered URI that no longer parses is shown as is; connect will explain it
        }
    }

    private void composeUri() {
        String scheme = transportChoice.selectedScheme();
        if (scheme == null) {
            return;
        }
        String base = uri.getText().strip();
        int colon = base.indexOf(':');
        boolean sameScheme = colon > 0 && base.substring(0, colon).equalsIgnoreCase(scheme);
        if (!sameScheme) {
            base = scheme + ":";
        }
        uri.setText(withBitRate(base));
    }

    /** The URI with the chosen bit rate as its {@code bitrate} option (replacing one already there). */
    String withBitRate(String base) {
        String rate = bitRate.getText().strip();
        String withoutRate = base.replaceAll("([?&])bitrate=[^&]*&?", "$1").replaceAll("[?&]$", "");
        if (rate.isEmpty() || rate.equals(BIT_RATES[0])) {
            return withoutRate;
        }
        return withoutRate + (withoutRate.contains("?") ? "&" : "?") + "bitrate=" + rate;
    }

    void connect() {
        String typed = uri.getText().strip();
        if (typed.isEmpty()) {
            error.setText("Type a connection URI, or choose a transport or adapter above.");
            shell.layout(true, true);
            return;
        }
        if (!bitRate.getText().strip().matches("\\d*|" + BIT_RATES[0])) {
            error.setText("Bit rate '" + bitRate.getText().strip() + "' is not a whole number of bit/s.");
            shell.layout(true, true);
            return;
        }
        String problem = opener.apply(new Request(typed, protocolIds.get(Math.max(0, protocol.getSelectionIndex()))));
        if (problem == null) {
            shell.close();
        } else {
            error.setText(problem);
            // the message wraps: the dialog grows downwards only, never wider than it may be
            Rectangle screen = shell.getMonitor().getClientArea();
            Point size = shell.computeSize(shell.getSize().x, SWT.DEFAULT);
            shell.setSize(shell.getSize().x, Math.min(Math.max(shell.getSize().y, size.y), screen.height - 40));
            shell.layout(true, true);
        }
    }

}
