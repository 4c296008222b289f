package org.tanik.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.tanik.AppServices;
import org.tanik.bundle.BundleLimits;
import org.tanik.coordinator.Volunteers;
import org.tanik.coordinator.imports.ImportPipeline;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import java.time.Instant;
import org.tanik.model.Act;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;
import org.tanik.volunteer.Outbox;
import org.tanik.work.Progress;

/**
 * An organisation vault (the app's own vault) and two volunteer vaults with sealed testimonies.
 * Device A is already approved and its first bundle imported; A's second bundle and B's first wait
 * as files for the GUI to import (B is unknown, so its bundle is held).
 */
final class CoordinatorFixture {

    final Path bundleA2;
    final Path bundleB1;
    /** Fingerprints as people compare them (six groups). */
    final String deviceA;
    final String deviceB;
    /** The registry's ids of the same devices (the first four groups), as audit entries name them. */
    final String idA;
    final String idB;
    final String testimonyA1;

    CoordinatorFixture(AppServices services, Path home) {
        try {
            Path files = Files.createDirectories(home.resolve("incoming"));
            char[] pass = UiTestSupport.PASSPHRASE.toCharArray();
            byte[] invitation;
            try (VaultSession org = services.vaults().create(services.directories().vault(), pass.clone())) {
                invitation = Organisation.init(org, "İnsan Hakları Belgeleme").invite(null, null, Duration.ofDays(7),
                        services.clock());
            }
            Path a1 = files.resolve("a1.tanik");
            Path a2 = files.resolve("device-a-2.tanik");
            Path b1 = files.resolve("device-b-1.tanik");
            String a;
            String b;
            String idA1;
            try (VaultSession va = volunteer(services, home.resolve("volunteer-a"), invitation)) {
                a = va.device().fingerprint();
                // The first testimony carries a photo and a written consent (issue 16), in both versions.
                OpenVault openA = new OpenVault(va);
                idA1 = va.testimonies().create(content("Gözaltında işkence iddiası", "torture", "34", "police",
                        LocalDate.of(2016, 7, 20), "Emniyette üç gün boyunca dövüldü.")).id();
                Path photo = Files.write(files.resolve("Emniyet binasının girişi.png"),
                        org.tanik.ui.common.viewers.TestFiles.png(480, 300));
                Attachment form = new Attachments(openA).add(idA1, photo, "İmzalı rıza formunun fotoğrafı", false,
                        Progress.none());
                new Drafts(openA).consent(idA1, new Consent(ConsentMethod.WRITTEN, Instant.parse("2016-12-20T09:00:00Z"),
                        "E. K.", List.of(ConsentScope.DOCUMENTATION, ConsentScope.PARTNERS,
                        ConsentScope.REPORTS_ANONYMOUS, ConsentScope.UN_COURTS), form.id(), ""));
                va.testimonies().seal(idA1);
                new Outbox(openA, services.clock()).export(a1);
                Testimony t = va.testimonies().amend(idA1);
                va.testimonies().saveDraft(idA1, content("Gözaltında işkence iddiası (düzeltilmiş)", "torture", "34",
                        "police", LocalDate.of(2016, 7, 20), "Emniyette dört gün boyunca dövüldü. Doktor görmedi.")
                        .withAttachments(List.of(form)).withConsent(t.content().consent()));
                va.testimonies().seal(t.id());
                sealed(va, content("Ankara'da keyfi gözaltı", "arbitrary_detention", "06", "gendarmerie",
                        LocalDate.of(2017, 3, 2), "Gece yarısı evden alındı, avukatla görüştürülmedi."));
                new Outbox(new OpenVault(va), services.clock()).export(a2);
            }
            try (VaultSession vb = volunteer(services, home.resolve("volunteer-b"), invitation)) {
                b = vb.device().fingerprint();
                sealed(vb, content("Pasaport iptali", "passport_cancellation", "35", "",
                        LocalDate.of(2018, 1, 15), "Kararname ile pasaportu iptal edildi."));
                new Outbox(new OpenVault(vb), services.clock()).export(b1);
            }
            try (VaultSession org = services.vaults().open(services.directories().vault(), pass.clone())) {
                X25519Identity identity = Organisation.require(org).identity();
                try {
                    ImportPipeline importer = new ImportPipeline(org.coordinator(), identity,
                            new RecordValidator(services.vocabulary()), null, services.clock(), BundleLimits.DEFAULT);
                    importer.importFile(a1);
                    new Volunteers(org.coordinator(), services.clock()).approve(a, "Saha ekibi 1", importer);
                } finally {
                    identity.destroy();
                }
            }
            this.bundleA2 = a2;
            this.bundleB1 = b1;
            this.deviceA = a;
            this.deviceB = b;
            this.idA = a.substring(0, 23);
            this.idB = b.substring(0, 23);
            this.testimonyA1 = idA1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VaultSession volunteer(AppServices services, Path dir, byte[] invitation) {
        VaultSession v = services.vaults().create(dir, UiTestSupport.PASSPHRASE.toCharArray());
        new Enrolment(services.clock()).enrol(v, invitation);
        return v;
    }

    private static Testimony sealed(VaultSession v, TestimonyContent c) {
        Testimony t = v.testimonies().create(c);
        return v.testimonies().seal(t.id());
    }

    static TestimonyContent content(String title, String type, String province, String institution, LocalDate when,
                                    String narrative) {
        Act act = new Act(type, PartialDate.exact(when), PartialDate.UNKNOWN, new Place(province, "", ""),
                List.of(new Person("Tanık kişi", Sex.FEMALE, 1980, "")),
                institution.isEmpty() ? List.of() : List.of(new Perpetrator(institution, "", "", "")), "");
        return new TestimonyContent(title, new Interview(when.plusMonths(6), "Köln", "E. K.", List.of("Türkçe"), ""),
                new Interviewee("A. Y.", "", "mağdurun kendisi"), List.of(new Incident("Olay", List.of(act))), narrative);
    }
}
