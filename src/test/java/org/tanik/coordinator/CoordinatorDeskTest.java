package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * The rules the coordinator's desk keeps once for the command line and the desktop: the https rule
 * for an intake address, the organisation key's lifecycle around an import, the identity export's
 * audit entry, and a full disk said as such when an invitation is written. No JavaFX.
 */
class CoordinatorDeskTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    /** Every organisation key the desk took, to see that each was destroyed. */
    final List<X25519Identity> keysTaken = new ArrayList<>();
    OpenVault vault;

    @BeforeEach
    void openOrganisation() {
        Organisations orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("Insan Haklari");
        vault = new OpenVault(orgs.openOrg());
    }

    @AfterEach
    void lock() {
        vault.close();
    }

    CoordinatorDesk desk(AtomicFiles.Writer files) {
        return new CoordinatorDesk(vault, Vocabulary.load(), clock, org -> {
            X25519Identity key = org.identity();
            keysTaken.add(key);
            return key;
        }, files);
    }

    CoordinatorDesk desk() {
        return desk(AtomicFiles::write);
    }

    @Test
    void anInvitationWithAPlainHttpIntakeAddressIsRefusedAndNothingIsWritten() {
        Path out = dir.resolve("invitation.json");
        TanikException refused = catchThrowableOfType(
                () -> desk().organisation().invite(out, "http://intake.example.org", null, 14), TanikException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.problem()).isEqualTo(Problem.INTAKE_URL_NOT_HTTPS);
        assertThat(out).doesNotExist();
        // The check the command line makes before asking for the passphrase is the same rule.
        assertThatThrownBy(() -> OrganisationDesk.checkIntakeUrl("http://intake.example.org"))
                .isInstanceOfSatisfying(TanikException.class, e -> assertThat(e.problem()).isEqualTo(Problem.INTAKE_URL_NOT_HTTPS));
    }

    @Test
    void anInvitationWithAnHttpsIntakeAddressOrNoneIsWritten() throws IOException {
        Path https = dir.resolve("out/https.json");
        OrganisationDesk.Identity org = desk().organisation().invite(https, "https://intake.example.org", null, 14);
        assertThat(Files.size(https)).isPositive();
        assertThat(org.fingerprint()).isEqualTo(Organisation.require(vault.store()).fingerprint());
        Path none = dir.resolve("none.json");
        desk().organisation().invite(none, null, null, 14);
        assertThat(Files.size(none)).isPositive();
    }

    @Test
    void aFullDiskWhileWritingTheInvitationIsSaidAsAFullDisk() {
        Path out = dir.resolve("invitation.json");
        CoordinatorDesk full = desk((target, content) -> {
            throw new IOException("No space left on device");
        });
        TanikException e = catchThrowableOfType(() -> full.organisation().invite(out, null, null, 14), TanikException.class);
        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(Problem.DISK_FULL);
        CoordinatorDesk broken = desk((target, content) -> {
            throw new IOException("Input/output error");
        });
        TanikException other = catchThrowableOfType(() -> broken.organisation().invite(out, null, null, 14),
                TanikException.class);
        assertThat(other.problem()).isEqualTo(Problem.IO_FAILURE);
        assertThat(other.args()).containsExactly(out.toString());
    }

    @Test
    void theOrganisationKeyIsDestroyedAfterAnImport() {
        List<ImportResult> results = desk().importFiles(List.of(dir.resolve("missing.tanik")), Progress.none());
        assertThat(results).extracting(ImportResult::verdict).containsExactly(ImportResult.Verdict.REJECTED);
        assertThat(keysTaken).hasSize(1).allMatch(X25519Identity::isDestroyed);
    }

    @Test
    void theOrganisationKeyIsDestroyedAfterAnImportThatFails() {
        IllegalStateException stop = new IllegalStateException("the import failed midway");
        Progress<ImportResult> failing = (done, total, r) -> {
            throw stop;
        };
        assertThatThrownBy(() -> desk().importFiles(List.of(dir.resolve("missing.tanik")), failing)).isSameAs(stop);
        assertThat(keysTaken).hasSize(1).allMatch(X25519Identity::isDestroyed);
    }

    @Test
    void theOrganisationKeyIsDestroyedAfterAnApprovalThatFails() {
        assertThatThrownBy(() -> desk().approve("12345 67890 12345 67890", "x"))
                .isInstanceOfSatisfying(TanikException.class, e -> assertThat(e.problem()).isEqualTo(Problem.DEVICE_NOT_FOUND));
        assertThat(keysTaken).hasSize(1).allMatch(X25519Identity::isDestroyed);
    }

    @Test
    void exportingTheIdentityIsAuditedAndTheHeadSigned() throws IOException {
        Path out = dir.resolve("org-identity.txt");
        CoordinatorDesk desk = desk();
        var signed = desk.organisation().exportIdentity(out);
        assertThat(Files.readString(out)).contains("AGE-SECRET-KEY-1");
        List<AuditTrail.Entry> entries = desk.auditEntries();
        assertThat(entries).isNotEmpty();
        AuditTrail.Entry last = entries.get(entries.size() - 1);
        assertThat(last.action()).isEqualTo("identity.export");
        assertThat(last.subject()).isEqualTo(desk.organisation().identity().fingerprint());
        assertThat(signed).isPresent();
        assertThat(signed.get().entries()).isEqualTo(entries.size());
        assertThat(desk.verifyAudit().intact()).isTrue();
    }
}
