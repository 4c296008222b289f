package org.tanik.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

class EnrolmentTest {

    static final char[] PASS = "enrolment test passphrase with words".toCharArray();
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Vaults vaults = new Vaults(Argon2Params.TESTING, clock);

    @TempDir
    Path dir;

    @Test
    void volunteerJoinsWithAValidInvitation() {
        byte[] invite;
        String orgFingerprint;
        String recipient;
        try (VaultSession org = vaults.create(dir.resolve("org"), PASS)) {
            Organisation o = Organisation.init(org, "İnsan Hakları Derneği");
            invite = o.invite("https://intake.example.org", null, Duration.ofDays(7), clock);
            orgFingerprint = o.fingerprint();
            recipient = o.recipient();
            assertThat(recipient).startsWith("age1");
            assertThat(orgFingerprint).matches("\\d{5}( \\d{5}){5}"); // about 100 bits
            assertThatThrownBy(() -> Organisation.init(org, "again")).isInstanceOf(TanikException.class);
            X25519Identity identity = o.identity();
            assertThat(identity.recipient().encode()).isEqualTo(recipient);
            assertThat(new String(o.ageIdentityFile(NOW))).contains("AGE-SECRET-KEY-1").contains(recipient);
        }
        try (VaultSession v = vaults.create(dir.resolve("volunteer"), PASS)) {
            Enrolment e = new Enrolment(clock);
            assertThat(e.enrol(v, invite)).isEmpty();
            Invitation joined = e.require(v);
            assertThat(joined.organisation()).isEqualTo("İnsan Hakları Derneği");
            assertThat(joined.recipients()).containsExactly(recipient);
            assertThat(joined.fingerprint()).isEqualTo(orgFingerprint);
            assertThat(joined.intakeUrl()).isEqualTo("https://intake.example.org");
            // Joining again replaces the organisation and reports the one replaced.
            assertThat(e.enrol(v, invite)).isPresent();
        }
    }

    @Test
    void tamperedExpiredOrForeignInvitationsAreRefused() throws Exception {
        byte[] invite;
        try (VaultSession org = vaults.create(dir.resolve("org"), PASS)) {
            invite = Organisation.init(org, "Org").invite(null, null, Duration.ofDays(1), clock);
        }
        Enrolment e = new Enrolment(clock);
        assertThat(e.check(invite).organisation()).isEqualTo("Org");

        Enrolment later = new Enrolment(Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertProblem(() -> later.check(invite), Problem.INVITATION_EXPIRED);

        // Change the organisation name inside the signed payload: the signature no longer matches.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(invite);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(tree.get("payload").asText()), StandardCharsets.UTF_8);
        tree.put("payload", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"Org\"", "\"Evil\"").getBytes(StandardCharsets.UTF_8)));
        assertProblem(() -> e.check(Json.mapper().writeValueAsBytes(tree)), Problem.INVALID_INVITATION);

        assertProblem(() -> e.check("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)), Problem.INVALID_INVITATION);
        assertProblem(() -> e.check("not json".getBytes(StandardCharsets.UTF_8)), Problem.INVALID_INVITATION);
        String dup = new String(invite, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"version\": 1,");
        assertProblem(() -> e.check(dup.getBytes(StandardCharsets.UTF_8)), Problem.INVALID_INVITATION);
    }

    @Test
    void anotherOrganisationKeyIsRefusedUntilTheVolunteerLeaves() {
        byte[] first = signed("İHD", List.of(recipient()), null, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7)));
        byte[] sameKeyRenewed = signed("İHD", List.of(recipient(), recipient()), "https://intake.example.org",
                NOW.minusSeconds(30), NOW.plus(Duration.ofDays(14)));
        byte[] otherPrivate = Ed25519.generatePrivateKey();
        byte[] otherKey = new InvitationCodec().write(new Invitation("İHD", List.of(recipient()),
                Ed25519.publicKey(otherPrivate), null, null, null, null, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))),
                otherPrivate);
        try (VaultSession v = vaults.create(dir.resolve("volunteer"), PASS)) {
            Enrolment e = new Enrolment(clock);
            assertThat(e.propose(v, first).renewal()).isFalse();
            e.enrol(v, first);

            // Same name, another key: refused, naming both, and the vault keeps its organisation.
            assertThatThrownBy(() -> e.enrol(v, otherKey)).isInstanceOf(TanikException.class)
                    .satisfies(ex -> {
                        TanikException te = (TanikException) ex;
                        assertThat(te.problem()).isEqualTo(Problem.ENROLLED_ELSEWHERE);
                        assertThat(te.args()).containsExactly("İHD", e.check(first).fingerprint(), "İHD",
                                e.check(otherKey).fingerprint());
                    });
            assertProblem(() -> e.propose(v, otherKey), Problem.ENROLLED_ELSEWHERE);
            assertThat(e.require(v).fingerprint()).isEqualTo(e.check(first).fingerprint());

            // A renewal from the same key says what changed, and replaces the stored invitation.
            Enrolment.Proposal renewal = e.propose(v, sameKeyRenewed);
            assertThat(renewal.renewal()).isTrue();
            assertThat(renewal.recipientsChanged()).isTrue();
            assertThat(renewal.intakeChanged()).isTrue();
            assertThat(renewal.renamed()).isFalse();
            assertThat(e.enrol(v, sameKeyRenewed)).map(Invitation::recipients).contains(e.check(first).recipients());
            assertThat(e.require(v).recipients()).hasSize(2);
            assertThat(e.propose(v, sameKeyRenewed).recipientsChanged()).isFalse();

            // Leaving is the one way to another organisation.
            assertThat(e.leave(v).organisation()).isEqualTo("İHD");
            assertThat(e.current(v)).isEmpty();
            assertProblem(() -> e.leave(v), Problem.NOT_ENROLLED);
            assertThat(e.enrol(v, otherKey)).isEmpty();
            assertThat(e.require(v).fingerprint()).isEqualTo(e.check(otherKey).fingerprint());
        }
    }

    @Test
    void anInvitationThatExpiresBeforeItIsIssuedIsRefused() {
        InvitationCodec codec = new InvitationCodec();
        assertThat(codec.read(signed("Org", List.of(recipient()), null, NOW, NOW.plusMillis(1))).expiresAt())
                .isEqualTo(NOW.plusMillis(1));
        assertProblem(() -> codec.read(signed("Org", List.of(recipient()), null, NOW, NOW)), Problem.INVITATION_DATES);
        assertProblem(() -> codec.read(signed("Org", List.of(recipient()), null, NOW, NOW.minus(Duration.ofDays(1)))),
                Problem.INVITATION_DATES);
        // Its own sentence, in both languages.
        TanikException refused = new TanikException(Problem.INVITATION_DATES);
        assertThat(new Messages(Locale.ENGLISH).describe(refused)).contains("expires before it was issued");
        assertThat(new Messages(Locale.forLanguageTag("tr")).describe(refused)).contains("düzenlendiği andan önce sona eriyor");
    }

    @Test
    void anInvitationCarriesItsIntakeAndABadIntakeKeyMakesItInvalid() {
        byte[] orgKey = Ed25519.generatePrivateKey();
        String pin = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String intakeKey = org.tanik.sync.Keys.text(Ed25519.publicKey(Ed25519.generatePrivateKey()));
        InvitationCodec codec = new InvitationCodec();
        Invitation read = codec.read(codec.write(new Invitation("Org", List.of(recipient()), Ed25519.publicKey(orgKey),
                "https://abc.onion", pin, intakeKey, "direct-allowed", NOW, NOW.plusSeconds(9)), orgKey));
        org.tanik.sync.IntakeAddress intake = read.intake().orElseThrow();
        assertThat(intake.route()).isEqualTo(org.tanik.sync.Route.DIRECT_ALLOWED);
        assertThat(intake.intakeKey()).isEqualTo(org.tanik.sync.Keys.parse(intakeKey));
        assertThat(intake.onion()).isTrue();
        // Without a route the organisation's intake is reached through Tor only: the safe reading.
        assertThat(codec.read(codec.write(new Invitation("Org", List.of(recipient()), Ed25519.publicKey(orgKey),
                "https://intake.example", pin, intakeKey, null, NOW, NOW.plusSeconds(9)), orgKey)).intake()
                .orElseThrow().route()).isEqualTo(org.tanik.sync.Route.TOR_ONLY);
        assertThatThrownBy(() -> codec.read(codec.write(new Invitation("Org", List.of(recipient()),
                Ed25519.publicKey(orgKey), "https://intake.example", pin, "AAAA", "tor-only", NOW, NOW.plusSeconds(9)),
                orgKey))).isInstanceOf(TanikException.class);
    }

    @Test
    void fingerprintsAreComparedWithOrWithoutSpaces() {
        Invitation inv = new InvitationCodec().read(signed("Org", List.of(recipient()), null, NOW, NOW.plusSeconds(9)));
        assertThat(inv.fingerprintMatches(inv.fingerprint())).isTrue();
        assertThat(inv.fingerprintMatches(" " + inv.fingerprint().replace(" ", "") + "\n")).isTrue();
        assertThat(inv.fingerprintMatches(inv.fingerprint().replace(" ", "x"))).isFalse();
        assertThat(inv.fingerprintMatches(inv.fingerprint().replace(" ", "") + " ")).isTrue();
        assertThat(inv.fingerprintMatches(inv.fingerprint().replace(" ", "-"))).isTrue();
        assertThat(inv.fingerprintMatches(inv.fingerprint().substring(1))).isFalse();
        assertThat(inv.fingerprintMatches("")).isFalse();
        assertThat(inv.fingerprintMatches(null)).isFalse();
    }

    /** One signing key for every invitation this test signs: one organisation, renewing its invitation. */
    private final byte[] orgKey = Ed25519.generatePrivateKey();

    private byte[] signed(String name, List<String> recipients, String intakeUrl, Instant issued, Instant expires) {
        return new InvitationCodec().write(new Invitation(name, recipients, Ed25519.publicKey(orgKey), intakeUrl, null,
                null, null, issued, expires), orgKey);
    }

    private static String recipient() {
        return X25519Identity.generate().recipient().encode();
    }

    @Test
    void everyVaultHasAStableDeviceKey() {
        String fp;
        try (VaultSession v = vaults.create(dir, PASS)) {
            fp = v.device().fingerprint();
            byte[] sig = v.device().sign(new byte[] {1, 2, 3});
            assertThat(org.tanik.crypto.Ed25519.verify(v.device().publicKey(), new byte[] {1, 2, 3}, sig)).isTrue();
        }
        try (VaultSession v = vaults.open(dir, PASS)) {
            assertThat(v.device().fingerprint()).isEqualTo(fp);
        }
    }

    static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, Problem p) {
        assertThatThrownBy(c).isInstanceOf(TanikException.class)
                .satisfies(ex -> assertThat(((TanikException) ex).problem()).isEqualTo(p));
    }
}
