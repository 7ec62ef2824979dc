package org.bmsworkbench.ui.alarms.internal;

import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.lockout.internal.FetSwitcher;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.internal.FileAuditLog;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.testing.FakeContext;
import org.bmsworkbench.ui.testing.Swt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lockout of a cell-level BMS in the Alarms view: a model fed the keys of docs/SIGNALS.md
 * "Cell-level BMS makes over serial" (the lockout article's over-voltage case: a charger above the
 * pack's limit trips the cell over-voltage protection, which opens the charge MOSFET; the cause
 * clears, the MOSFET stays off until a host switches it), the real switching rules and audit log of
 * the lockout service, and a fake make's MOSFET control.
 */
class LockoutViewTest {
    private static final long T0 = 1_796_611_200_000_000L;
    private static final String URI = "sim:?device=jbd&scenario=cell-over-voltage";
    private static final RGB RED_BG = new RGB(253, 231, 231);
    private static final RGB AMBER_BG = new RGB(255, 244, 214);

    @TempDir
    Path dir;
    private Display display;
    private Shell shell;
    private DefaultBmsModel model;
    private FakeContext context;
    private final AtomicLong wall = new AtomicLong(T0);
    private final List<FetCommand> asked = new CopyOnWriteArrayList<>();
    private final AtomicReference<FetSwitching> switching = new AtomicReference<>();
    private FileAuditLog log;
    private AlarmsPart part;

    /** What a make answers: the MOSFETs as asked, with the bytes it sent. */
    private final FetControl control = new FetControl() {
        @Override
        public String protocol() {
            return "jbd";
        }

        @Override
        public boolean canSwitch(boolean charge) {
            return true;
        }

        @Override
        public CompletableFuture<FetResult> apply(Connection connection, FetCommand command) {
            asked.add(command);
            return CompletableFuture.completedFuture(new FetResult(FetResult.Outcome.CONFIRMED, true, true,
                    "the BMS reported the MOSFETs as asked", List.of(CanFrame.chunk(T0, "jbd0", Direction.TX,
                            (byte) 0xDD, (byte) 0x5A, (byte) 0xE1, (byte) 0x02, (byte) 0x00, (byte) 0x00, (byte) 0xFF,
                            (byte) 0x1D, (byte) 0x77))));
        }
    };

    @BeforeEach
    void open() {
        display = Swt.display();
        shell = new Shell(display);
        shell.setText("Alarms");
        shell.setLayout(new FillLayout());
        shell.setSize(1180, 760);
        model = new DefaultBmsModel(1000);
        log = new FileAuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        switching.set(new FetSwitcher(log, p -> p.equals("jbd") ? Optional.of(control) : Optional.empty(),
                Runnable::run, Duration.ofSeconds(5)));
        context = new FakeContext(shell, session(false));
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** A live (or recorded) session of a JBD over the model: what the switching rules read. */
    private WorkbenchSession session(boolean offline) {
        ConnectionUri uri = ConnectionUri.parse(URI);
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> switch (m.getName()) {
                    case "uri" -> uri;
                    case "state" -> ConnectionState.CONNECTED;
                    case "listenOnly" -> false;
                    case "control" -> Optional.empty();
                    case "toString" -> "connection " + URI;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        BmsSession bms = (BmsSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BmsSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "connection" -> connection;
                    case "model" -> model;
                    case "activeProtocols" -> List.of("jbd");
                    case "toString" -> "session " + URI;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new WorkbenchSession() {
            @Override
            public String uri() {
                return URI;
            }

            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public BmsSession bms() {
                return bms;
            }

            @Override
            public BmsModel model() {
                return model;
            }

            @Override
            public boolean isOffline() {
                return offline;
            }
        };
    }

    private void createPart() {
        part = new AlarmsPart(shell, context, () -> null, switching::get, wall::get, ZoneOffset.UTC);
        shell.layout();
        shell.open();
    }

    private void refreshUntil(BooleanSupplier condition, String what) {
        waitUntil(what, Swt.DEFAULT_TIMEOUT_SECONDS, part::refresh, condition);
    }

    private void at(double seconds, Object... keyValues) {
        Map<String, Object> signals = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            signals.put((String) keyValues[i], keyValues[i + 1]);
        }
        long micros = T0 + Math.round(seconds * 1e6);
        model.apply(DecodedMessage.of("jbd", "basic_info", CanFrame.chunk(micros, "jbd0", Direction.RX, (byte) 0xDD),
                signals));
        wall.set(micros);
    }

    private void trip() {
        at(0, "fet.charge", true, "fet.discharge", true, "protection.cell_over_voltage", false,
                "protection.short_circuit", false, "warning.cell_over_voltage", false, "cell.1.voltage", 3.49,
                "cell.2.voltage", 3.55);
        at(5, "warning.cell_over_voltage", true, "cell.2.voltage", 3.62);
        at(10, "fet.charge", false, "protection.cell_over_voltage", true, "cell.2.voltage", 3.664);
    }

    private TableItem activeRow(String key) {
        for (TableItem item : part.activeTable().getItems()) {
            if (key.equals(item.getData())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void anActiveProtectionShowsARedBannerAndTheSwitchIsDisabledSayingWhy() throws Exception {
        trip();
        createPart();
        Banner banner = part.lockout().banner();
        refreshUntil(banner::isShown, "the lockout banner");
        assertEquals(Banner.Tone.RED, banner.tone());
        assertEquals("Lockout: Cell over-voltage protection tripped, charge MOSFET off, discharge MOSFET on",
                banner.title());
        assertTrue(banner.text().startsWith("The BMS still sees the cause. Cell over-voltage: highest cell 3.664 V"
                + " (cell 2); check the charger's or inverter's charge voltage"), banner.text());
        assertTrue(banner.text().endsWith("\nSwitching charge on is refused while Cell over-voltage is active: the BMS"
                + " would lock again at once."), banner.text());
        assertTrue(banner.action().getVisible());
        assertEquals(LockoutBanner.ACTION, banner.action().getText());
        assertFalse(banner.action().getEnabled());
        assertTrue(banner.action().getToolTipText().startsWith("Switching charge on is refused"));
        TableItem row = activeRow("protection.cell_over_voltage");
        assertNotNull(row);
        assertEquals("Protection", row.getText(0));
        assertEquals("Cell over-voltage protection", row.getText(1));
        assertEquals(RED_BG, row.getBackground().getRGB());
        assertNotNull(activeRow("warning.cell_over_voltage"));
        assertTrue(part.checks().startsWith("Cell over-voltage protection — check the charger's"), part.checks());
        Swt.screenshot(shell, "alarms-lockout");
        assertTrue(Files.notExists(log.path()), "nothing is audited before anything is asked");
    }

    @Test
    void onceTheCauseClearsItTurnsAmberAndTheConfirmedSwitchIsSentAndAudited() throws Exception {
        trip();
        at(95, "protection.cell_over_voltage", false, "warning.cell_over_voltage", false, "cell.2.voltage", 3.41);
        createPart();
        Banner banner = part.lockout().banner();
        refreshUntil(() -> banner.isShown() && banner.tone() == Banner.Tone.AMBER, "the amber banner");
        assertEquals("Lockout: charge MOSFET off, discharge MOSFET on though no protection is active", banner.title());
        assertTrue(banner.text().startsWith("The cause is gone (cell over-voltage cleared); the BMS keeps the MOSFET"
                + " off until a host switches it on."), banner.text());
        assertTrue(banner.action().getEnabled());
        assertEquals(AMBER_BG, banner.action().getParent().getBackground().getRGB());
        TableItem history = null;
        for (TableItem item : part.historyTable().getItems()) {
            if ("protection.cell_over_voltage".equals(item.getData())) {
                history = item;
            }
        }
        assertNotNull(history, "the tripped protection in the history");
        assertEquals("Cell over-voltage protection", history.getText(0));
        assertEquals("1", history.getText(5));
        Swt.screenshot(shell, "alarms-lockout-cleared");

        // Cancel: nothing sent, the attempt audited as cancelled
        banner.action().notifyListeners(SWT.Selection, null);
        FetConfirmation dialog = part.lockout().confirmation();
        assertNotNull(dialog);
        assertTrue(dialog.text().startsWith("Send \"charge on\" to the jbd BMS on " + URI.replace("&", "&&") + "?"),
                dialog.text());
        assertTrue(dialog.text().contains("Cell over-voltage: check the charger's"), dialog.text());
        assertTrue(dialog.text().endsWith("The attempt and the BMS's answer are recorded in the audit log."));
        Swt.screenshot(dialog.shell(), "alarms-fets-confirm");
        dialog.cancel().notifyListeners(SWT.Selection, null);
        waitUntil("the cancellation audited", () -> auditOutcomes().size() == 1);
        assertEquals(List.of(AuditOutcome.CANCELLED), auditOutcomes());
        assertTrue(asked.isEmpty());

        // Send: the control is asked, the attempt and the answer audited, the result shown
        banner.action().notifyListeners(SWT.Selection, null);
        part.lockout().confirmation().send().notifyListeners(SWT.Selection, null);
        waitUntil("the result", () -> !part.lockout().result().isEmpty());
        assertEquals(List.of(new FetCommand(true, null)), asked);
        assertTrue(part.lockout().result().startsWith("MOSFETs charge on at "), part.lockout().result());
        assertTrue(part.lockout().result().contains(": confirmed — the BMS reported the MOSFETs as asked (charge"
                + " MOSFET on, discharge MOSFET on). Recorded in the audit log."), part.lockout().result());
        assertEquals(part.lockout().result(), context.lastStatus());
        assertEquals(List.of(AuditOutcome.CANCELLED, AuditOutcome.ACCEPTED, AuditOutcome.ACCEPTED), auditOutcomes());
        assertTrue(log.entries().get(2).record().reason().endsWith("; sent DD5AE1020000FF1D77"));
        assertTrue(log.verify().intact());

        // the BMS reports the MOSFET on: the banner goes, the result stays
        at(97, "fet.charge", true);
        refreshUntil(() -> !banner.isShown(), "the banner gone");
        Swt.screenshot(shell, "alarms-lockout-switched");
        assertFalse(part.lockout().result().isEmpty());
    }

    private List<AuditOutcome> auditOutcomes() {
        try {
            return log.entries().stream().map(e -> e.record().outcome()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRecordingAndAWorkbenchWithoutTheServiceShowTheDiagnosisWithoutTheButton() {
        trip();
        context.session(session(true));
        createPart();
        Banner banner = part.lockout().banner();
        refreshUntil(banner::isShown, "the banner on a recording");
        assertFalse(banner.action().getVisible());
        assertTrue(banner.text().endsWith("A recording: nothing is ever sent to it."), banner.text());
        switching.set(null);
        context.session(session(false));
        part.sessionChanged(context.session().orElseThrow());
        refreshUntil(() -> banner.isShown() && banner.text().endsWith("which is not installed."),
                "the banner without the service");
        assertFalse(banner.action().getVisible());
    }

    @Test
    void aBmsWithAllMosfetsOnAndNoProtectionShowsNoBanner() {
        at(0, "fet.charge", true, "fet.discharge", true, "protection.cell_over_voltage", false, "cell.1.voltage", 3.3);
        createPart();
        refreshUntil(() -> part.message() == null, "the content");
        assertFalse(part.lockout().banner().isShown());
        assertEquals(AlarmsPart.NONE_ACTIVE, part.activeShown());
    }
}
