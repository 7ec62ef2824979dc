package org.bmsworkbench.ui.unlock.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockProcedures;
import org.bmsworkbench.ui.Tool;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.WorkbenchTool;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** Tools → Unlock Safety lock…: opens the unlock wizard on the window's live connection. */
@Component(name = "org.bmsworkbench.ui.unlock.tool", service = WorkbenchTool.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@Tool(id = "unlock", label = "Unlock Safety lock\u2026")
public final class UnlockTool implements WorkbenchTool {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final UnlockProcedures procedures;

    @Activate
    public UnlockTool(@Reference UnlockProcedures procedures) {
        this.procedures = procedures;
    }

    @Override
    public void open(WorkbenchContext context) {
        Optional<WorkbenchSession> session = context.session();
        if (session.isEmpty()) {
            tell(context, "Connect to the BMS first: the unlock procedure runs on a live connection"
                    + " (Connection \u2192 Connect\u2026).");
            return;
        }
        WorkbenchSession s = session.get();
        if (s.isOffline()) {
            tell(context, s.uri() + " is a recording: a recorded BMS cannot be unlocked. Connect to the device"
                    + " itself to run the unlock procedure.");
            return;
        }
        UnlockProcedure procedure = procedures.start(s.connection(), s.model(), UnlockOptions.defaults());
        new UnlockWizard(context.shell(), procedure, s.uri(), suggestedSnapshot()).open();
    }

    /** {@code ~/bmsworkbench-snapshots/snapshot-20261122-061500.zip}: somewhere a technician finds it again. */
    static Path suggestedSnapshot() {
        return Path.of(System.getProperty("user.home"), "bmsworkbench-snapshots",
                "snapshot-" + LocalDateTime.now().format(STAMP) + ".zip");
    }

    private static void tell(WorkbenchContext context, String text) {
        MessageBox box = new MessageBox(context.shell(), SWT.ICON_INFORMATION | SWT.OK);
        box.setText("Unlock Safety lock");
        box.setMessage(text);
        box.open();
    }
}
