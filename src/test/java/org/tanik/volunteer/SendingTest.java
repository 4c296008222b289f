package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanik.volunteer.OutboxTest.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.store.volunteer.OutboxLedger;
import org.tanik.testing.FakeCourier;
import org.tanik.testing.Invitations;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

class SendingTest {

    static final String PIN = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String URL = "https://intake.example.org:8443";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    final Vaults vaults = new Vaults(Argon2Params.TESTING, clock);
    final FakeCourier courier = new FakeCourier();

    /** A volunteer vault enrolled with an organisation whose invitation names an intake with this route. */
    VaultSession volunteer(String route) {
        VaultSession v = vaults.create(dir.resolve("vol"), Organisations.PASS);
        enrol(v, route);
        return v;
    }

    static void enrol(VaultSession v, String route) {
        Invitations org = new Invitations();
        Invitation plain = org.invitation("Org", Invitations.recipients(1), route == null ? null : URL);
        Invitation inv = route == null ? plain : new Invitation(plain.organisation(), plain.recipients(),
                plain.signingKey(), URL, PIN, Base64.getEncoder().encodeToString(
                        Ed25519.publicKey(Ed25519.generatePrivateKey())), route, plain.issuedAt(), plain.expiresAt());
        new Enrolment(java.time.Clock.systemUTC()).enrol(v, org.file(inv));
    }

    Sending sending(VaultSession v, String proxy, boolean proxyOnly) {
        return new Sending(new OpenVault(v), clock, courier, new Sending.Options(proxy, proxyOnly));
    }

    @Test
    void torOnlyWithoutAProxyAttemptsNothing() {
        try (VaultSession v = volunteer("tor-only")) {
            Organisations.sealed(v, "bir");
            assertProblem(() -> sending(v, "", false).route(), Problem.SYNC_PROXY_REQUIRED);
            assertProblem(() -> sending(v, "", false).send(Progress.none()), Problem.SYNC_PROXY_REQUIRED);
            assertThat(courier.opened).isZero();
            assertThat(courier.uploads).isEmpty();
            // Not even exported: the sealed version still waits, and the outbox is empty.
            assertThat(v.exports().pending()).hasSize(1);
            assertThat(v.outbox().list()).isEmpty();
        }
    }

    @Test
    void proxyOnlyRefusesADirectRouteTheOrganisationWouldAllow() {
        try (VaultSession v = volunteer("direct-allowed")) {
            Organisations.sealed(v, "bir");
            assertThat(sending(v, "", false).route()).isEqualTo(new Sending.RoutePlan(java.util.Optional.empty(), URL));
            assertProblem(() -> sending(v, "", true).send(Progress.none()), Problem.SYNC_PROXY_REQUIRED);
            assertProblem(() -> sending(v, "", false).automatic().send(Progress.none()), Problem.SYNC_PROXY_REQUIRED);
            assertThat(courier.opened).isZero();
            assertThat(sending(v, "socks5://127.0.0.1:9050", true).route().proxy()).contains("127.0.0.1:9050");
            assertThat(sending(v, "", true).withProxy("socks5://127.0.0.1:9150").route().proxy()).contains("127.0.0.1:9150");
        }
    }

    @Test
    void noIntakeInTheInvitationIsNotConfigured() {
        try (VaultSession v = volunteer(null)) {
            Organisations.sealed(v, "bir");
            assertProblem(() -> sending(v, "socks5://127.0.0.1:9050", false).send(Progress.none()),
                    Problem.SYNC_NOT_CONFIGURED);
            assertThat(courier.opened).isZero();
        }
    }

    @Test
    void sendExportsFirstThenDeliversWithTheReceiptAndDeletesTheCopy() throws Exception {
        try (VaultSession v = volunteer("tor-only")) {
            Organisations.sealed(v, "bir");
            Path first = Organisations.export(dir, clock, v, "b1.tanik");
            Organisations.sealed(v, "iki");
            List<Sending.Bundle> sent = sending(v, "socks5://127.0.0.1:9050", false).send(Progress.none());

            assertThat(sent).extracting(Sending.Bundle::sequence).containsExactly(1L, 2L);
            assertThat(sent).allSatisfy(b -> {
                assertThat(b.state()).isEqualTo(Sending.State.DELIVERED);
                assertThat(b.receivedAt()).isEqualTo(courier.receivedAt);
            });
            assertThat(courier.registered).as("registered once per run").isEqualTo(1);
            assertThat(courier.keyWiped).isTrue();
            assertThat(courier.uploads).allSatisfy(u -> assertThat(u.fileExisted()).isTrue());
            // The copy the USB export made is the one sent, byte for byte.
            assertThat(courier.uploads.get(0).sha256())
                    .isEqualTo(org.tanik.crypto.Sha256.hex(Files.readAllBytes(first)));
            assertThat(Files.list(v.directory().resolve("outbox"))).isEmpty();
            assertThat(v.outbox().list()).allSatisfy(e -> assertThat(e.receipt()).startsWith("token-"));
            assertThat(v.exports().pending()).isEmpty();
        }
    }

    @Test
    void aFailureKeepsTheCopyAndTheUploadPathAndTheNextSendResumes() throws Exception {
        Path vaultDir;
        try (VaultSession v = volunteer("tor-only")) {
            vaultDir = v.vaultDirectory();
            Organisations.sealed(v, "bir");
            courier.failAfterCreated("/files/abc", new TanikException(Problem.SYNC_UNREACHABLE));
            List<Sending.Bundle> sent = sending(v, "socks5://127.0.0.1:9050", false).send(Progress.none());
            assertThat(sent).singleElement().satisfies(b -> {
                assertThat(b.state()).isEqualTo(Sending.State.FAILED);
                assertThat(b.problem()).get().extracting(TanikException::problem).isEqualTo(Problem.SYNC_UNREACHABLE);
                assertThat(b.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            });
            OutboxLedger.Entry e = v.outbox().list().get(0);
            assertThat(v.directory().resolve("outbox").resolve(e.fileName())).exists();
        }
        // A restart (lock, unlock) keeps where the upload stopped, and the next send resumes there.
        try (VaultSession v = vaults.open(vaultDir, Organisations.PASS)) {
            assertThat(v.outbox().list().get(0).uploadPath()).isEqualTo("/files/abc");
            sending(v, "socks5://127.0.0.1:9050", false).send(Progress.none());
            assertThat(courier.uploads.get(1).resumeFrom()).contains("/files/abc");
            assertThat(v.outbox().list().get(0).state()).isEqualTo(OutboxLedger.State.DELIVERED);
        }
    }

    @Test
    void aProblemWithTheConnectionStopsTheRunAndFailsTheRestWithoutTryingThem() {
        try (VaultSession v = volunteer("tor-only")) {
            Organisations.sealed(v, "bir");
            Organisations.export(dir, clock, v, "b1.tanik");
            Organisations.sealed(v, "iki");
            courier.fail(new TanikException(Problem.SYNC_PROXY_UNREACHABLE, "127.0.0.1:9050"));
            List<Sending.Bundle> sent = sending(v, "socks5://127.0.0.1:9050", false).send(Progress.none());
            assertThat(courier.uploads).hasSize(1);
            assertThat(sent).allSatisfy(b -> assertThat(b.problem()).get()
                    .satisfies(p -> assertThat(p.args()).containsExactly("127.0.0.1:9050")));
        }
    }

    @Test
    void aReceiptForAnotherFileDoesNotDeliver() {
        try (VaultSession v = volunteer("tor-only")) {
            Organisations.sealed(v, "bir");
            Sending s = new Sending(new OpenVault(v), clock, (intake, connection, key) -> new Courier() {
                @Override
                public void register(byte[] invitationFile) {
                }

                @Override
                public Delivered upload(Path file, String sha256, java.util.Optional<String> resumeFrom, Upload upload) {
                    return new Delivered(new org.tanik.sync.Receipt("0".repeat(64), 1, clock.instant()), "t");
                }

                @Override
                public void close() {
                }
            }, new Sending.Options("socks5://127.0.0.1:9050", false));
            assertThat(s.send(Progress.none())).singleElement()
                    .satisfies(b -> assertThat(b.state()).isEqualTo(Sending.State.FAILED));
            assertThat(Files.exists(v.directory().resolve("outbox").resolve(v.outbox().list().get(0).fileName()))).isTrue();
        }
    }

    @Test
    void backoffDoublesFromAMinuteToAnHour() {
        assertThat(List.of(1, 2, 3, 7, 8, 50)).extracting(Sending::backoff).containsExactly(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(60), Duration.ofHours(1),
                Duration.ofHours(1));
    }
}
