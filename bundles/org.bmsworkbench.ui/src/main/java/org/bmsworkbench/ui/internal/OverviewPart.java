package org.bmsworkbench.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.device.mg.BmsError;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.internal.IdentityRequest.Offer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The overview's controls: four large readings (a row of four, or two by two when narrow), the BMS
 * state and error in words, and the identity: what the bus carries by itself, and the BMS's identity
 * registers when the user asks for them ({@link IdentityRequest}); nothing is sent otherwise.
 */
final class OverviewPart implements ViewPart {
    private final Supplier<DeviceProfile> profile;
    private final ScrolledComposite scroll;
    private final Composite body;
    private final Label hint;
    private final Map<String, Label> readings = new LinkedHashMap<>();
    private final Map<String, Label> identity = new LinkedHashMap<>();
    private final Composite tiles;
    private final Composite identityBox;
    private final IdentityRequest request;
    private final Composite askRow;
    private final Button ask;
    private final Label askNote;
    private Offer shownOffer;
    private int readingWidth;
    private final Label state;
    private final Label error;
    private final Label errorDetail;
    private final Color muted;
    private WorkbenchSession session;
    private long shownVersion = -1;
    private DeviceProfile shownProfile;
    private boolean layoutDue = true;

    OverviewPart(Composite parent, Supplier<DeviceProfile> profile, Supplier<RegisterAccess> access, Executor uiExecutor) {
        this.profile = profile;
        request = new IdentityRequest(access, uiExecutor, this::show);
        muted = Palette.muted(parent.getDisplay());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        body.setData("name", "overview");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 24;
        layout.marginHeight = 18;
        layout.horizontalSpacing = 18;
        layout.verticalSpacing = 10;
        body.setLayout(layout);
        scroll.setContent(body);

        hint = new Label(body, SWT.WRAP);
        hint.setForeground(muted);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Font big = Fonts.derived(body, 2.6, SWT.BOLD);
        Font caption = Fonts.derived(body, 1.05, SWT.NORMAL);
        GC gc = new GC(body);
        gc.setFont(big);
        readingWidth = gc.textExtent("-888.88 V").x;
        gc.dispose();
        tiles = new Composite(body, SWT.NONE);
        tiles.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout tilesLayout = new GridLayout(4, true);
        tilesLayout.marginWidth = 0;
        tilesLayout.marginHeight = 0;
        tilesLayout.horizontalSpacing = 18;
        tiles.setLayout(tilesLayout);
        reading("soc", "State of charge", big, caption);
        reading("pack.voltage", "Pack voltage", big, caption);
        reading("pack.current", "Current", big, caption);
        reading("pack.temperature", "Temperature", big, caption);

        heading("BMS state");
        state = new Label(body, SWT.NONE);
        state.setData("name", "overview.state");
        state.setFont(Fonts.derived(body, 1.6, SWT.BOLD));
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        error = new Label(body, SWT.NONE);
        error.setData("name", "overview.error");
        error.setFont(Fonts.derived(body, 1.25, SWT.BOLD));
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        errorDetail = new Label(body, SWT.WRAP);
        errorDetail.setData("name", "overview.error.detail");
        errorDetail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        heading("Identity");
        Composite id = new Composite(body, SWT.NONE);
        identityBox = id;
        id.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout idl = new GridLayout(4, false);
        idl.marginWidth = 0;
        idl.horizontalSpacing = 14;
        id.setLayout(idl);
        Font idFont = Fonts.derived(body, 1.15, SWT.NORMAL);
        for (String[] f : new String[][] {{"manufacturer", "Manufacturer"}, {"product", "Product"},
            {"serial", "Serial number"}, {"firmware", "Firmware"}, {"capacity", "Installed capacity"},
            {"configuration", "Configuration"}}) {
            // the order of IdentityText.FIELDS
            Label l = new Label(id, SWT.NONE);
            l.setText(f[1]);
            l.setForeground(muted);
            l.setFont(idFont);
            Label v = new Label(id, SWT.NONE);
            v.setData("name", "overview." + f[0]);
            v.setFont(idFont);
            v.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            identity.put(f[0], v);
        }
        askRow = new Composite(body, SWT.NONE);
        askRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout askLayout = new GridLayout(2, false);
        askLayout.marginWidth = 0;
        askLayout.horizontalSpacing = 14;
        askRow.setLayout(askLayout);
        ask = new Button(askRow, SWT.PUSH);
        ask.setData("name", "overview.identity.read");
        ask.setText(IdentityText.READ);
        ask.setToolTipText(String.format("Sends one VREG request per identity register (%s) to the BMS the session"
                + " follows; on NMEA 2000 the workbench first claims an address",
                String.join(", ", IdentityRequest.REGISTERS.stream().map(r -> String.format("0x%04X", r)).toList())));
        ask.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        ask.addListener(SWT.Selection, e -> request.ask());
        askNote = new Label(askRow, SWT.WRAP);
        askNote.setData("name", "overview.identity.note");
        askNote.setForeground(muted);
        askNote.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scroll.addListener(SWT.Resize, e -> fit());
        show();
    }

    private void reading(String key, String title, Font big, Font caption) {
        Composite tile = new Composite(tiles, SWT.NONE);
        tile.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout tl = new GridLayout(1, false);
        tl.marginWidth = 0;
        tile.setLayout(tl);
        Label t = new Label(tile, SWT.NONE);
        t.setText(title);
        t.setFont(caption);
        t.setForeground(muted);
        Label v = new Label(tile, SWT.NONE);
        v.setData("name", "overview." + key);
        v.setFont(big);
        GridData vd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        vd.widthHint = readingWidth;
        v.setLayoutData(vd);
        readings.put(key, v);
    }

    private void heading(String text) {
        Label h = new Label(body, SWT.NONE);
        h.setText(text);
        h.setFont(Fonts.derived(body, 1.05, SWT.BOLD));
        h.setForeground(muted);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.verticalIndent = 14;
        h.setLayoutData(gd);
        Label line = new Label(body, SWT.SEPARATOR | SWT.HORIZONTAL);
        line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    @Override
    public void sessionChanged(WorkbenchSession newSession) {
        session = newSession;
        request.sessionChanged(newSession);
        shownVersion = -1;
        show();
    }

    @Override
    public void refresh() {
        DeviceProfile p = profile.get();
        long version = session == null ? -1 : session.model().version();
        if (version == shownVersion && p == shownProfile && request.offer() == shownOffer) {
            return;
        }
        show();
    }

    private void show() {
        DeviceProfile p = profile.get();
        shownProfile = p;
        BmsModel model = session == null ? null : session.model();
        shownVersion = model == null ? -1 : model.version();
        if (session == null) {
            set(hint, "Not connected. Connection → Connect… opens an adapter or the simulator; File → Open browses a log.");
        } else if (model.values().isEmpty()) {
            set(hint, "Waiting for data from " + session.uri() + " …");
        } else {
            set(hint, "");
        }
        set(readings.get("soc"), OverviewText.number(model, "soc", "%.0f %%"));
        set(readings.get("pack.voltage"), OverviewText.number(model, "pack.voltage", "%.2f V"));
        set(readings.get("pack.current"), OverviewText.number(model, "pack.current", "%.1f A"));
        set(readings.get("pack.temperature"), OverviewText.number(model, "pack.temperature", "%.1f °C"));

        Optional<Long> stateCode = OverviewText.code(model, "bms.state");
        if (stateCode.isEmpty()) {
            set(state, "—");
            state.setForeground(muted);
        } else if (p == null) {
            set(state, "State " + stateCode.get());
            state.setForeground(null);
        } else {
            BmsState s = p.state(stateCode.get().intValue());
            set(state, s.label() + "  (" + s.code() + ")");
            state.setForeground(switch (s.category()) {
                case RUNNING -> Palette.good(body.getDisplay());
                case ERROR -> Palette.bad(body.getDisplay());
                case UNKNOWN -> muted;
                default -> Palette.warning(body.getDisplay());
            });
        }
        Optional<Long> errorCode = OverviewText.code(model, "bms.error");
        if (errorCode.isEmpty()) {
            set(error, "Error: —");
            set(errorDetail, stateCode.isEmpty() && model != null && !model.values().isEmpty()
                    ? "Not reported on this bus: the BMS state and error travel in the VREG registers (NMEA 2000), not in the SMA or General BMS frames."
                    : "");
            error.setForeground(muted);
        } else if (p == null) {
            set(error, "Error " + errorCode.get());
            set(errorDetail, "");
            error.setForeground(null);
        } else {
            BmsError e = p.error(errorCode.get().intValue());
            set(error, (e.isError() ? "Error: " : "") + e.label() + "  (" + e.code() + ")"
                    + (e.isError() && p.isSafetyLockError(e.code()) ? "  — Safety lock" : ""));
            error.setForeground(e.isError() ? Palette.bad(body.getDisplay()) : Palette.good(body.getDisplay()));
            set(errorDetail, e.isError() ? e.explanation() + "\nCheck first: " + e.whatToCheck() : "");
        }
        List<String> active = session == null ? List.of() : session.bms().activeProtocols();
        Offer offer = request.offer();
        shownOffer = offer;
        for (IdentityText.Field f : IdentityText.FIELDS) {
            IdentityText.Shown shown = IdentityText.shown(f, IdentityText.value(f, model, p), model, active, offer,
                    request::answer);
            Label l = identity.get(f.id());
            set(l, shown.text());
            if (!shown.tooltip().equals(l.getToolTipText() == null ? "" : l.getToolTipText())) {
                l.setToolTipText(shown.tooltip().isEmpty() ? null : shown.tooltip());
            }
            if ((l.getForeground().equals(muted)) != shown.muted()) {
                l.setForeground(shown.muted() ? muted : null);
            }
        }
        showAsk(offer);
        if (layoutDue) {
            // only when words changed: the readings keep their room, so a new number costs no layout
            layoutDue = false;
            fit();
        }
    }

    /** The action under the identity: shown while it can be used (disabled while it runs), and its note. */
    private void showAsk(Offer offer) {
        boolean button = offer == Offer.OFFERED || offer == Offer.PENDING;
        if (ask.getVisible() != button) {
            ask.setVisible(button);
            ((GridData) ask.getLayoutData()).exclude = !button;
            layoutDue = true;
        }
        ask.setEnabled(offer == Offer.OFFERED);
        String note = IdentityText.note(offer, request.askedNode(), request.askedTime(), request.answered());
        set(askNote, note);
        boolean row = button || !note.isEmpty();
        if (askRow.getVisible() != row) {
            askRow.setVisible(row);
            ((GridData) askRow.getLayoutData()).exclude = !row;
            layoutDue = true;
        }
    }

    /**
     * Fits the page to the width it has: the readings in a row of four, or two by two when four do
     * not fit, the identity in two pairs of columns or one, and the long texts wrapped.
     */
    private void fit() {
        int width = scroll.getClientArea().width;
        if (width <= 0) {
            return;
        }
        GridLayout outer = (GridLayout) body.getLayout();
        int inner = width - 2 * outer.marginWidth;
        int columns = inner >= 4 * readingWidth + 3 * ((GridLayout) tiles.getLayout()).horizontalSpacing ? 4 : 2;
        ((GridLayout) tiles.getLayout()).numColumns = columns;
        ((GridLayout) identityBox.getLayout()).numColumns = inner >= 900 ? 4 : 2;
        for (Label wrapping : new Label[] {hint, errorDetail}) {
            ((GridData) wrapping.getLayoutData()).widthHint = Math.max(200, inner);
        }
        int buttonWidth = ask.getVisible() ? ask.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 14 : 0;
        ((GridData) askNote.getLayoutData()).widthHint = Math.max(200, inner - buttonWidth);
        body.layout(true, true);
        scroll.setMinSize(body.computeSize(Math.max(width, 2 * readingWidth + 2 * outer.marginWidth + 18), SWT.DEFAULT));
    }

    /** Sets the text; a label outside the readings row may need more room, so the next layout is due. */
    private void set(Label label, String text) {
        if (!label.getText().equals(text)) {
            label.setText(text);
            if (!readings.containsValue(label)) {
                layoutDue = true;
            }
        }
    }

    @Override
    public void dispose() {
        request.dispose();
        scroll.dispose();
    }

    /** For tests: the text of a named label. */
    String text(String name) {
        Label l = name.startsWith("overview.") && readings.containsKey(name.substring(9)) ? readings.get(name.substring(9))
                : identity.get(name.substring(9));
        if (l == null) {
            l = switch (name) {
                case "overview.state" -> state;
                case "overview.error" -> error;
                case "overview.error.detail" -> errorDetail;
                case "hint" -> hint;
                case "overview.identity.note" -> askNote;
                default -> throw new IllegalArgumentException(name);
            };
        }
        return l.getText();
    }

    /** For tests: the action, as the user finds it. */
    Button askButton() {
        return ask;
    }
}
