package org.tanik.coordinator;

import java.util.List;

/**
 * The verdict for one bundle file. {@code reason} is a sentence for rejected bundles; {@code notes}
 * carry what the coordinator should know even when the import succeeded (sequence gaps, late
 * arrivals, a bundle from a device revoked since).
 */
public record ImportResult(String file, Verdict verdict, String reason, String bundleId, String device, long sequence,
                           int records, List<String> notes) {

    public enum Verdict {
        IMPORTED("imported"),
        ALREADY_IMPORTED("already imported"),
        QUARANTINED("quarantined"),
        REJECTED("rejected");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public ImportResult {
        notes = List.copyOf(notes);
    }

    /** One line as the CLI prints it: "file: imported", "file: rejected: reason". */
    public String line() {
        StringBuilder sb = new StringBuilder(file).append(": ").append(verdict.text());
        if (verdict == Verdict.REJECTED) {
            sb.append(": ").append(reason);
        }
        if (verdict == Verdict.QUARANTINED) {
            sb.append(" (device ").append(device).append(" is not approved yet)");
        }
        notes.forEach(n -> sb.append("; ").append(n));
        return sb.toString();
    }

    static ImportResult rejected(String file, String reason) {
        return new ImportResult(file, Verdict.REJECTED, reason, null, null, 0, 0, List.of());
    }
}
