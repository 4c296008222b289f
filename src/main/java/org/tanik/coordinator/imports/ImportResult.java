package org.tanik.coordinator.imports;

import java.util.List;
import java.util.Locale;

/**
 * The verdict for one bundle file. {@code reason} says why a bundle was rejected; {@code notes}
 * carry what the coordinator should know even when the import succeeded (sequence gaps, late
 * arrivals, a bundle from a device revoked since).
 */
public record ImportResult(String file, Verdict verdict, ImportNote reason, String bundleId, String device, long sequence,
                           int records, List<ImportNote> notes) {

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
    public String line(Locale locale) {
        StringBuilder sb = new StringBuilder(file).append(": ").append(verdict.text());
        if (verdict == Verdict.REJECTED) {
            sb.append(": ").append(reason.text(locale));
        }
        if (verdict == Verdict.QUARANTINED) {
            sb.append(" (device ").append(device).append(" is not approved yet)");
        }
        notes.forEach(n -> sb.append("; ").append(n.text(locale)));
        return sb.toString();
    }

    static ImportResult rejected(String file, ImportNote reason) {
        return new ImportResult(file, Verdict.REJECTED, reason, null, null, 0, 0, List.of());
    }
}
