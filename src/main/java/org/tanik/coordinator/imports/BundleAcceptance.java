package org.tanik.coordinator.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tanik.bundle.EntryPaths;
import org.tanik.bundle.ManifestEntry;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.model.Attachment;
import org.tanik.model.Testimony;

/**
 * What the organisation requires of a bundle beyond its cryptography, in one place so that
 * {@code bundle verify} and the import give the same verdict: it is addressed to exactly the
 * organisation's recipients, its records are acceptable (sealed, known codes), and every attachment
 * they name travels with them or is already archived.
 *
 * <p>The recipients rule defeats a forged invitation: one that names the organisation and a second,
 * hostile key makes the volunteer encrypt to both. The reader only checks that the key which opened
 * the bundle is among the signed recipients; here every signed recipient must be the organisation's.
 */
public final class BundleAcceptance {

    private final RecordValidator records;
    private final Set<String> recipients;
    /** The organisation's recipients before its rotations: a bundle made to one of them alone is its too. */
    private final Set<String> retired;
    private final Predicate<String> archived;

    /** For a check without an archive: every attachment a record names must travel in the bundle. */
    public BundleAcceptance(RecordValidator records, List<String> organisationRecipients) {
        this(records, organisationRecipients, sha256 -> false);
    }

    /**
     * {@code archived} says whether the archive already holds an attachment, by content hash (the
     * import answers true here and asks the archive when it stores the bundle, in order).
     */
    public BundleAcceptance(RecordValidator records, List<String> organisationRecipients, Predicate<String> archived) {
        this(records, organisationRecipients, List.of(), archived);
    }

    /**
     * As above, for an organisation that rotated its key: a bundle addressed to exactly its current
     * recipients, or to exactly one of its {@code retiredRecipients} (made before the rotation), is
     * the organisation's.
     */
    public BundleAcceptance(RecordValidator records, List<String> organisationRecipients, List<String> retiredRecipients,
                            Predicate<String> archived) {
        this.records = records;
        this.recipients = Set.copyOf(organisationRecipients);
        this.retired = Set.copyOf(retiredRecipients);
        this.archived = archived;
    }

    /** The first reason to refuse the bundle, or null when it is acceptable. */
    public ImportNote firstProblem(VerifiedBundle bundle) {
        List<String> signed = bundle.manifest().recipients();
        List<String> others = new ArrayList<>();
        for (String r : signed) {
            if (!recipients.contains(r) && !retired.contains(r)) {
                others.add(r);
            }
        }
        if (!others.isEmpty()) {
            return ImportNote.of("import.reason.otherRecipients", others.size(), String.join(", ", others));
        }
        Set<String> to = Set.copyOf(signed);
        boolean toRetired = to.size() == 1 && retired.containsAll(to);
        if (!to.equals(recipients) && !toRetired) {
            return ImportNote.of("import.reason.missingRecipients");
        }
        ImportNote record = records.firstProblem(bundle.testimonies());
        return record != null ? record : attachmentProblem(bundle, archived);
    }

    /**
     * Attachments travel named by their content (bundle-format.md §8): every attachment entry is
     * {@code attachments/<its SHA-256>}, and every attachment a record names is in the bundle with the
     * size the record gives it, or already in the archive.
     */
    static ImportNote attachmentProblem(VerifiedBundle bundle, Predicate<String> archived) {
        Map<String, Long> carried = new HashMap<>();
        for (ManifestEntry e : bundle.manifest().entries()) {
            if (EntryPaths.isAttachment(e.path())) {
                if (!e.sha256().equals(EntryPaths.contentHash(e.path()))) {
                    return ImportNote.of("import.reason.attachmentName", e.path());
                }
                carried.put(e.sha256(), e.size());
            }
        }
        for (Testimony t : bundle.testimonies()) {
            for (Attachment a : t.content().attachments()) {
                Long size = carried.get(a.sha256());
                if (size == null && !archived.test(a.sha256())) {
                    return ImportNote.of("import.reason.attachmentMissing", t.id(), t.version(), a.sha256());
                }
                if (size != null && size != a.size()) {
                    return ImportNote.of("import.reason.attachmentSize", t.id(), t.version(), a.sha256(), a.size(), size);
                }
            }
        }
        return null;
    }
}
