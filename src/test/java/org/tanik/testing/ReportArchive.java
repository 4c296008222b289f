package org.tanik.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Json;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.work.Progress;

/**
 * A small organisation archive for the export and report tests, made as the real one is: a
 * volunteer seals testimonies, exports a bundle, the coordinator imports it and approves the device
 * (label "Gönüllü Çiğdem (İzmir)"). It holds sample testimonies whose consent allows reports, some
 * whose consent allows documentation only, one without any consent record (made before consent
 * existed), and {@link #MARKED}: a testimony with Turkish marker strings in known places. The
 * organisation's vault is closed afterwards; its passphrase is {@link Organisations#PASS}.
 */
public final class ReportArchive {

    public static final String LABEL = "Gönüllü Çiğdem (İzmir)";
    public static final String ORGANISATION = "İnsan Hakları Gözlem Derneği";
    /** The marked testimony: title, narrative and a victim's name with Turkish letters. */
    public static final String MARKED_TITLE = "Şükran Öğüt davası: gözaltı, İzmir";
    public static final String MARKED_NARRATIVE = "Tanık ÇİĞDEMİŞIKTEKİN gözaltında dövüldüğünü anlatıyor.";
    public static final String MARKED_VICTIM = "Şükran Öğüt";
    public static final String MARKED_INTERVIEWEE = "KİMLİKGİZLİİĞÜŞ";
    static final String MARKED = """
            {"title": "%s", "narrative": "%s",
             "interview": {"date": "2021-03-04", "place": "Köln", "interviewer": "G7", "languages": ["tr"], "present": ""},
             "interviewee": {"name": "%s", "contact": "Signal +90 555", "relation": "kendisi"},
             "incidents": [{"label": "2016 gözaltısı", "acts": [
                 {"type": "arbitrary_detention", "start": "2016-07-16", "end": "2016-07", "place": {"province": "35", "district": "Buca", "facility": "TEM Şube"},
                  "victims": [{"name": "%s", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [{"institution": "police", "unit": "TEM Şube", "rank": "komiser", "name": ""}], "notes": "Aile bilgilendirilmedi."},
                 {"type": "torture", "start": "2016-07-17", "place": {"province": "35", "district": "Buca", "facility": "TEM Şube"},
                  "victims": [{"name": "%s", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [], "notes": ""}]}],
             "consent": {"method": "oral", "givenAt": "2021-03-04T10:00:00Z", "takenBy": "G7", "scopes": ["documentation", "reports-anonymous"]}}
            """.formatted(MARKED_TITLE, MARKED_NARRATIVE, MARKED_INTERVIEWEE, MARKED_VICTIM, MARKED_VICTIM);

    /** Ids by what their consent allows; {@code marked} is also among {@code reports}. */
    public record Ids(String marked, List<String> reports, List<String> documentationOnly, String noConsent) {
        public List<String> all() {
            List<String> all = new ArrayList<>(reports);
            all.addAll(documentationOnly);
            all.add(noConsent);
            return all;
        }
    }

    private ReportArchive() {
    }

    /** Builds the archive in {@code root}/org: {@code reports} sample testimonies allowing reports, two documentation only. */
    public static Ids build(Path root, Clock clock, int reports) throws Exception {
        Organisations orgs = new Organisations(root, clock);
        try (VaultSession org = orgs.vaults().create(orgs.orgDir(), Organisations.PASS)) {
            Organisation.init(org, ORGANISATION);
        }
        VaultSession v = enrolled(orgs, root, clock);
        SampleTestimonies samples = new SampleTestimonies(18);
        Consent anonymous = new Consent(ConsentMethod.ORAL, Instant.parse("2026-01-01T10:00:00Z"), "G7",
                List.of(ConsentScope.DOCUMENTATION, ConsentScope.REPORTS_ANONYMOUS), null, "");
        Consent documentation = new Consent(ConsentMethod.WRITTEN, Instant.parse("2026-01-01T10:00:00Z"), "G7",
                List.of(ConsentScope.DOCUMENTATION), null, "");
        String marked = seal(v, Json.mapper().readValue(MARKED, TestimonyContent.class));
        List<String> allowing = new ArrayList<>(List.of(marked));
        for (int i = 0; i < reports; i++) {
            allowing.add(seal(v, samples.next(i).withConsent(anonymous)));
        }
        List<String> docOnly = List.of(seal(v, samples.next(100).withConsent(documentation)),
                seal(v, samples.next(101).withConsent(documentation)));
        String none = seal(v, samples.next(102));
        Path bundle = Organisations.export(root, clock, v, "bundle.tanik");
        v.close();
        try (OpenVault vault = new OpenVault(orgs.openOrg())) {
            CoordinatorDesk desk = new CoordinatorDesk(vault, Vocabulary.load(), clock);
            desk.importFiles(List.of(bundle), Progress.none());
            desk.approve(desk.volunteers().get(0).fingerprint(), LABEL);
        }
        return new Ids(marked, allowing, docOnly, none);
    }

    private static VaultSession enrolled(Organisations orgs, Path root, Clock clock) {
        byte[] invitation;
        try (VaultSession org = orgs.openOrg()) {
            invitation = Organisation.require(org).invite(null, null, java.time.Duration.ofDays(30), clock);
        }
        VaultSession v = orgs.vaults().create(root.resolve("volunteer"), Organisations.PASS);
        new Enrolment(clock).enrol(v, invitation);
        return v;
    }

    private static String seal(VaultSession v, TestimonyContent content) {
        String id = v.testimonies().create(content).id();
        v.testimonies().seal(id);
        return id;
    }
}
