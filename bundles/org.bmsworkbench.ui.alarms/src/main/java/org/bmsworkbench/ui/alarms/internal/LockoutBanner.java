package org.bmsworkbench.ui.alarms.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.lockout.LockoutDiagnosis;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.TrippedProtection;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The lockout of a cell-level BMS (JBD, Daly, …): a banner when a MOSFET is off or a protection
 * is active — red while the BMS still sees a cause, amber once it is gone and a MOSFET stays off —
 * with the guarded action "Switch MOSFETs…". The button shows when the lockout service is there,
 * the session is live and the BMS's protocol offers a {@link FetControl}; it is enabled only when
 * {@link FetSwitching#refusal} has nothing against switching on what is off, else the banner says
 * why. It opens {@link FetConfirmation}; the attempt runs in the service (audited) and its result
 * is shown under the banner and in the status bar. UI thread only.
 */
final class LockoutBanner {
    static final String ACTION = "Switch MOSFETs…";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final WorkbenchContext context;
    private final Supplier<FetSwitching> switching;
    private final ZoneId zone;
    private final Banner banner;
    private final Label result;
    private WorkbenchSession session;
    private FetCommand command;
    private FetConfirmation confirmation;
    private boolean busy;

    LockoutBanner(Composite parent, WorkbenchContext context, Supplier<FetSwitching> switching, ZoneId zone) {
        this.context = context;
        this.switching = switching;
        this.zone = zone;
        banner = new Banner(parent, ACTION, this::openConfirmation);
        result = new Label(parent, SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 400;
        gd.exclude = true;
        result.setLayoutData(gd);
        result.setVisible(false);
    }

    Banner banner() {
        return banner;
    }

    /** The line under the banner with the last attempt's result, or empty. */
    String result() {
        return result.getVisible() ? result.getText() : "";
    }

    FetConfirmation confirmation() {
        return confirmation;
    }

    /** Shows the banner for the session's model now; hides it when the BMS is not a cell-level one or all is on. */
    void show(WorkbenchSession s) {
        session = s;
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        if (!d.cellLevel() || !d.lockedOut()) {
            banner.hide();
            command = null;
            return;
        }
        List<TrippedProtection> active = d.active();
        String title = active.isEmpty()
                ? "Lockout: " + offText(d) + " though no protection is active"
                : "Lockout: " + labels(active) + (active.size() == 1 ? " protection" : " protections") + " tripped, "
                        + offText(d);
        String what = active.isEmpty() ? cleared(d) : "The BMS still sees the cause. " + checks(active);
        FetSwitching service = switching.get();
        Optional<FetControl> control = service == null || s.isOffline() ? Optional.empty() : service.control(s.bms());
        command = control.map(c -> commandFor(d, c)).orElse(null);
        String why;
        boolean enabled;
        if (service == null) {
            why = "Switching the MOSFETs needs the lockout service, which is not installed.";
            enabled = false;
        } else if (s.isOffline()) {
            why = "A recording: nothing is ever sent to it.";
            enabled = false;
        } else if (control.isEmpty()) {
            why = "This BMS's protocol (" + String.join(", ", s.bms().activeProtocols()) + ") offers no way to switch"
                    + " its MOSFETs from here.";
            enabled = false;
        } else if (command == null) {
            why = "Nothing to switch on that this BMS lets a host switch.";
            enabled = false;
        } else {
            Optional<String> refusal = service.refusal(s.bms(), command);
            enabled = refusal.isEmpty() && !busy;
            List<Protection> blocking = blocking(d, command);
            why = !blocking.isEmpty() ? "Switching " + command + " is refused while " + String.join(", ",
                    blocking.stream().map(Protection::label).toList()) + " is active: the BMS would lock again at once."
                    : refusal.map(r -> "Switching is refused: " + r + ".").orElse(busy ? "Sending " + command + "…"
                    : "No protection holds it off any more: " + command + " can be sent (" + ACTION + ").");
        }
        banner.show(active.isEmpty() ? Banner.Tone.AMBER : Banner.Tone.RED, title, what, why, control.isPresent());
        banner.actionEnabled(enabled, enabled ? "Send " + command + " to the BMS, after confirming" : why);
    }

    private static List<Protection> blocking(LockoutDiagnosis d, FetCommand c) {
        List<Protection> list = new java.util.ArrayList<>();
        if (Boolean.TRUE.equals(c.charge())) {
            list.addAll(d.blocking(true));
        }
        if (Boolean.TRUE.equals(c.discharge())) {
            d.blocking(false).stream().filter(p -> !list.contains(p)).forEach(list::add);
        }
        return list;
    }

    private static String offText(LockoutDiagnosis d) {
        return "charge MOSFET " + LockoutDiagnosis.state(d.fetCharge()) + ", discharge MOSFET "
                + LockoutDiagnosis.state(d.fetDischarge());
    }

    private static String labels(List<TrippedProtection> list) {
        return String.join(", ", list.stream().map(t -> t.protection().label()).toList());
    }

    private static String checks(List<TrippedProtection> active) {
        StringBuilder b = new StringBuilder();
        for (TrippedProtection t : active) {
            b.append(b.isEmpty() ? "" : " ").append(t.protection().label()).append(": ")
                    .append(t.evidence().isEmpty() ? "" : t.evidence() + "; ").append("check ")
                    .append(t.protection().check());
        }
        return b.toString();
    }

    private static String cleared(LockoutDiagnosis d) {
        List<TrippedProtection> cleared = d.protections().stream().filter(t -> !t.active()).toList();
        if (cleared.isEmpty()) {
            return "The BMS reports no protection: a MOSFET may have been switched off on purpose (the maker's app,"
                    + " a host). Check why before switching it on.";
        }
        return "The cause is gone (" + labels(cleared).toLowerCase(Locale.ROOT) + " cleared); the BMS keeps the"
                + " MOSFET off until a host switches it on. Before that, check " + cleared.get(0).protection().check();
    }

    /** Switch on every MOSFET that is off and that this make lets a host switch; null when none. */
    static FetCommand commandFor(LockoutDiagnosis d, FetControl control) {
        Boolean charge = Boolean.FALSE.equals(d.fetCharge()) && control.canSwitch(true) ? Boolean.TRUE : null;
        Boolean discharge = Boolean.FALSE.equals(d.fetDischarge()) && control.canSwitch(false) ? Boolean.TRUE : null;
        return charge == null && discharge == null ? null : new FetCommand(charge, discharge);
    }

    private void openConfirmation() {
        FetSwitching service = switching.get();
        WorkbenchSession s = session;
        FetCommand c = command;
        if (service == null || s == null || c == null || busy || confirmation != null && !confirmation.isDisposed()) {
            return;
        }
        Optional<FetControl> control = service.control(s.bms());
        Optional<String> refusal = service.refusal(s.bms(), c);
        if (control.isEmpty() || refusal.isPresent()) {
            show(s); // the state changed since the button was enabled
            return;
        }
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        confirmation = new FetConfirmation(context.shell(), s.uri(), control.get().protocol(), c, checksBefore(d, c),
                () -> send(service, s, c),
                () -> service.declined(s.bms(), c, "not confirmed in the window"));
        confirmation.open();
    }

    /** What to have checked: the protections that opened these MOSFETs earlier this session. */
    private static String checksBefore(LockoutDiagnosis d, FetCommand c) {
        StringBuilder b = new StringBuilder();
        for (TrippedProtection t : d.protections()) {
            Protection p = t.protection();
            if (Boolean.TRUE.equals(c.charge()) && p.opensCharge() || Boolean.TRUE.equals(c.discharge())
                    && p.opensDischarge() || p.name().equals("fet_software_lock")) {
                b.append(b.isEmpty() ? "" : "\n").append(p.label()).append(": check ").append(p.check());
            }
        }
        return b.toString();
    }

    private void send(FetSwitching service, WorkbenchSession s, FetCommand c) {
        busy = true;
        show(s);
        context.showStatus("Sending " + c + " to the BMS…");
        service.apply(s.bms(), c).whenComplete((r, e) -> context.uiExecutor().execute(() -> {
            busy = false;
            FetResult done = e == null ? r : FetResult.refused(String.valueOf(e));
            String text = "MOSFETs " + c + " at " + CLOCK.format(Instant.now().atZone(zone)) + ": "
                    + done.outcome().name().toLowerCase(Locale.ROOT) + " — " + done.detail()
                    + (done.charge() != null || done.discharge() != null ? " (charge MOSFET "
                            + LockoutDiagnosis.state(done.charge()) + ", discharge MOSFET "
                            + LockoutDiagnosis.state(done.discharge()) + ")" : "")
                    + ". Recorded in the audit log.";
            showResult(text, done.outcome() == FetResult.Outcome.CONFIRMED);
            context.showStatus(text);
            if (session != null && !banner.action().isDisposed()) {
                show(session);
            }
        }));
    }

    private void showResult(String text, boolean ok) {
        if (result.isDisposed()) {
            return;
        }
        result.setText(text);
        result.setForeground(result.getDisplay().getSystemColor(ok ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED));
        ((GridData) result.getLayoutData()).exclude = false;
        result.setVisible(true);
        result.getParent().layout(true);
    }

    /** A new session: no result of an earlier one, no open confirmation. */
    void reset() {
        session = null;
        command = null;
        if (confirmation != null && !confirmation.isDisposed()) {
            confirmation.dispose();
        }
        if (!result.isDisposed()) {
            result.setText("");
            ((GridData) result.getLayoutData()).exclude = true;
            result.setVisible(false);
        }
        banner.hide();
    }
}
