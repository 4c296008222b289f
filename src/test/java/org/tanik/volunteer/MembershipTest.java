package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.volunteer.OutboxTest.assertProblem;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.error.Problem;
import org.tanik.session.OpenVault;
import org.tanik.testing.Invitations;
import org.tanik.testing.Organisations;

/** Joining, renewing and leaving an organisation, and this device's key, as the faces use them. */
class MembershipTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.systemUTC(); // invitation files are dated now

    @Test
    void joinsRenewsRefusesAnotherKeyAndLeavesCountingWhatWasNotSent() {
        Invitations ihd = new Invitations();
        List<String> recipients = Invitations.recipients(2);
        try (OpenVault vault = new OpenVault(new Organisations(dir, clock).vaults().create(dir.resolve("v"), Organisations.PASS))) {
            Membership membership = new Membership(vault, clock);
            assertThat(membership.current()).isEmpty();
            assertProblem(membership::leaving, Problem.NOT_ENROLLED);

            Membership.Offer offer = membership.propose(ihd.file("İHD", recipients.subList(0, 1), null));
            assertThat(offer.renewal()).isFalse();
            assertThat(offer.deviceFingerprint()).isEqualTo(new DeviceKey(vault).fingerprint());
            assertThat(offer.fingerprintMatches(ihd.fingerprint().replace(" ", ""))).isTrue();
            assertThat(membership.current()).as("proposing stores nothing").isEmpty();
            assertThat(membership.join(offer)).isEmpty();
            assertThat(membership.current()).map(Membership.Org::name).contains("İHD");

            Membership.Offer renewal = membership.propose(ihd.file("İHD", recipients, "https://intake.example"));
            assertThat(renewal.renewal()).isTrue();
            assertThat(renewal.recipientsChanged()).isTrue();
            assertThat(renewal.intakeChanged()).isTrue();
            assertThat(renewal.renamed()).isFalse();
            assertThat(membership.join(renewal)).map(Membership.Org::recipients).contains(recipients.subList(0, 1));

            assertProblem(() -> membership.propose(new Invitations().file("Other", recipients, null)),
                    Problem.ENROLLED_ELSEWHERE);

            String id = new Drafts(vault).create(org.tanik.model.TestimonyContent.empty().withTitle("t")
                    .withConsent(org.tanik.testing.Consents.ORAL)).id();
            new Drafts(vault).seal(id);
            assertThat(membership.leaving().unsent()).isEqualTo(1);
            assertThat(membership.leave().name()).isEqualTo("İHD");
            assertThat(membership.current()).isEmpty();
        }
    }

    @Test
    void theDeviceKeyExportsAsPemAndBase64OfTheSameKey() {
        try (OpenVault vault = new OpenVault(new Organisations(dir, clock).vaults().create(dir.resolve("v"), Organisations.PASS))) {
            DeviceKey key = new DeviceKey(vault);
            byte[] raw = Base64.getDecoder().decode(key.publicKeyBase64());
            assertThat(Ed25519Pem.parse(key.export(true))).isEqualTo(raw);
            assertThat(key.export(false)).isEqualTo(key.publicKeyBase64() + "\n");
            assertThat(key.fingerprint()).matches("(\\d{5} ){5}\\d{5}");
        }
    }
}
