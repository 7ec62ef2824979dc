package org.bmsworkbench.ui.unlock.internal;

import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.ui.testing.Swt;
import org.bmsworkbench.ui.wizard.Wizard;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unlock wizard driven on the test thread, as a technician would, with a screenshot of every page. */
class UnlockWizardTest {
    @TempDir
    Path dir;
    private Display display;
    private Shell workbench;

    @BeforeEach
    void display() {
        display = Swt.display();
        workbench = new Shell(display);
        workbench.setBounds(0, 0, 1100, 760);
    }

    @AfterEach
    void dispose() {
        if (display != null) {
            for (Shell shell : display.getShells()) {
                shell.dispose();
            }
        }
    }

    private UnlockWizard open(FakeProcedure procedure) {
        UnlockWizard unlock = new UnlockWizard(workbench, procedure, "sim:?scenario=safety-lock",
                dir.resolve("snapshots").resolve("snapshot-test.zip"));
        unlock.open();
        return unlock;
    }

    @Test
    void aTechnicianGoesFromALockedBmsToARunningOneWithAScreenshotOfEveryPage() throws Exception {
        FakeProcedure procedure = new FakeProcedure(false, false);
        UnlockWizard unlock = open(procedure);
        Wizard wizard = unlock.wizard();

        waitUntil("Next to be enabled", wizard::canGoNext);
        String diagnosis = unlock.page(DiagnosisPage.class).detailsText();
        assertTrue(diagnosis.contains("13 Over voltage detected"), diagnosis);
        assertTrue(diagnosis.contains("Over-voltage \u2014 indicated"), diagnosis);
        Swt.screenshot(wizard.shell(), "unlock-1-diagnosis");
        wizard.next();

        assertEquals(1, wizard.currentPage());
        assertFalse(wizard.canGoNext(), "no way forward without a snapshot");
        Swt.screenshot(wizard.shell(), "unlock-2-snapshot");
        unlock.page(SnapshotPage.class).saveNow();
        waitUntil("Next to be enabled", wizard::canGoNext);
        assertTrue(Files.exists(dir.resolve("snapshots").resolve("snapshot-test.zip")));
        Swt.screenshot(wizard.shell(), "unlock-2-snapshot-saved");
        wizard.next();

        ChecklistPage checklist = unlock.page(ChecklistPage.class);
        assertTrue(texts(wizard.shell()).contains(GuideText.RESTART_WARNING), "the guide's warning, verbatim");
        checklist.tick(ChecklistItem.INSTALLATION_SAFE, true);
        checklist.tick(ChecklistItem.DC_LOADS_OFF, true);
        assertFalse(wizard.canGoNext(), "no way forward with the checklist incomplete");
        checklist.tick(ChecklistItem.VALIDATED_BY_QUALIFIED_TECHNICIAN, true);
        assertTrue(wizard.canGoNext());
        Swt.screenshot(wizard.shell(), "unlock-3-checklist");
        wizard.next();
        waitUntil("wizard.currentPage() == 3", () -> wizard.currentPage() == 3);

        CodePage code = unlock.page(CodePage.class);
        code.type("1A2B 3C4");
        assertFalse(wizard.canGoNext());
        assertTrue(code.formatCheckText().contains("this one has 7"), code.formatCheckText());
        code.type("1a2b 3c4d");
        assertTrue(wizard.canGoNext());
        assertFalse(code.acknowledge(), "no acknowledgement asked on the simulator");
        Swt.screenshot(wizard.shell(), "unlock-4-code");
        wizard.next();
        waitUntil("wizard.currentPage() == 4", () -> wizard.currentPage() == 4);

        Swt.screenshot(wizard.shell(), "unlock-5-send");
        assertTrue(texts(wizard.shell()).contains("Unlock code: 1A2B3C4D"), texts(wizard.shell()));
        unlock.page(SendPage.class).send();
        waitUntil("wizard.currentPage() == 5", () -> wizard.currentPage() == 5);
        assertFalse(wizard.canGoBack(), "no way back once the code is sent");
        waitUntil("wizard.currentPage() == 6", () -> wizard.currentPage() == 6);
        assertEquals(3, unlock.page(RestartPage.class).observationsShown());
        wizard.back();
        assertEquals(6, wizard.currentPage());
        Swt.screenshot(wizard.shell(), "unlock-7-result");
        assertEquals("Unlocked: the BMS is running and its alarms are cleared",
                unlock.page(ResultPage.class).headlineText());
        assertTrue(wizard.canFinish());
        wizard.finish();
        waitUntil("procedure.closed", () -> procedure.closed);
        assertFalse(procedure.calls.contains("cancel"), "a finished attempt is not cancelled");
    }

    @Test
    void aRefusedCodeIsShownAndTheTechnicianCanGoBackToTypeItAgain() {
        FakeProcedure procedure = new FakeProcedure(false, false);
        UnlockWizard unlock = throughChecklist(procedure);
        Wizard wizard = unlock.wizard();
        unlock.page(CodePage.class).type(FakeProcedure.REFUSED_CODE);
        wizard.next();
        waitUntil("wizard.currentPage() == 4", () -> wizard.currentPage() == 4);
        unlock.page(SendPage.class).send();
        waitUntil("wizard.error() != null", () -> wizard.error() != null);
        assertTrue(wizard.error().contains("the BMS refused the code"), wizard.error());
        assertEquals(4, wizard.currentPage());
        assertTrue(wizard.canGoBack(), "a refused code can be typed again");
        wizard.back();
        assertEquals(3, wizard.currentPage());
    }

    @Test
    void anUnverifiedProfileOnARealDeviceNeedsTheAcknowledgement() {
        FakeProcedure procedure = new FakeProcedure(true, false);
        UnlockWizard unlock = throughChecklist(procedure);
        Wizard wizard = unlock.wizard();
        CodePage code = unlock.page(CodePage.class);
        code.type("1A2B3C4D");
        assertFalse(wizard.canGoNext(), "the format is right, but the acknowledgement is missing");
        assertTrue(texts(wizard.shell()).contains(CodePage.UNVERIFIED_ACKNOWLEDGEMENT));
        Swt.screenshot(wizard.shell(), "unlock-4-code-unverified");
        assertTrue(code.acknowledge());
        assertTrue(wizard.canGoNext());
    }

    @Test
    void aCombinedBmsEndsWaitingForTheStartCommandWithTheGuideExplainingIt() {
        FakeProcedure procedure = new FakeProcedure(false, true);
        UnlockWizard unlock = throughChecklist(procedure);
        Wizard wizard = unlock.wizard();
        unlock.page(CodePage.class).type("1A2B3C4D");
        wizard.next();
        waitUntil("wizard.currentPage() == 4", () -> wizard.currentPage() == 4);
        unlock.page(SendPage.class).send();
        waitUntil("wizard.currentPage() == 6", () -> wizard.currentPage() == 6);
        assertEquals("Unlocked: the BMS waits for the start command of the SmartLink MX",
                unlock.page(ResultPage.class).headlineText());
        assertTrue(visibleTexts(wizard.shell()).contains(GuideText.AFTER_UNLOCK));
        Swt.screenshot(wizard.shell(), "unlock-7-result-combined");
    }

    @Test
    void closingTheWizardBeforeTheEndCancelsTheAttempt() {
        FakeProcedure procedure = new FakeProcedure(false, false);
        UnlockWizard unlock = open(procedure);
        waitUntil("Next to be enabled", unlock.wizard()::canGoNext);
        unlock.wizard().cancel();
        waitUntil("procedure.closed", () -> procedure.closed);
        assertTrue(procedure.calls.contains("cancel"));
        assertTrue(procedure.result().isDone());
    }

    @Test
    void aSnapshotThatIsNotThereIsRefusedWithItsPath() {
        FakeProcedure procedure = new FakeProcedure(false, false);
        UnlockWizard unlock = open(procedure);
        Wizard wizard = unlock.wizard();
        waitUntil("Next to be enabled", wizard::canGoNext);
        wizard.next();
        Path missing = dir.resolve("missing.zip");
        unlock.page(SnapshotPage.class).useExisting(missing);
        waitUntil("wizard.error() != null", () -> wizard.error() != null);
        assertTrue(wizard.error().contains(missing.toString()), wizard.error());
        assertFalse(wizard.canGoNext());
    }

    private UnlockWizard throughChecklist(FakeProcedure procedure) {
        UnlockWizard unlock = open(procedure);
        Wizard wizard = unlock.wizard();
        waitUntil("Next to be enabled", wizard::canGoNext);
        wizard.next();
        unlock.page(SnapshotPage.class).saveNow();
        waitUntil("Next to be enabled", wizard::canGoNext);
        wizard.next();
        for (ChecklistItem item : ChecklistItem.values()) {
            unlock.page(ChecklistPage.class).tick(item, true);
        }
        wizard.next();
        waitUntil("wizard.currentPage() == 3", () -> wizard.currentPage() == 3);
        return unlock;
    }

    private static String texts(Control control) {
        return collect(control, false);
    }

    private static String visibleTexts(Control control) {
        return collect(control, true);
    }

    private static String collect(Control control, boolean visibleOnly) {
        if (visibleOnly && !control.isVisible()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (control instanceof Label l) {
            out.append(l.getText()).append('\n');
        } else if (control instanceof Button b) {
            out.append(b.getText()).append('\n');
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                out.append(collect(child, visibleOnly));
            }
        }
        return out.toString();
    }
}
