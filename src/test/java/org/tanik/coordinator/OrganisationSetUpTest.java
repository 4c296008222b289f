package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.model.Json;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.Vaults;
import org.tanik.testing.MutableClock;

/**
 * The desktop's coordinator path without JavaFX: a vault created for the coordinator is remembered as
 * such (inside the vault) until the organisation is named, and the invitation's note follows the
 * language the coordinator chose.
 */
class OrganisationSetUpTest {

    static final char[] PASS = "organisation test passphrase words".toCharArray();

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    final Vaults vaults = new Vaults(Argon2Params.TESTING, clock);

    @Test
    void aVaultCreatedForTheCoordinatorStaysPendingAcrossALockUntilTheOrganisationIsNamed() {
        Path vaultDir = dir.resolve("vault");
        try (OpenVault created = new OpenVault(vaults.create(vaultDir, PASS))) {
            assertThat(created.organisationSetUpPending()).as("a new vault is a volunteer's").isFalse();
            created.markOrganisationSetUpPending();
        }
        try (OpenVault reopened = new OpenVault(vaults.open(vaultDir, PASS))) {
            assertThat(reopened.organisationSetUpPending()).isTrue();
            assertThat(reopened.organisationName()).isEmpty();
            OrganisationDesk.Identity org = new CoordinatorDesk(reopened, Vocabulary.load(), clock).organisation()
                    .init("İnsan Hakları");
            assertThat(reopened.organisationSetUpPending()).isFalse();
            assertThat(reopened.organisationName()).contains("İnsan Hakları");
            assertThat(org.fingerprint()).isNotBlank();
        }
        // Nothing outside the vault says what it was created for.
        assertThat(vaultDir.resolve("settings.json")).doesNotExist();
    }

    @Test
    void givingUpTheSetUpLeavesAVolunteersVault() {
        try (OpenVault vault = new OpenVault(vaults.create(dir.resolve("vault"), PASS))) {
            vault.markOrganisationSetUpPending();
            vault.cancelOrganisationSetUp();
            assertThat(vault.organisationSetUpPending()).isFalse();
            assertThat(vault.isOrganisation()).isFalse();
        }
    }

    @Test
    void theInvitationsNoteIsInTheOrganisationsLanguage() throws Exception {
        try (OpenVault vault = new OpenVault(vaults.create(dir.resolve("vault"), PASS))) {
            OrganisationDesk desk = new CoordinatorDesk(vault, Vocabulary.load(), clock).organisation();
            OrganisationDesk.Identity org = desk.init("İnsan Hakları");
            Path turkish = dir.resolve("davet.json");
            desk.invite(turkish, null, null, 14, Locale.forLanguageTag("tr"));
            Path english = dir.resolve("invitation.json");
            desk.invite(english, null, null, 14, Locale.ENGLISH);

            String note = note(turkish);
            assertThat(note).contains("İnsan Hakları kuruluşundan Tanik katılım daveti")
                    .contains(org.fingerprint()).doesNotContain("invitation");
            assertThat(note(english)).startsWith("Tanik enrolment invitation from İnsan Hakları")
                    .contains(org.fingerprint());
            // The note is outside the signed part: the Turkish invitation reads as well as the English one.
            assertThat(new InvitationCodec().read(Files.readAllBytes(turkish)).fingerprint()).isEqualTo(org.fingerprint());
        }
    }

    private static String note(Path invitation) throws Exception {
        JsonNode outer = Json.mapper().readTree(Files.readAllBytes(invitation));
        return outer.get("note").asText();
    }
}
