package org.bmsworkbench.service.unlock.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.internal.SnapshotArchive;
import org.bmsworkbench.service.unlock.internal.SnapshotZip;
import org.bmsworkbench.service.unlock.internal.audit.AuditLines;

/**
 * {@code bmswb snapshot show FILE.zip}: opens a snapshot as the unlock procedure does (every entry's
 * SHA-256 against the manifest, no entry missing or extra, the bounds of {@link SnapshotArchive})
 * and prints what it holds: the device, when, the diagnosis in one line, the alarms raised, the
 * registers, the frames and their span, whether the audit lines' hash chain verifies, the report.
 */
public final class SnapshotShow {
    private SnapshotShow() {
    }

    /** Prints the summary of {@code zip} (shown as {@code name}); refuses it in one line. */
    public static void show(Path zip, String name, PrintStream out) throws CommandFailure {
        SystemSnapshot s;
        List<String> entries;
        try {
            SnapshotArchive.Contents contents = SnapshotArchive.read(zip);
            entries = List.copyOf(contents.entries().keySet());
            s = SnapshotZip.open(zip, contents);
        } catch (SnapshotException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        Map<String, Object> device = s.section("device");
        Map<String, Object> diagnosis = s.section("diagnosis");
        out.println("snapshot " + name + ": verified, " + entries.size() + " entries (" + String.join(", ", entries)
                + "), each matching manifest.sha256");
        out.println("  sha256 " + s.sha256());
        out.println("  device " + text(device.get("product"), "unknown product") + ", serial " + s.deviceSerial()
                + ", firmware " + text(device.get("firmware"), "unknown") + ", on " + s.connectionUri());
        out.println("  taken " + text(s.document().get("created"), "at an unknown time"));
        out.println("  diagnosis: " + s.diagnosisStatus().name().replace('_', ' ').toLowerCase(Locale.ROOT) + " - "
                + text(diagnosis.get("reason"), "no reason recorded"));
        List<String> alarms = new ArrayList<>();
        list(diagnosis.get("alarms")).forEach(a -> alarms.add(String.valueOf(a)));
        list(diagnosis.get("warnings")).forEach(w -> alarms.add(String.valueOf(w)));
        out.println("  alarms raised: " + (alarms.isEmpty() ? "none" : String.join(", ", alarms)));
        long answered = s.registers().stream().filter(r -> "OK".equals(r.outcome())).count();
        out.println("  registers: " + s.registers().size() + " (" + answered + " answered)");
        out.println("  frames: " + frames(s.frames()));
        out.println("  audit log: " + AuditLines.verify(s.auditLines()));
        out.println("  report: " + (entries.contains(SnapshotArchive.REPORT_HTML) ? SnapshotArchive.REPORT_HTML
                + " (open it in a browser)" : "none (written before report.html was added)"));
    }

    static String frames(List<CanFrame> frames) {
        List<CanFrame> timed = frames.stream().filter(CanFrame::hasTimestamp).toList();
        if (timed.isEmpty()) {
            return frames.size() + (frames.isEmpty() ? "" : ", without times");
        }
        long first = timed.stream().mapToLong(CanFrame::timestampMicros).min().getAsLong();
        long last = timed.stream().mapToLong(CanFrame::timestampMicros).max().getAsLong();
        return String.format(Locale.ROOT, "%d, %s to %s (%.1f s)", frames.size(), instant(first), instant(last),
                (last - first) / 1e6);
    }

    private static String instant(long micros) {
        return java.time.Instant.EPOCH.plusNanos(micros * 1000).toString();
    }

    private static String text(Object o, String otherwise) {
        return o == null ? otherwise : String.valueOf(o).replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
