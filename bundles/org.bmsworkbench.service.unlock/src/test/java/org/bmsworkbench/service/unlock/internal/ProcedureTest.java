package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;
import org.bmsworkbench.protocol.vreg.internal.VregRegisterAccess;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockState;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole unlock procedure against the simulator's device ({@code safety-lock} scenario, NMEA 2000
 * with VREG) on an in-process bus at ×20, with the VREG bundle's real register access, the real
 * diagnosis, snapshot and audit log: every refusal, a wrong and a right code, Combined BMS.
 */
class ProcedureTest {
    private static final MgMasterLvProfile PROFILE = MgMasterLvProfile.defaults();
    private static final String SERIAL = SimulatorOptions.DEFAULT_SERIAL;
    private static final String RIGHT = SimulatorUnlockCodes.codeFor(SERIAL).toString();
    private static final String WRONG = String.format("%08X", SimulatorUnlockCodes.codeFor(SERIAL).un32() ^ 0x10);
    private static final Set<ChecklistItem> ALL = EnumSet.allOf(ChecklistItem.class);

    @TempDir
    Path dir;
    private final VregRegisterAccess access = new VregRegisterAccess(new VregRegisterAccess.Config() {
        @Override public Class<? extends Annotation> annotationType() { return VregRegisterAccess.Config.class; }
        @Override public int node() { return 0x50; }
        @Override public int source() { return 0x20; }
        @Override public int timeoutMillis() { return 2000; }
        @Override public int tries() { return 2; }
    });
    private SimulatedBus bus;
    private FileAuditLog audit;
    private SnapshotsComponent snapshots;
    private Procedure procedure;
    private final List<UnlockState> states = new CopyOnWriteArrayList<>();

    private Procedure start(String uri, boolean combined, UnlockOptions options) {
        SimulatorOptions o = SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(Scenario.SAFETY_LOCK)
                .withCombined(combined);
        bus = new SimulatedBus(uri, o, 20);
        if (combined) {
            bus.onBus(() -> bus.bms.advanceTo(20_000));
            bus.onBus(() -> bus.bms.device().write(0x0379, 1)); // the SmartLink MX's start command at power-up
        }
        bus.startAt(400_000); // locked at 3.90 V, the charger gone at 300 s
        audit = new FileAuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        snapshots = new SnapshotsComponent(new SnapshotCapture(access, PROFILE, audit, List::of, Clock.systemUTC()));
        procedure = ProceduresComponent.create(bus, bus.model, PROFILE, new DiagnosticsComponent(PROFILE, access),
                snapshots, audit, 0x20, options);
        procedure.addListener(states::add);
        return procedure;
    }

    private Procedure start() {
        return start("sim:?protocol=nmea2000&scenario=safety-lock", false, fast());
    }

    private static UnlockOptions fast() {
        return new UnlockOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        if (procedure != null) {
            procedure.close();
        }
        if (snapshots != null) {
            snapshots.deactivate();
        }
        if (bus != null) {
            bus.close();
        }
        Method deactivate = VregRegisterAccess.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(access);
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void accepted(StepResult r) {
        assertTrue(r.accepted(), r::toString);
    }

    private static void refused(StepResult r, String reasonPart) {
        assertFalse(r.accepted(), r::toString);
        assertTrue(r.reason().contains(reasonPart), () -> "'" + reasonPart + "' not in: " + r.reason());
    }

    private Path snapshotTaken() throws Exception {
        Path zip = dir.resolve("lock.zip");
        accepted(get(procedure.saveSnapshot(zip, SnapshotOptions.defaults())));
        return zip;
    }

    private void upToTheCode() throws Exception {
        accepted(get(procedure.confirmLock()));
        snapshotTaken();
        accepted(get(procedure.confirmChecklist(ALL)));
    }

    private AuditEntry lastAudit() throws Exception {
        List<AuditEntry> entries = audit.entries();
        return entries.get(entries.size() - 1);
    }

    @Test
    void aWrongCodeIsRefusedByTheBmsAndAuditedThenTheRightOneRunsTheBmsWithItsAlarmsCleared() throws Exception {
        start();
        upToTheCode();
        String sha = procedure.state().snapshotSha256();
        assertEquals(64, sha.length());
        accepted(get(procedure.enterCode(WRONG, false)));
        StepResult wrong = get(procedure.sendCode());
        refused(wrong, "the BMS refused the code: ACK 0x8100");
        AuditEntry refusedEntry = lastAudit();
        assertEquals("send-code", refusedEntry.record().step());
        assertEquals(AuditOutcome.REFUSED, refusedEntry.record().outcome());
        assertEquals(SERIAL, refusedEntry.record().serial());
        assertEquals(sha, refusedEntry.record().snapshotSha256());
        assertEquals(UnlockStep.ENTER_CODE, procedure.state().next(), "back to step 4");
        bus.onBus(() -> assertEquals(10, bus.bms.device().state(), "still locked"));

        accepted(get(procedure.enterCode(RIGHT.substring(0, 4) + "-" + RIGHT.substring(4).toLowerCase(), false)));
        accepted(get(procedure.sendCode()));
        UnlockResult result = get(procedure.result());
        assertEquals(UnlockResult.Outcome.RUNNING, result.outcome(), result::toString);
        assertTrue(result.after().activeAlarms().isEmpty());
        assertEquals(0, result.after().error().code());
        List<Integer> seen = procedure.state().restart().stream().map(o -> o.state().code()).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 9), seen);
        bus.onBus(() -> assertEquals(9, bus.bms.device().state()));
        bus.onBus(() -> assertFalse(bus.bms.device().protection().anyAlarm(), "the latched alarms are cleared"));
        assertEquals("result", lastAudit().record().step());
        assertEquals(AuditOutcome.ACCEPTED, lastAudit().record().outcome());
        assertTrue(audit.verify().intact(), audit.verify()::problem);
        assertTrue(states.stream().anyMatch(s -> s.message().contains(GuideText.AFTER_UNLOCK)),
                "the guide's sentence after the code");
        refused(get(procedure.confirmLock()), "the attempt has ended");
    }

    @Test
    void nothingGoesFurtherWithoutASnapshot() throws Exception {
        start();
        refused(get(procedure.useSnapshot(dir.resolve("lock.zip"))), "needs step 1 (Confirm the Safety lock) first");
        accepted(get(procedure.confirmLock()));
        refused(get(procedure.confirmChecklist(ALL)), "needs step 2 (Save a system snapshot) first: "
                + GuideText.SNAPSHOT_MANDATORY);
        refused(get(procedure.enterCode(RIGHT, false)), "needs step 2");
        refused(get(procedure.sendCode()), "needs step 2");
        refused(get(procedure.useSnapshot(dir.resolve("missing.zip"))), "missing.zip does not exist");
        Path zip = snapshotTaken();
        byte[] good = Files.readAllBytes(zip);
        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, replaceEntry(good));
        refused(get(procedure.useSnapshot(tampered)), "does not match the manifest");
        accepted(get(procedure.useSnapshot(zip)));
        accepted(get(procedure.confirmChecklist(ALL)));
        accepted(get(procedure.enterCode(RIGHT, false)));
        Files.writeString(zip, "changed");
        refused(get(procedure.sendCode()), "has changed since it was checked");
        Files.delete(zip);
        refused(get(procedure.sendCode()), "needs step 2");
        assertEquals(UnlockStep.SNAPSHOT, procedure.state().next());
        long refusals = audit.entries().stream().filter(e -> e.record().outcome() == AuditOutcome.REFUSED).count();
        assertEquals(8, refusals, "every refusal is audited");
        bus.onBus(() -> assertEquals(10, bus.bms.device().state(), "nothing was sent"));
    }

    /** The same ZIP with one byte of snapshot.json changed (stored entries are not compressed... so re-zip). */
    private static byte[] replaceEntry(byte[] zip) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var z = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("snapshot.json")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\"SAFETY_LOCK\"",
                            "\"SAFETY_LOCK\" ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anIncompleteChecklistIsRefused() throws Exception {
        start();
        accepted(get(procedure.confirmLock()));
        snapshotTaken();
        StepResult r = get(procedure.confirmChecklist(EnumSet.of(ChecklistItem.INSTALLATION_SAFE,
                ChecklistItem.VALIDATED_BY_QUALIFIED_TECHNICIAN)));
        refused(r, "not confirmed: " + ChecklistItem.DC_LOADS_OFF.confirmation());
        refused(get(procedure.confirmChecklist(Set.of())), "the checklist is not complete");
        refused(get(procedure.enterCode(RIGHT, false)), "needs step 3 (Confirm the checklist) first");
        List<AuditEntry> entries = audit.entries();
        List<AuditEntry> last = entries.subList(entries.size() - 3, entries.size());
        assertEquals(List.of("checklist", "checklist", "enter-code"), last.stream().map(e -> e.record().step()).toList());
        assertTrue(last.stream().allMatch(e -> e.record().outcome() == AuditOutcome.REFUSED));
    }

    @Test
    void aBadCodeFormatIsRefusedAndARealDeviceNeedsTheAcknowledgement() throws Exception {
        start("socketcand://127.0.0.1:29536/can0", false, fast());
        assertTrue(procedure.acknowledgementNeeded(), "the profile's unlock register is unverified");
        upToTheCode();
        refused(get(procedure.enterCode("1A2B3C4", true)), "an unlock code has 8 hexadecimal digits, this one has 7");
        refused(get(procedure.enterCode("0x1A2B3C4D", true)), "without a 0x prefix");
        refused(get(procedure.enterCode(RIGHT, false)), "UNVERIFIED");
        refused(get(procedure.sendCode()), "needs step 4");
        accepted(get(procedure.enterCode(RIGHT, true)));
        assertTrue(lastAudit().record().reason().contains("acknowledged"), lastAudit().record()::reason);
    }

    @Test
    void aBmsThatIsNotLockedOrARecordingIsRefusedAtStepOne() throws Exception {
        start("replay:capture.log", false, fast());
        refused(get(procedure.confirmLock()), "is a recording");
        procedure.close();
        bus.close();
        SimulatorOptions normal = SimulatorOptions.defaults().withProtocol("nmea2000");
        bus = new SimulatedBus("sim:?protocol=nmea2000", normal, 20).startAt(60_000);
        procedure = ProceduresComponent.create(bus, bus.model, PROFILE, new DiagnosticsComponent(PROFILE, access),
                snapshots, audit, 0x20, fast());
        refused(get(procedure.confirmLock()), "no Safety lock to unlock: The BMS is in state 9 Running");
    }

    @Test
    void withCombinedBmsTheRestartWaitsInStandbyForTheStartCommandAndSaysWhy() throws Exception {
        start("sim:?protocol=nmea2000&scenario=safety-lock&combined=true", true, fast());
        upToTheCode();
        accepted(get(procedure.enterCode(RIGHT, false)));
        accepted(get(procedure.sendCode()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (states.stream().noneMatch(s -> s.message().contains("SmartLink MX") && s.message().startsWith("Standby"))) {
            assertTrue(System.nanoTime() < deadline, "no Standby explanation: " + procedure.state());
            Thread.sleep(20);
        }
        assertFalse(procedure.result().isDone(), "waiting, not finished");
        bus.onBus(() -> bus.bms.device().write(0x0379, 1)); // the SmartLink MX's start command
        UnlockResult result = get(procedure.result());
        assertEquals(UnlockResult.Outcome.RUNNING, result.outcome(), result::toString);
        List<Integer> seen = procedure.state().restart().stream().map(o -> o.state().code()).toList();
        assertEquals(List.of(14, 15, 16, 9), seen.subList(seen.size() - 4, seen.size()));
    }

    @Test
    void withoutTheStartCommandTheResultSaysTheBmsWaitsForIt() throws Exception {
        start("sim:?protocol=nmea2000&scenario=safety-lock&combined=true", true,
                fast().withStartCommandWait(Duration.ofSeconds(1)));
        upToTheCode();
        accepted(get(procedure.enterCode(RIGHT, false)));
        accepted(get(procedure.sendCode()));
        UnlockResult result = get(procedure.result());
        assertEquals(UnlockResult.Outcome.WAITING_FOR_START_COMMAND, result.outcome(), result::toString);
        assertTrue(result.summary().contains("start command from the SmartLink MX"), result::summary);
        assertTrue(result.summary().contains(GuideText.AFTER_UNLOCK), result::summary);
        bus.onBus(() -> assertEquals(14, bus.bms.device().state()));
    }

    @Test
    void cancellingIsAuditedAndEndsTheAttempt() throws Exception {
        start();
        accepted(get(procedure.confirmLock()));
        accepted(get(procedure.cancel()));
        assertEquals(UnlockResult.Outcome.CANCELLED, get(procedure.result()).outcome());
        assertEquals(AuditOutcome.CANCELLED, lastAudit().record().outcome());
        refused(get(procedure.useSnapshot(dir.resolve("x.zip"))), "the attempt has ended");
    }

    @Test
    void aSnapshotForAnotherDeviceAsksThatDeviceNotTheSimulatedOne() throws Exception {
        start();
        org.bmsworkbench.service.unlock.SnapshotFile there = snapshots.capture(bus, bus.model, dir.resolve("other.zip"),
                SnapshotOptions.defaults().withNode(0x51), null).get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(0, there.registersRead(), "nobody answers at 0x51: the MG Master LV is at 0x50");
        org.bmsworkbench.service.unlock.SnapshotFile here = snapshots.capture(bus, bus.model, dir.resolve("mg.zip"),
                SnapshotOptions.defaults().withNode(0x50), null).get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertTrue(here.registersRead() > 40, here::toString);
    }
}
