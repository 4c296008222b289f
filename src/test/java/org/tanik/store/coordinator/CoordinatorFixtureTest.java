package org.tanik.store.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.ArchiveCheck;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.AuditText;
import org.tanik.coordinator.Volunteers;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.Outbox;

/**
 * A coordinator vault made by release 8ea1dfa (key file format 1, schema 3: every archived version
 * holds its sealed JSON in {@code archive_version.content}) opens in this release, reads back
 * exactly what was imported, and keeps importing: new versions go to payload files under
 * {@code archive/} while the old rows stay readable, even for a testimony with versions of both
 * kinds. How the fixture was made: {@code src/test/resources/fixtures/coordinator-v1-schema3/README.md}.
 */
class CoordinatorFixtureTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/coordinator-v1-schema3");
    static final Path VOLUNTEER_FIXTURE = Path.of("src/test/resources/fixtures/coordinator-v1-schema3-volunteer");
    static final char[] PASS = "fixture vault passphrase şğıİ 2026".toCharArray();

    // Six groups since fingerprints carry about 100 bits; the first four are what the release that made the fixture showed.
    static final String ORG_FINGERPRINT = "84011 11497 49261 61522 00271 24367";
    static final String DEVICE = "13654 43376 57524 02753";
    static final String DEVICE_LABEL = "Fixture gönüllü";
    static final String BUNDLE_1 = "42ee1303-e987-47ad-af7d-d6956d0506e4";
    static final String BUNDLE_2 = "8fa54312-24f9-4597-9828-dddd38a8169d";
    static final String BUNDLE_1_SHA = "e3d4a2ce79629ce2ee10dfa14a2aad37f2cb03535eb38ccf62ea4bda6395180a";
    static final String BUNDLE_2_SHA = "e09719b7dac50287364ba87159b1eef80a5106f261557de37a29f451b756f8da";

    /** In bundle 1. */
    static final String GOZALTI = "b0de297e-6467-45f7-90a9-f4e63ac7f1cc";
    static final String GOZALTI_NARRATIVE =
            "Gözaltına alındı; şubede ağır koşullarda tutuldu. İfadesi alınmadı, ışık hiç kapanmadı.";
    /** In bundle 1. */
    static final String PASAPORT = "d5946702-2b4d-4734-a2b7-a2953af01ea1";
    static final String PASAPORT_NARRATIVE = "Pasaportu KHK ile iptal edildi; eşinin pasaportu da iptal edildi. "
            + "Yurtdışına çıkışı yasaklandı, İstanbul'da havalimanında durduruldu.";
    /** In bundle 2. */
    static final String IHRAC = "e629a3e1-51a6-4c83-b354-065fab0b8377";
    static final String IHRAC_NARRATIVE =
            "Öğretmenlikten KHK ile ihraç edildi; işsiz kaldı, ağır borçlandı. Şikâyeti İdare Mahkemesi'nde.";

    static final String AMENDED_NARRATIVE = GOZALTI_NARRATIVE + " Sonradan eklendi: ağabeyi de gözaltına alındı.";

    final Clock clock = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void coordinatorVaultOfSchema3OpensReadsAndKeepsImporting() throws Exception {
        Path orgDir = copyVault(FIXTURE, dir.resolve("org"));
        Vaults vaults = new Vaults(Argon2Params.TESTING, clock); // the fixture's key file carries its own parameters

        try (VaultSession org = vaults.open(orgDir, PASS)) {
            CoordinatorStores stores = org.coordinator();
            Organisation organisation = Organisation.require(org);
            assertThat(organisation.name()).isEqualTo("Fixture Örgütü");
            assertThat(organisation.fingerprint()).isEqualTo(ORG_FINGERPRINT);

            // Exactly what the old release archived, every row on the old path (content in the row).
            assertThat(stores.archive().countVersions()).isEqualTo(3);
            assertThat(rowsWithContent(org)).isEqualTo(3);
            assertThat(Files.exists(org.directory().resolve("archive"))).isFalse();
            assertOnlyVersion(stores, GOZALTI, "Fixture: gözaltı", GOZALTI_NARRATIVE, "arbitrary_detention", "34");
            assertOnlyVersion(stores, PASAPORT, "Fixture: pasaport iptali", PASAPORT_NARRATIVE, "passport_cancellation",
                    "06");
            assertOnlyVersion(stores, IHRAC, "Fixture: ihraç", IHRAC_NARRATIVE, "decree_dismissal", "06");
            assertThat(latest(stores)).containsExactly(
                    Map.entry(GOZALTI, "1 Fixture: gözaltı"),
                    Map.entry(PASAPORT, "1 Fixture: pasaport iptali"),
                    Map.entry(IHRAC, "1 Fixture: ihraç"));

            assertProvenance(stores, GOZALTI, BUNDLE_1, 1, BUNDLE_1_SHA);
            assertProvenance(stores, PASAPORT, BUNDLE_1, 1, BUNDLE_1_SHA);
            assertProvenance(stores, IHRAC, BUNDLE_2, 2, BUNDLE_2_SHA);
            assertThat(stores.bundles().all()).extracting(ReceivedBundle::bundleId, ReceivedBundle::state,
                            ReceivedBundle::recordCount)
                    .containsExactlyInAnyOrder(
                            tuple(BUNDLE_1, ReceivedBundle.State.IMPORTED, 2),
                            tuple(BUNDLE_2, ReceivedBundle.State.IMPORTED, 1));

            Device device = stores.devices().require(DEVICE);
            assertThat(device.state()).isEqualTo(DeviceState.APPROVED);
            assertThat(device.label()).isEqualTo(DEVICE_LABEL);
            assertThat(device.lastSequence()).isEqualTo(2);
            assertThat(new Volunteers(stores, clock).list()).extracting(Device::id, Device::label)
                    .containsExactly(tuple(DEVICE, DEVICE_LABEL));
            assertThat(device.fingerprint()).startsWith(DEVICE).hasSize(35);

            // quarantine, approve, import, import: the old release's audit chain checks out here.
            assertThat(stores.audit().verify().intact()).isTrue();
            assertThat(stores.audit().verify().entries()).isEqualTo(4);
            // The old release signed no checkpoint; the migrated vault keeps the first one over its old entries.
            assertThat(Organisation.verifyAudit(org).anchor()).isEqualTo(AuditLog.Anchor.NONE);
            assertThat(organisation.signAuditHead(stores.audit()).orElseThrow().entries()).isEqualTo(4);
            assertThat(Organisation.verifyAudit(org).anchor()).isEqualTo(AuditLog.Anchor.REACHED);
            assertThat(stores.audit().entries()).extracting(AuditLog.Entry::action)
                    .containsExactly("import.quarantined", "device.approve", "import", "import");
            // Their details, plain English written by the old release, read in Turkish as well.
            AuditText turkish = new AuditText(Locale.forLanguageTag("tr"));
            assertThat(stores.audit().entries().stream().map(turkish::detail).toList()).containsExactly(
                    "Cihaz " + DEVICE + ", 1 numaralı paket: cihaz onaylanana dek bekletiliyor.",
                    "Etiket: " + DEVICE_LABEL,
                    "Cihaz " + DEVICE + ", 1 numaralı paket: 2 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: "
                            + BUNDLE_1_SHA,
                    "Cihaz " + DEVICE + ", 2 numaralı paket: 1 yeni sürüm arşivlendi. Dosyanın SHA-256 özeti: "
                            + BUNDLE_2_SHA);
            // The old release kept no signed manifests: the archive check says what it cannot cover.
            ArchiveCheck.Result check = ArchiveCheck.run(stores.archive());
            assertThat(check.bundles()).isZero();
            assertThat(check.older()).isEqualTo(3);
            assertThat(check.intact()).as("nothing checked is not intact").isFalse();
            assertThat(check.summary(new AuditText(Locale.ENGLISH))).isEqualTo("None of the archived versions can be "
                    + "checked: all 3 were imported by an older release of Tanik that kept no signed manifest.");
            assertThat(check.summary(new AuditText(Locale.forLanguageTag("tr")))).isEqualTo("Arşivdeki sürümlerin hiçbiri "
                    + "denetlenemiyor: 3 sürümün hepsi, imzalı içerik listesi saklamayan eski bir Tanik sürümüyle içe aktarıldı.");

            // Search folds Turkish letters: typed without them, or in capitals, the words are found.
            SearchIndex index = SearchIndex.build(stores);
            assertThat(index.size()).isEqualTo(3);
            assertThat(ids(index, "gozalti")).containsExactly(GOZALTI);
            assertThat(ids(index, "ISIK")).containsExactly(GOZALTI);
            assertThat(ids(index, "istanbul")).containsExactly(PASAPORT);
            assertThat(ids(index, "ihrac")).containsExactly(IHRAC);
            assertThat(ids(index, "khk")).containsExactlyInAnyOrder(PASAPORT, IHRAC);

            X25519Identity identity = organisation.identity();
            try {
                ImportPipeline importer = new ImportPipeline(stores, identity, new RecordValidator(Vocabulary.load()), index, clock,
                        BundleLimits.DEFAULT);

                // The old release's own bundle 2 is recognised as imported.
                ImportResult again = importer.importFile(FIXTURE.resolve("made-with/bundle-2.tanik"));
                assertThat(again.verdict()).isEqualTo(ImportResult.Verdict.ALREADY_IMPORTED);
                assertThat(again.bundleId()).isEqualTo(BUNDLE_2);

                // The fixture's volunteer, upgraded too, amends a testimony archived in the old format.
                Path amended = amendWithFixtureVolunteer(vaults);
                ImportResult third = importer.importFile(amended);
                assertThat(third.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED);
                assertThat(third.device()).isEqualTo(DEVICE);
                assertThat(third.sequence()).isEqualTo(3);
                assertThat(third.records()).isEqualTo(1);
                assertThat(third.notes()).isEmpty();

                // A volunteer new to the organisation: held until approved, then imported.
                String freshId;
                Path freshBundle;
                try (VaultSession fresh = vaults.create(dir.resolve("fresh"), Organisations.PASS)) {
                    new Enrolment(clock).enrol(fresh, organisation.invite(null, null, Duration.ofDays(1), clock));
                    freshId = Organisations.sealed(fresh, "Yeni: sürgün İzmir'e");
                    freshBundle = dir.resolve("fresh-1.tanik");
                    new Outbox(new OpenVault(fresh), clock).export(freshBundle);
                    String freshDevice = fresh.device().fingerprint();
                    assertThat(importer.importFile(freshBundle).verdict()).isEqualTo(ImportResult.Verdict.QUARANTINED);
                    assertThat(new Volunteers(stores, clock).approve(freshDevice, "Yeni gönüllü", importer))
                            .singleElement()
                            .satisfies(r -> assertThat(r.verdict()).isEqualTo(ImportResult.Verdict.IMPORTED));
                }

                assertUpgradedArchive(org, stores, freshId);
                // The importer kept the index up to date.
                assertThat(index.indexedVersion(GOZALTI)).isEqualTo(2);
                assertThat(ids(index, "agabeyi")).containsExactly(GOZALTI);
                assertThat(ids(index, "surgun izmir")).containsExactly(freshId);
            } finally {
                identity.destroy();
            }
        }

        // Once more from disk: the migrated vault opens, and both kinds of rows read back.
        try (VaultSession org = vaults.open(orgDir, PASS)) {
            CoordinatorStores stores = org.coordinator();
            String freshId = latest(stores).keySet().stream()
                    .filter(id -> !List.of(GOZALTI, PASAPORT, IHRAC).contains(id)).findFirst().orElseThrow();
            assertUpgradedArchive(org, stores, freshId);
            SearchIndex index = SearchIndex.build(stores);
            assertThat(index.size()).isEqualTo(4);
            assertThat(ids(index, "gozaltina")).containsExactly(GOZALTI);
            assertThat(ids(index, "agabeyi")).containsExactly(GOZALTI);
            assertThat(ids(index, "pasaportu")).containsExactly(PASAPORT);
            assertThat(ids(index, "sürgün")).containsExactly(freshId);
        }
    }

    /** After the two new imports: five versions, three in old rows, two in payload files. */
    private void assertUpgradedArchive(VaultSession org, CoordinatorStores stores, String freshId) throws Exception {
        assertThat(stores.archive().countVersions()).isEqualTo(5);
        assertThat(rowsWithContent(org)).isEqualTo(3);
        try (Stream<Path> payloads = Files.list(org.directory().resolve("archive"))) {
            assertThat(payloads.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".payload"))).hasSize(2);
        }

        List<Archive.Entry> gozalti = stores.archive().versions(GOZALTI);
        assertThat(gozalti).extracting(e -> e.testimony().version()).containsExactly(1, 2);
        assertThat(gozalti).extracting(e -> e.testimony().content().narrative())
                .containsExactly(GOZALTI_NARRATIVE, AMENDED_NARRATIVE);
        assertThat(gozalti).extracting(e -> e.testimony().content().title())
                .containsExactly("Fixture: gözaltı", "Fixture: gözaltı");
        assertThat(gozalti).extracting(Archive.Entry::device).containsOnly(DEVICE);
        assertThat(gozalti.get(1).testimony().content().incidents().get(0).acts().get(0).place().province())
                .isEqualTo("34");
        assertOnlyVersion(stores, PASAPORT, "Fixture: pasaport iptali", PASAPORT_NARRATIVE, "passport_cancellation",
                "06");
        assertOnlyVersion(stores, IHRAC, "Fixture: ihraç", IHRAC_NARRATIVE, "decree_dismissal", "06");
        assertThat(stores.archive().versions(freshId)).singleElement()
                .satisfies(e -> assertThat(e.testimony().content().narrative()).isEqualTo("Anlatı: Yeni: sürgün İzmir'e"));

        assertThat(latest(stores)).containsOnly(
                Map.entry(GOZALTI, "2 Fixture: gözaltı"),
                Map.entry(PASAPORT, "1 Fixture: pasaport iptali"),
                Map.entry(IHRAC, "1 Fixture: ihraç"),
                Map.entry(freshId, "1 Yeni: sürgün İzmir'e"));

        assertProvenance(stores, GOZALTI, BUNDLE_1, 1, BUNDLE_1_SHA);
        assertThat(stores.archive().provenance(GOZALTI, 2)).hasValueSatisfying(p -> {
            assertThat(p.device()).isEqualTo(DEVICE);
            assertThat(p.sequence()).isEqualTo(3);
        });
        assertThat(stores.devices().list()).hasSize(2).allSatisfy(d -> assertThat(d.state()).isEqualTo(DeviceState.APPROVED));
        assertThat(stores.devices().require(DEVICE).label()).isEqualTo(DEVICE_LABEL);
        assertThat(stores.devices().require(DEVICE).lastSequence()).isEqualTo(3);
        assertThat(stores.audit().verify().intact()).isTrue();
        assertThat(stores.audit().verify().entries()).isEqualTo(4 + 4); // import; quarantine, approve, import
        // The new bundles are checked against their signed manifests; the old rows are counted apart.
        ArchiveCheck.Result check = ArchiveCheck.run(stores.archive());
        assertThat(check.intact()).isTrue();
        assertThat(List.of(check.bundles(), check.records(), check.older())).containsExactly(2, 2, 3);
    }

    /** Opens the old release's volunteer vault, amends the detention testimony, and exports bundle 3. */
    private Path amendWithFixtureVolunteer(Vaults vaults) throws Exception {
        Path volunteerDir = copyVault(VOLUNTEER_FIXTURE, dir.resolve("volunteer"));
        Path bundle = dir.resolve("volunteer-3.tanik");
        try (VaultSession v = vaults.open(volunteerDir, PASS)) {
            assertThat(Fingerprint.deviceId(v.device().publicKey())).isEqualTo(DEVICE);
            assertThat(v.testimonies().list()).hasSize(3);
            assertThat(new Outbox(new OpenVault(v), clock).pending()).isZero(); // both old bundles were recorded as sent
            Testimony draft = v.testimonies().amend(GOZALTI);
            assertThat(draft.version()).isEqualTo(2);
            v.testimonies().saveDraft(GOZALTI, draft.content().withNarrative(AMENDED_NARRATIVE));
            assertThat(v.testimonies().seal(GOZALTI).status()).isEqualTo(Status.SEALED);
            Outbox.Exported exported = new Outbox(new OpenVault(v), clock).export(bundle);
            assertThat(exported.sequence()).isEqualTo(3);
            assertThat(exported.records()).isEqualTo(1);
        }
        return bundle;
    }

    private static void assertOnlyVersion(CoordinatorStores stores, String id, String title, String narrative,
                                          String violation, String province) {
        assertThat(stores.archive().versions(id)).singleElement().satisfies(e -> {
            Testimony t = e.testimony();
            assertThat(t.id()).isEqualTo(id);
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.status()).isEqualTo(Status.SEALED);
            assertThat(t.content().title()).isEqualTo(title);
            assertThat(t.content().narrative()).isEqualTo(narrative);
            assertThat(t.content().violationTypes()).containsExactly(violation);
            assertThat(t.content().incidents()).singleElement().satisfies(i -> assertThat(i.acts()).singleElement()
                    .satisfies(a -> assertThat(a.place().province()).isEqualTo(province)));
            assertThat(e.device()).isEqualTo(DEVICE);
        });
    }

    private static void assertProvenance(CoordinatorStores stores, String id, String bundleId, long sequence,
                                         String sha256) {
        assertThat(stores.archive().provenance(id, 1)).hasValueSatisfying(p -> {
            assertThat(p.device()).isEqualTo(DEVICE);
            assertThat(p.bundleId()).isEqualTo(bundleId);
            assertThat(p.sequence()).isEqualTo(sequence);
            assertThat(p.bundleSha256()).isEqualTo(sha256);
            assertThat(p.verification()).isEqualTo("signature and hashes verified");
            assertThat(p.importedAt()).isAfterOrEqualTo(p.receivedAt());
        });
    }

    /** Latest version of each testimony as "version title", by id. */
    private static Map<String, String> latest(CoordinatorStores stores) {
        Map<String, String> out = new TreeMap<>();
        stores.archive().forEachLatest(e -> {
            String previous = out.put(e.testimony().id(), e.testimony().version() + " " + e.testimony().content().title());
            assertThat(previous).isNull();
        });
        return out;
    }

    private static List<String> ids(SearchIndex index, String text) {
        return index.search(SearchQuery.all().withText(text)).stream().map(ArchiveItem::id).toList();
    }

    private static int rowsWithContent(VaultSession s) throws Exception {
        try (Statement st = StoreInternals.connection(s).createStatement();
             ResultSet r = st.executeQuery("SELECT COUNT(*) FROM archive_version WHERE content IS NOT NULL")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Copies a fixture vault's two files (not its notes or the files it was made from) to a fresh folder. */
    private static Path copyVault(Path fixture, Path target) throws Exception {
        Files.createDirectories(target);
        for (String name : List.of("vault.key", "tanik.mv.db")) {
            Files.copy(fixture.resolve(name), target.resolve(name));
        }
        return target;
    }
}
