package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

class OutboxTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void exportsEverySealedVersionOnceThenMarksThem() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            String a = Organisations.sealed(v, "bir");
            v.testimonies().create(org.tanik.model.TestimonyContent.empty().withTitle("draft stays home"));
            Path first = orgs.export(v, "b1.tanik");
            // Like every file Tanik writes: its owner's alone (it was rw-r--r--).
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                    .isEqualTo("rw-------");
            assertThat(v.exports().pending()).isEmpty();
            assertProblem(() -> new Outbox(new OpenVault(v), clock).export(dir.resolve("b2.tanik")), Problem.NOTHING_TO_EXPORT);
            assertThat(dir.resolve("b2.tanik")).doesNotExist();

            v.testimonies().amend(a);
            v.testimonies().seal(a);
            Path second = orgs.export(v, "b2.tanik");
            try (VaultSession org = orgs.openOrg()) {
                var id = Organisation.require(org).identity();
                VerifiedBundle b1 = read(first, id);
                VerifiedBundle b2 = read(second, id);
                assertThat(b1.testimonies()).extracting(t -> t.content().title()).containsExactly("bir");
                assertThat(b2.testimonies()).singleElement().satisfies(t -> assertThat(t.version()).isEqualTo(2));
                assertThat(b2.manifest().sequence()).isEqualTo(2);
                assertThat(b2.manifest().previousBundleSha256()).isEqualTo(b1.fileSha256());
                assertThat(b1.deviceFingerprint()).isEqualTo(v.device().fingerprint());
            }
        }
    }

    @Test
    void whatCountsAsSentIsTheLatestVersionInABundleThenItsDelivery() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            String a = Organisations.sealed(v, "bir");
            String draft = v.testimonies().create(org.tanik.model.TestimonyContent.empty().withTitle("taslak")).id();
            Drafts drafts = new Drafts(new OpenVault(v));
            assertThat(drafts.sent()).isEmpty();
            orgs.export(v, "b1.tanik");
            org.tanik.model.SentStatus first = drafts.sent(a).orElseThrow();
            assertThat(first.bundle()).isEqualTo(1);
            assertThat(first.exportedAt()).isEqualTo(clock.instant());
            assertThat(first.covers(1)).isTrue();
            assertThat(first.delivered()).isEmpty();
            assertThat(drafts.sent(draft)).isEmpty();

            // An amendment is not sent until it is in a bundle of its own; the earlier one still is.
            v.testimonies().amend(a);
            assertThat(drafts.sent().get(a).covers(drafts.latest(a).version())).isFalse();
            v.testimonies().seal(a);
            orgs.export(v, "b2.tanik");
            org.tanik.model.SentStatus second = drafts.sent().get(a);
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.bundle()).isEqualTo(2);
            assertThat(second.covers(2)).isTrue();

            var entry = v.outbox().list().get(1);
            Instant received = Instant.parse("2026-11-02T09:30:00Z");
            v.outbox().delivered(entry.bundleId(), entry.sha256(), entry.size(), received, "receipt");
            assertThat(drafts.sent(a).orElseThrow().delivered()).contains(received);
        }
    }

    @Test
    void aFailedWriteLeavesNoFileAndMarksNothing() throws Exception {
        Organisations orgs = new Organisations(dir, clock).createOrganisation("Org");
        try (VaultSession v = orgs.volunteer("vol")) {
            Organisations.sealed(v, "bir");
            Path missingFolder = dir.resolve("no-such-folder").resolve("b.tanik");
            assertThatThrownBy(() -> new Outbox(new OpenVault(v), clock).export(missingFolder)).isInstanceOf(TanikException.class);
            assertThat(v.exports().pending()).hasSize(1);
            assertThat(v.exports().last()).isEmpty();

            Path existing = Files.writeString(dir.resolve("taken.tanik"), "x");
            assertProblem(() -> new Outbox(new OpenVault(v), clock).export(existing), Problem.FILE_EXISTS);
            assertThat(Files.readString(existing)).isEqualTo("x");
            assertThat(v.exports().pending()).hasSize(1);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
            }
        }
    }

    @Test
    void notEnrolledCannotExport() {
        Organisations orgs = new Organisations(dir, clock);
        try (VaultSession v = orgs.vaults().create(dir.resolve("lonely"), Organisations.PASS)) {
            Organisations.sealed(v, "x");
            assertProblem(() -> new Outbox(new OpenVault(v), clock).export(dir.resolve("b.tanik")), Problem.NOT_ENROLLED);
        }
    }

    private static VerifiedBundle read(Path file, org.tanik.crypto.age.X25519Identity id) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return BundleReader.read(in, List.of(id), BundleLimits.DEFAULT);
        }
    }

    static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, Problem p) {
        assertThatThrownBy(c).isInstanceOf(TanikException.class)
                .satisfies(e -> assertThat(((TanikException) e).problem()).isEqualTo(p));
    }
}
