package org.tanik.coordinator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.QuarantineLimits;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Device;
import org.tanik.model.Provenance;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.ReviewState;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.store.coordinator.Reviews;
import org.tanik.work.Progress;

/**
 * The coordinator's work on an open organisation vault, for the command line and the desktop alike:
 * importing bundles with the organisation's key, approving and revoking devices, reviewing the
 * archive and reading it, and the audit log. Each rule is kept here once, so that both faces behave
 * the same; the organisation's own keys (invitations, identity export) are {@link #organisation()}.
 *
 * <p>The organisation's private key is taken for one import or approval at a time and destroyed
 * right after, whatever happens; each import ends with the organisation signing the audit log's head
 * and the vault marking how far it got.
 */
public final class CoordinatorDesk {

    private final OpenVault vault;
    private final Vocabulary vocabulary;
    private final Clock clock;
    /** Where the organisation's private key comes from; a test watches it being destroyed. */
    private final Function<Organisation, X25519Identity> keys;
    private final OrganisationDesk organisation;
    /** How the fetch reaches the intake: the sync client, or a test's fake. */
    private final IntakeLink.Opener intakeLinks;
    /** The in-memory search index, once {@link #loadIndex()} built it; imports and reviews keep it current. */
    private volatile SearchIndex index;

    public CoordinatorDesk(OpenVault vault, Vocabulary vocabulary, Clock clock) {
        this(vault, vocabulary, clock, ClientIntakeLink::open);
    }

    /** A desk whose intake fetch goes through {@code intakeLinks} (tests give a fake intake). */
    public CoordinatorDesk(OpenVault vault, Vocabulary vocabulary, Clock clock, IntakeLink.Opener intakeLinks) {
        this(vault, vocabulary, clock, Organisation::identity, AtomicFiles::write, intakeLinks);
    }

    CoordinatorDesk(OpenVault vault, Vocabulary vocabulary, Clock clock, Function<Organisation, X25519Identity> keys,
                    AtomicFiles.Writer files) {
        this(vault, vocabulary, clock, keys, files, ClientIntakeLink::open);
    }

    private CoordinatorDesk(OpenVault vault, Vocabulary vocabulary, Clock clock,
                            Function<Organisation, X25519Identity> keys, AtomicFiles.Writer files,
                            IntakeLink.Opener intakeLinks) {
        this.vault = vault;
        this.intakeLinks = intakeLinks;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.keys = keys;
        this.organisation = new OrganisationDesk(vault, clock, files);
    }

    /** Creating the organisation, inviting devices, exporting its identity. */
    public OrganisationDesk organisation() {
        return organisation;
    }

    /** Refuses a vault that is not an organisation's ({@code NOT_ORGANISATION}) before any work starts. */
    public void requireOrganisation() {
        Organisation.require(vault.store());
    }

    private CoordinatorStores stores() {
        return vault.store().coordinator();
    }

    // --- imports -----------------------------------------------------------------------------------

    /**
     * Imports bundle files in order, each all-or-nothing, reporting each verdict once it is committed;
     * cancelling stops between bundles. The organisation's key is destroyed afterwards and the vault
     * marks how far it got, also when a failure that is not a bundle's (a full disk) stops the import.
     */
    public List<ImportResult> importFiles(List<Path> files, QuarantineLimits quarantine, Progress<ImportResult> progress) {
        requireOrganisation();
        try {
            return withImporter(quarantine, importer -> importer.importFiles(files, progress));
        } finally {
            // Marks how far the archive got, so that losing this import to a damaged file is noticed.
            vault.checkpoint();
        }
    }

    public List<ImportResult> importFiles(List<Path> files, Progress<ImportResult> progress) {
        return importFiles(files, QuarantineLimits.DEFAULT, progress);
    }

    /**
     * Runs {@code work} with an importer holding the organisation's key, which is destroyed afterwards
     * whatever happens. When the work succeeds, the organisation signs the audit log's new head as a
     * checkpoint (see AuditLog.checkpoint). The one place an import pipeline is built.
     */
    private <T> T withImporter(QuarantineLimits quarantine, Function<ImportPipeline, T> work) {
        Organisation org = Organisation.require(vault.store());
        X25519Identity identity = keys.apply(org);
        // The identities kept at rotations open the bundles made to them before.
        List<X25519Identity> retired = org.retiredIdentities();
        try {
            T result = work.apply(new ImportPipeline(stores(), identity, retired, new RecordValidator(vocabulary), index,
                    clock, BundleLimits.DEFAULT, quarantine));
            org.signAuditHead(stores().audit());
            return result;
        } finally {
            identity.destroy();
            retired.forEach(X25519Identity::destroy);
        }
    }

    /**
     * Fetching from the organisation's intake: its bundles are imported through {@link #importFiles},
     * so the key's lifecycle, quarantine, audit and checkpoint are this desk's as for files.
     */
    public IntakeFetch intakeFetch() {
        requireOrganisation();
        return new IntakeFetch(vault, this, intakeLinks, clock);
    }

    // --- volunteers --------------------------------------------------------------------------------

    public List<Device> volunteers() {
        return volunteerDecisions().list();
    }

    /** Approves a device (by its fingerprint) and imports the bundles held for it; returns their verdicts. */
    public List<ImportResult> approve(String fingerprint, String label) {
        return withImporter(QuarantineLimits.DEFAULT, importer -> volunteerDecisions().approve(fingerprint, label, importer));
    }

    /** Revokes a device; a reason is required. What it sent while pending is dropped. */
    public void revoke(String fingerprint, String reason) {
        volunteerDecisions().revoke(fingerprint, reason);
    }

    private Volunteers volunteerDecisions() {
        requireOrganisation();
        return new Volunteers(stores(), clock);
    }

    // --- the archive -------------------------------------------------------------------------------

    /** Builds the search index of the archive (seconds for a large one: call it in the background). */
    public SearchIndex loadIndex() {
        SearchIndex built = SearchIndex.build(stores());
        index = built;
        return built;
    }

    /** The search index, or null until {@link #loadIndex()} built it. */
    public SearchIndex index() {
        return index;
    }

    /** Forgets the index (on lock): it holds every testimony's searchable text. */
    public void dropIndex() {
        index = null;
    }

    /** Listing, reading and exporting the archive, and statistics reports (see {@link ReportDesk}). */
    public org.tanik.coordinator.reports.ReportDesk reports() {
        return new org.tanik.coordinator.reports.ReportDesk(vault, this, clock,
                org.tanik.coordinator.reports.ReportDesk.writers(vocabulary));
    }

    /** Every version of one testimony with its provenance, and its review history. */
    public ArchivedTestimony testimony(String id) {
        CoordinatorStores stores = stores();
        List<ArchivedTestimony.Version> versions = new ArrayList<>();
        for (Archive.Entry e : stores.archive().versions(id)) {
            Provenance p = stores.archive().provenance(id, e.testimony().version()).orElse(null);
            boolean flagged = p != null && stores.bundles().byId(p.bundleId()).map(ReceivedBundle::flagged).orElse(false);
            versions.add(new ArchivedTestimony.Version(e.testimony(), p, flagged));
        }
        return new ArchivedTestimony(versions, history(id));
    }

    /**
     * Several testimonies as {@link #testimony} gives each, in the order of {@code ids}: each bundle's
     * payload is read once for all of them, and each bundle's row once (an export of thousands would
     * otherwise open, decrypt and look up one record at a time). Unknown ids are left out.
     */
    public List<ArchivedTestimony> testimonies(List<String> ids) {
        CoordinatorStores stores = stores();
        java.util.Map<String, List<Archive.Entry>> byId = new java.util.HashMap<>();
        stores.archive().forEachVersion(ids, e -> byId.computeIfAbsent(e.testimony().id(), k -> new ArrayList<>()).add(e));
        // What a bundle's row says is the same for every record it brought.
        java.util.Map<String, java.util.Optional<Provenance>> provenance = new java.util.HashMap<>();
        java.util.Map<String, Boolean> flagged = new java.util.HashMap<>();
        List<ArchivedTestimony> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            List<Archive.Entry> entries = byId.get(id);
            if (entries == null) {
                continue;
            }
            entries.sort(java.util.Comparator.comparingInt(e -> e.testimony().version()));
            List<ArchivedTestimony.Version> versions = new ArrayList<>();
            for (Archive.Entry e : entries) {
                int number = e.testimony().version();
                Provenance p = provenance.computeIfAbsent(e.bundleId(),
                        b -> stores.archive().provenance(id, number)).map(template -> template.testimonyId().equals(id)
                        && template.version() == number ? template : new Provenance(id, number, template.device(),
                        template.bundleId(), template.sequence(), template.bundleSha256(), template.bundleCreatedAt(),
                        template.receivedAt(), template.importedAt(), template.verification())).orElse(null);
                boolean isFlagged = p != null && flagged.computeIfAbsent(p.bundleId(),
                        b -> stores.bundles().byId(b).map(ReceivedBundle::flagged).orElse(false));
                versions.add(new ArchivedTestimony.Version(e.testimony(), p, isFlagged));
            }
            out.add(new ArchivedTestimony(versions, history(id)));
        }
        return out;
    }

    /**
     * Changes a testimony's review state with a note (a duplicate names the other testimony); audited,
     * and followed by the search index. Returns the testimony's review history after the change.
     */
    public List<ArchivedTestimony.Review> review(String id, ReviewState state, String duplicateOf, String note) {
        new ReviewDesk(stores(), index).change(id, state, duplicateOf, note);
        return history(id);
    }

    private List<ArchivedTestimony.Review> history(String id) {
        List<ArchivedTestimony.Review> history = new ArrayList<>();
        for (Reviews.Event e : stores().reviews().history(id)) {
            history.add(new ArchivedTestimony.Review(e.state(), e.duplicateOf(), e.note(), e.at()));
        }
        return history;
    }

    /**
     * Checks the archive against what the devices signed (see {@link ArchiveCheck}); only reads.
     * Each step is one bundle checked; cancelling stops between bundles.
     */
    public ArchiveCheck.Result checkArchive(Progress<String> progress) {
        return ArchiveCheck.run(stores().archive(), progress);
    }

    // --- the audit log -----------------------------------------------------------------------------

    public List<AuditTrail.Entry> auditEntries() {
        return stores().audit().entries().stream().map(AuditTrail.Entry::of).toList();
    }

    /** Checks the chain, and the checkpoints' signatures with the organisation's key when this vault has one. */
    public AuditTrail.Verification verifyAudit() {
        return AuditTrail.Verification.of(Organisation.verifyAudit(vault.store()));
    }

    /**
     * Where the log holds a head hash kept elsewhere (16 to 64 hex digits): the number of the entry it
     * is the hash of, or -1 when the log does not hold it.
     */
    public long findAuditHead(String head) {
        return stores().audit().find(head);
    }

    /** Whether a head hash given by a person has a shape {@link #findAuditHead} can look for. */
    public static boolean isAuditHead(String head) {
        return head.strip().matches("[0-9a-fA-F]{16,64}");
    }

    /** Checks bundle files with the organisation's key, without importing them. */
    public BundleVerifier bundleVerifier() {
        // Against this archive: an attachment a record names may have arrived in an earlier bundle.
        Organisation org = Organisation.require(vault.store());
        return BundleVerifier.withKeys(keys.apply(org), org.retiredIdentities(), vocabulary,
                stores().archive()::holdsAttachment);
    }

    /** An archived attachment by its SHA-256, read on the fly from its sealed bundle payload (see {@link ReviewDesk#attachment}). */
    public org.tanik.files.Content attachment(String sha256) {
        return new ReviewDesk(stores(), index).attachment(sha256);
    }
}
