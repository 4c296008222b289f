package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Ed25519;
import org.tanik.enrolment.Invitation;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;
import org.tanik.sync.Route;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.volunteer.Membership;

/** {@code org add-intake}: what it refuses, what it stores and audits, and the invitations written after it. */
class AddIntakeTest {

    static final String URL = "https://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion";
    static final String PIN = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);
    static final byte[] INTAKE_KEY = Ed25519.publicKey(Ed25519.generatePrivateKey());
    static final String KEY = Keys.text(INTAKE_KEY);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Organisations orgs;
    OpenVault vault;
    CoordinatorDesk desk;

    @BeforeEach
    void openOrganisation() {
        orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("Insan Haklari");
        vault = new OpenVault(orgs.openOrg());
        desk = new CoordinatorDesk(vault, Vocabulary.load(), clock);
    }

    @AfterEach
    void lock() {
        vault.close();
    }

    @Test
    void aBadAddressPinKeyOrRouteIsRefusedAndNothingIsStored() {
        OrganisationDesk org = desk.organisation();
        assertProblem(() -> org.addIntake("http://intake.example.org", PIN, KEY, null), Problem.INTAKE_URL_NOT_HTTPS);
        assertProblem(() -> org.addIntake("https://", PIN, KEY, null), Problem.INTAKE_URL_NOT_HTTPS);
        assertProblem(() -> org.addIntake(URL, "sha1/abc", KEY, null), Problem.INVALID_TLS_PIN);
        assertProblem(() -> org.addIntake(URL, PIN, "not a key", null), Problem.INVALID_KEY);
        assertProblem(() -> org.addIntake(URL, PIN, Base64.getEncoder().encodeToString(new byte[31]), null),
                Problem.INVALID_KEY);
        assertProblem(() -> org.addIntake(URL, PIN, KEY, "direct-only"), Problem.INVALID_ROUTE);
        assertThat(org.intake()).isEmpty();
        assertThat(desk.auditEntries()).noneMatch(e -> e.action().equals("intake.add"));
    }

    @Test
    void theIntakeIsStoredAuditedAndTheOrganisationKeyGivenForTheOperator() {
        OrganisationDesk.IntakeAdded added = desk.organisation().addIntake(URL, PIN, KEY, null);
        byte[] orgKey = Organisation.require(vault.store()).signingPublicKey();
        assertThat(added.organisationKey()).isEqualTo(Base64.getEncoder().encodeToString(orgKey));
        assertThat(added.intake()).isEqualTo(new OrganisationDesk.Intake(URL, PIN, KEY, "tor-only"));
        assertThat(desk.organisation().intake()).contains(added.intake());
        assertThat(desk.auditEntries()).anyMatch(e -> e.action().equals("intake.add"));
        assertThat(desk.verifyAudit().intact()).isTrue();

        // Added again (the intake moved, or direct connections are now allowed): the new one replaces it.
        desk.organisation().addIntake("https://intake.example.org:8443", PIN, KEY, "direct-allowed");
        assertThat(desk.organisation().intake()).map(OrganisationDesk.Intake::route).contains("direct-allowed");
    }

    @Test
    void invitationsWrittenAfterwardsCarryTheIntake() throws Exception {
        desk.organisation().addIntake(URL, PIN, KEY, "direct-allowed");
        Path out = dir.resolve("invitation.json");
        desk.organisation().invite(out, null, null, 14);
        Invitation inv = new InvitationCodec().read(Files.readAllBytes(out));
        IntakeAddress intake = inv.intake().orElseThrow();
        assertThat(intake.url().toString()).isEqualTo(URL);
        assertThat(intake.tlsPin()).isEqualTo(PIN);
        assertThat(intake.intakeKey()).isEqualTo(INTAKE_KEY);
        assertThat(intake.route()).isEqualTo(Route.DIRECT_ALLOWED);

        // The old options still may name the same intake; another one would leave devices with a key for the wrong server.
        desk.organisation().invite(dir.resolve("same.json"), URL, PIN, 14);
        assertProblem(() -> desk.organisation().invite(dir.resolve("other.json"), "https://other.example.org", null, 14),
                Problem.INVALID_INPUT);
        assertThat(dir.resolve("other.json")).doesNotExist();
    }

    @Test
    void withoutAnIntakeTheOldOptionsWorkAsBefore() throws Exception {
        Path out = dir.resolve("invitation.json");
        desk.organisation().invite(out, "https://intake.example.org", PIN, 14);
        Invitation inv = new InvitationCodec().read(Files.readAllBytes(out));
        assertThat(inv.intakeUrl()).isEqualTo("https://intake.example.org");
        assertThat(inv.tlsPin()).isEqualTo(PIN);
        assertThat(inv.intakeKey()).isNull();
        assertThat(inv.intake()).isEmpty();
    }

    @Test
    void aRenewedInvitationTellsTheVolunteerThatTheIntakeChanged() throws Exception {
        try (VaultSession volunteer = orgs.volunteer("volunteer")) {
            Membership membership = new Membership(new OpenVault(volunteer), clock);
            Path before = dir.resolve("before.json");
            desk.organisation().invite(before, null, null, 14);
            assertThat(membership.propose(Files.readAllBytes(before)).intakeChanged()).isFalse();

            desk.organisation().addIntake(URL, PIN, KEY, null);
            Path after = dir.resolve("after.json");
            desk.organisation().invite(after, null, null, 14);
            Membership.Offer renewal = membership.propose(Files.readAllBytes(after));
            assertThat(renewal.renewal()).isTrue();
            assertThat(renewal.intakeChanged()).isTrue();
            assertThat(renewal.organisation().intakeUrl()).isEqualTo(URL);
        }
    }

    static void assertProblem(Runnable r, Problem p) {
        TanikException e = catchThrowableOfType(r::run, TanikException.class);
        assertThat(e).as("expected %s", p).isNotNull();
        assertThat(e.problem()).isEqualTo(p);
    }
}
