package org.bmsworkbench.service.unlock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bmsworkbench.can.CanFrame;

/**
 * A snapshot opened from its ZIP file, its manifest verified: the document of
 * {@code snapshot.json} (objects as ordered maps, arrays as lists, numbers as {@link Long} or
 * {@link Double}), the frames of {@code frames.log}, and the lines of {@code audit.log}.
 *
 * @param path       the ZIP file
 * @param sha256     SHA-256 of the whole ZIP file
 * @param document   {@code snapshot.json}
 * @param registers  the registers of the document
 * @param frames     {@code frames.log}, oldest first
 * @param auditLines {@code audit.log}, one JSON object per line
 */
public record SystemSnapshot(Path path, String sha256, Map<String, Object> document, List<RegisterReading> registers,
        List<CanFrame> frames, List<String> auditLines) {
    public SystemSnapshot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        document = java.util.Collections.unmodifiableMap(document);
        registers = List.copyOf(registers);
        frames = List.copyOf(frames);
        auditLines = List.copyOf(auditLines);
    }

    /** The device's serial number as recorded, or {@code "unknown"}. */
    public String deviceSerial() {
        return section("device").getOrDefault("serial", "unknown").toString();
    }

    /** The connection URI the snapshot was taken on. */
    public String connectionUri() {
        return String.valueOf(section("connection").get("uri"));
    }

    /** When the snapshot was taken. */
    public Instant createdAt() {
        return Instant.parse(document.get("created").toString());
    }

    /** The diagnosis status recorded in the snapshot. */
    public DiagnosisStatus diagnosisStatus() {
        Object status = section("diagnosis").get("status");
        try {
            return status == null ? DiagnosisStatus.UNKNOWN : DiagnosisStatus.valueOf(status.toString());
        } catch (IllegalArgumentException e) {
            return DiagnosisStatus.UNKNOWN;
        }
    }

    /** A top-level object of the document, empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        Object o = document.get(name);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
