package org.tanik.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Consent;
import org.tanik.model.FieldLimits;
import org.tanik.model.SentStatus;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.session.OpenVault;
import org.tanik.store.volunteer.ExportLedger;
import org.tanik.store.volunteer.TestimonyStore;

/**
 * A volunteer's testimonies: drafts saved as they are typed, sealed ("ready to send", read-only from
 * then on), amended into a new draft version; and reading them back. IDs may be any unambiguous
 * prefix, as listings show them.
 */
public final class Drafts {

    private final TestimonyStore store;
    private final ExportLedger exports;

    public Drafts(OpenVault vault) {
        this.store = vault.store().testimonies();
        this.exports = vault.store().exports();
    }

    public Testimony create(TestimonyContent content) {
        requireWithinLimits(content);
        return store.create(content);
    }

    /** Saves new content into the latest version, which must still be a draft. */
    public Testimony saveDraft(String id, TestimonyContent content) {
        requireWithinLimits(content);
        return store.saveDraft(id, content);
    }

    /**
     * Marks the latest version "ready to send": from now on it is read-only. Sealing twice changes
     * nothing. A testimony without a consent record is refused ({@link Problem#CONSENT_MISSING}):
     * nothing may travel that the witness did not agree to.
     */
    public Testimony seal(String id) {
        Testimony latest = store.latest(id);
        if (!latest.isSealed() && latest.content().consent() == null) {
            throw new TanikException(Problem.CONSENT_MISSING);
        }
        return store.seal(id);
    }

    /**
     * Saves what the witness consented to into the latest version, which must be a draft (amend a
     * sealed one first: a withdrawal or narrowing is a new version that travels like any change).
     */
    public Testimony consent(String id, Consent consent) {
        if (consent == null) {
            throw new TanikException(Problem.CONSENT_MISSING);
        }
        Testimony latest = store.latest(id);
        return saveDraft(latest.id(), latest.content().withConsent(consent));
    }

    /** Starts a new draft version from a sealed one; the sealed version stays as it was. */
    public Testimony amend(String id) {
        return store.amend(id);
    }

    public Testimony latest(String id) {
        return store.latest(id);
    }

    public Testimony version(String id, int version) {
        return store.version(id, version);
    }

    /** Every version of one testimony, oldest first. */
    public List<TestimonySummary> history(String id) {
        return store.history(id);
    }

    /** The latest version of every testimony, most recently changed first. */
    public List<TestimonySummary> list() {
        return store.list();
    }

    /**
     * What went out of each testimony that has a version in a bundle (by id); see
     * {@link SentStatus#covers} for when a testimony counts as sent.
     */
    public Map<String, SentStatus> sent() {
        return exports.sent();
    }

    /** What went out of one testimony, if any version of it is in a bundle. */
    public Optional<SentStatus> sent(String id) {
        return exports.sent(store.resolve(id));
    }

    /** The full id for an id or an unambiguous prefix of one. */
    public String resolve(String idOrPrefix) {
        return store.resolve(idOrPrefix);
    }

    /** Nothing beyond the model's field limits is stored, so nothing beyond them travels. */
    private static void requireWithinLimits(TestimonyContent content) {
        FieldLimits.firstExcess(content).ifPresent(e -> {
            throw new TanikException(Problem.FIELD_TOO_LONG, e.field(), String.valueOf(e.limit()));
        });
    }
}
