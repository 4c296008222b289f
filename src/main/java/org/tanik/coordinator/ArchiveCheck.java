package org.tanik.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.Manifest;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.ManifestJson;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.vault.Archive;
import org.tanik.vault.AuditDetail;

/**
 * Checks the archive again against what the devices signed, long after import: for every kept
 * bundle, the manifest's signature by the device it names, and for every archived version, that
 * the manifest lists it with the hash the archive recorded and that its bytes still have that hash.
 * This is the chain of custody a court or an auditor can ask for, without the original files.
 */
public final class ArchiveCheck {

    /** Hears after each bundle how far the check is, from the checking thread. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void checked(int done, int total);
    }

    /** A bundle that failed, and why as a message key with arguments (ids and hashes, never content). */
    public record Failure(String bundleId, String device, AuditDetail reason) {
        /** One line for a person: the bundle, its device and the reason, in {@code text}'s language. */
        public String text(AuditText text) {
            return text.format("archive.failure", bundleId, device, text.format(reason));
        }
    }

    /**
     * What was checked: {@code bundles} of {@code total} (fewer when cancelled), the records read back
     * from them, and the bundles that failed. {@code older} counts archived versions outside the check:
     * releases before payload files kept no signed manifest for them.
     */
    public record Result(int bundles, int total, int records, int older, List<Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public boolean complete() {
            return bundles == total;
        }

        /** Every bundle was checked and none failed; never said of versions it could not check alone. */
        public boolean intact() {
            return complete() && failures.isEmpty() && (bundles > 0 || older == 0);
        }

        /** The outcome in one sentence, as the command line and the desktop app both say it. */
        public String summary(AuditText text) {
            String outcome = !complete() ? text.format("archive.cancelled", bundles, total, failures.size(), records)
                    : total == 0 && older == 0 ? text.format("archive.empty")
                    : total == 0 ? text.format("archive.nothingCheckable", older)
                    : failures.isEmpty() ? text.format("archive.intact", bundles, records)
                    : text.format("archive.failed", failures.size(), total);
            // "Intact" must not read as covering versions it never looked at.
            return older == 0 || total == 0 ? outcome : outcome + " " + text.format("archive.older", older);
        }
    }

    private ArchiveCheck() {
    }

    public static Result run(Archive archive) {
        return run(archive, Progress.NONE, () -> false);
    }

    /** Checks bundle after bundle; {@code cancelled} is asked between bundles, never inside one. */
    public static Result run(Archive archive, Progress progress, BooleanSupplier cancelled) {
        List<Archive.Evidence> evidence = archive.evidence();
        int older = Math.max(0, archive.countVersions() - evidence.stream().mapToInt(e -> e.records().size()).sum());
        int bundles = 0;
        int[] records = {0};
        List<Failure> failures = new ArrayList<>();
        for (Archive.Evidence e : evidence) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            AuditDetail reason = check(e);
            if (reason == null) {
                int before = records[0];
                try {
                    archive.readBundle(e.bundleId(), entry -> records[0]++);
                } catch (TanikException x) {
                    records[0] = before; // a bundle that fails is not counted as records checked
                    reason = AuditDetail.of(x.problem() == Problem.RECORD_TAMPERED
                            ? "archive.reason.recordChanged" : "archive.reason.payloadUnreadable");
                } catch (RuntimeException x) {
                    // A damaged row (H2's encryption has no integrity) fails its bundle, not the whole check.
                    records[0] = before;
                    reason = AuditDetail.of("archive.reason.payloadUnreadable");
                }
            }
            if (reason != null) {
                failures.add(new Failure(e.bundleId(), e.device(), reason));
            }
            bundles++;
            progress.checked(bundles, evidence.size());
        }
        return new Result(bundles, evidence.size(), records[0], older, failures);
    }

    /** The manifest-level checks of one bundle; null when they pass. */
    private static AuditDetail check(Archive.Evidence e) {
        Manifest m;
        try {
            m = ManifestJson.decode(e.manifest());
        } catch (BundleException x) {
            return AuditDetail.of("archive.reason.manifestUnreadable");
        }
        if (!m.bundleId().toString().equals(e.bundleId())) {
            return AuditDetail.of("archive.reason.otherBundle", m.bundleId().toString());
        }
        byte[] key = m.devicePublicKey();
        if (!Ed25519.verify(key, e.manifest(), e.signature())) {
            return AuditDetail.of("archive.reason.badSignature");
        }
        String signer = Fingerprint.device(key);
        if (!signer.equals(e.device())) {
            return AuditDetail.of("archive.reason.otherDevice", signer);
        }
        Map<String, String> hashes = new HashMap<>();
        for (ManifestEntry entry : m.entries()) {
            hashes.put(entry.path(), entry.sha256());
        }
        for (Archive.Recorded r : e.records()) {
            if (!r.sha256().equals(hashes.get(EntryPaths.record(r.id(), r.version())))) {
                return AuditDetail.of("archive.reason.notInManifest", (long) r.version(), r.id());
            }
        }
        return null;
    }
}
