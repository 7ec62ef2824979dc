package org.bmsworkbench.ui.network.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** The widgets of the Network view, laid out; no behaviour. UI thread only. */
final class NetworkControls {
    private static final int[] DEVICE_WIDTHS = {90, 70, 150, 120, 80, 70, 80, 170, 75};
    private static final int[] DEVICE_ALIGNS = {SWT.LEFT, SWT.RIGHT, SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.LEFT, SWT.LEFT,
        SWT.LEFT, SWT.RIGHT};
    private static final int[] BATTERY_WIDTHS = {150, 70, 200, 70, 80, 80, 100, 60, 75};
    private static final int[] BATTERY_ALIGNS = {SWT.LEFT, SWT.RIGHT, SWT.LEFT, SWT.RIGHT, SWT.RIGHT, SWT.RIGHT,
        SWT.RIGHT, SWT.RIGHT, SWT.RIGHT};

    static final int MIN_DEVICE_ROWS = 3;
    static final int MIN_BATTERY_ROWS = 2;

    /** Calm tones readable on white, as the Alarms view's banners: amber for "choose one". */
    static final int[] AMBER_BACKGROUND = {255, 244, 214}, AMBER_TEXT = {122, 82, 0};
    static final int[] FOLLOWED_BACKGROUND = {222, 242, 222};

    final Composite root;
    final StackLayout rootStack = new StackLayout();
    final Label message;
    final Composite content;
    final Composite choiceBand;
    final Label choice;
    final Button ask;
    final Button follow;
    final Button automatic;
    final Label devicesHeading;
    final RowTable devices;
    final Label detail;
    final Label batteriesHeading;
    final RowTable batteries;
    final Color amberBackground;
    final Color amberText;
    final Color followedBackground;
    final Font bold;
    private Boolean amberShown;

    NetworkControls(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(rootStack);
        amberBackground = colour(AMBER_BACKGROUND);
        amberText = colour(AMBER_TEXT);
        followedBackground = colour(FOLLOWED_BACKGROUND);
        FontData[] fd = root.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(root.getDisplay(), fd);
        root.addListener(SWT.Dispose, e -> {
            amberBackground.dispose();
            amberText.dispose();
            followedBackground.dispose();
            bold.dispose();
        });
        message = new Label(root, SWT.CENTER | SWT.WRAP);

        content = new Composite(root, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 8;
        gl.marginHeight = 8;
        gl.verticalSpacing = 6;
        content.setLayout(gl);

        choiceBand = new Composite(content, SWT.NONE);
        GridLayout bl = new GridLayout(4, false);
        bl.marginWidth = 8;
        bl.marginHeight = 6;
        choiceBand.setLayout(bl);
        choiceBand.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        choice = new Label(choiceBand, SWT.WRAP);
        GridData cd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        cd.widthHint = 400; // wrap within the view instead of asking for one long line's width
        choice.setLayoutData(cd);
        ask = new Button(choiceBand, SWT.PUSH);
        ask.setText("Ask the devices");
        ask.setToolTipText("Claim an address for the workbench and ask every device for its address claim and product"
                + " information (ISO Requests for PGN 60928 and 126996). Nothing is sent until you press it.");
        ask.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        follow = new Button(choiceBand, SWT.PUSH);
        follow.setText("Follow");
        follow.setToolTipText("Have the session follow the selected device or battery (double-click a row does the same)");
        follow.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        automatic = new Button(choiceBand, SWT.PUSH);
        automatic.setText("Automatic");
        automatic.setToolTipText("Go back to the automatic choice: the identified BMS, else the only battery sender");
        automatic.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        RowTable.Styles styles = new RowTable.Styles(followedBackground, bold,
                root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        devicesHeading = heading(content);
        devices = new RowTable(content, NetworkRows.DEVICE_TITLES, DEVICE_WIDTHS, DEVICE_ALIGNS, styles);
        devices.table().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        detail = new Label(content, SWT.WRAP);
        GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
        dd.widthHint = 400;
        dd.heightHint = detail.computeSize(SWT.DEFAULT, SWT.DEFAULT).y * 2 + 2;
        detail.setLayoutData(dd);
        batteriesHeading = heading(content);
        ((GridData) batteriesHeading.getLayoutData()).verticalIndent = 6;
        batteries = new RowTable(content, NetworkRows.BATTERY_TITLES, BATTERY_WIDTHS, BATTERY_ALIGNS, styles);
        batteries.table().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        content.addListener(SWT.Resize, e -> fitTables());
        rootStack.topControl = message;
    }

    private Color colour(int[] rgb) {
        return new Color(root.getDisplay(), rgb[0], rgb[1], rgb[2]);
    }

    private static Composite section(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        l.marginHeight = 2;
        l.verticalSpacing = 4;
        c.setLayout(l);
        return c;
    }

    private Label heading(Composite parent) {
        Label l = new Label(parent, SWT.NONE);
        l.setFont(bold);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return l;
    }

    boolean amber() {
        return Boolean.TRUE.equals(amberShown);
    }

    /**
     * Each table as high as its rows (at least {@value #MIN_DEVICE_ROWS} and {@value #MIN_BATTERY_ROWS}
     * rows), so that no empty table area is left over; when the view is too low for both, the devices
     * give up rows first (the batteries are fewer, and what the user came for), then the batteries.
     */
    void fitTables() {
        if (content.isDisposed() || content.getClientArea().height == 0) {
            return;
        }
        int deviceFit = devices.heightFor(Math.max(MIN_DEVICE_ROWS, devices.table().getItemCount()));
        int batteryFit = batteries.heightFor(Math.max(MIN_BATTERY_ROWS, batteries.table().getItemCount()));
        heights(deviceFit, batteryFit);
        int over = content.computeSize(content.getClientArea().width, SWT.DEFAULT).y - content.getClientArea().height;
        if (over > 0) {
            int deviceSpare = deviceFit - devices.heightFor(MIN_DEVICE_ROWS);
            int batterySpare = batteryFit - batteries.heightFor(MIN_BATTERY_ROWS);
            int deviceCut = Math.max(0, Math.min(deviceSpare, over));
            int batteryCut = Math.max(0, Math.min(batterySpare, over - deviceCut));
            heights(deviceFit - deviceCut, batteryFit - batteryCut);
        }
        content.layout(true);
    }

    private void heights(int deviceHeight, int batteryHeight) {
        ((GridData) devices.table().getLayoutData()).heightHint = deviceHeight;
        ((GridData) batteries.table().getLayoutData()).heightHint = batteryHeight;
    }

    /** Amber band ("choose one") or none. */
    void choiceTone(boolean amber) {
        if (amberShown != null && amberShown == amber) {
            return;
        }
        amberShown = amber;
        Color bg = amber ? amberBackground : null;
        for (Control c : new Control[] {choiceBand, choice}) {
            c.setBackground(bg);
        }
        choice.setForeground(amber ? amberText : null);
        choice.setFont(amber ? bold : null);
    }

    void show(Control top) {
        if (rootStack.topControl != top) {
            rootStack.topControl = top;
            root.layout(true, true);
        }
    }
}
