package org.tanik.coordinator.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tanik.bundle.VerifiedBundle;

/**
 * What the organisation requires of a bundle beyond its cryptography, in one place so that
 * {@code bundle verify} and the import give the same verdict: it is addressed to exactly the
 * organisation's recipients, and its records are acceptable (sealed, known codes).
 *
 * <p>The recipients rule defeats a forged invitation: one that names the organisation and a second,
 * hostile key makes the volunteer encrypt to both. The reader only checks that the key which opened
 * the bundle is among the signed recipients; here every signed recipient must be the organisation's.
 */
public final class BundleAcceptance {

    private final RecordValidator records;
    private final Set<String> recipients;

    public BundleAcceptance(RecordValidator records, List<String> organisationRecipients) {
        this.records = records;
        this.recipients = Set.copyOf(organisationRecipients);
    }

    /** The first reason to refuse the bundle, or null when it is acceptable. */
    public ImportNote firstProblem(VerifiedBundle bundle) {
        List<String> signed = bundle.manifest().recipients();
        List<String> others = new ArrayList<>();
        for (String r : signed) {
            if (!recipients.contains(r)) {
                others.add(r);
            }
        }
        if (!others.isEmpty()) {
            return ImportNote.of("import.reason.otherRecipients", others.size(), String.join(", ", others));
        }
        if (!Set.copyOf(signed).equals(recipients)) {
            return ImportNote.of("import.reason.missingRecipients");
        }
        return records.firstProblem(bundle.testimonies());
    }
}
