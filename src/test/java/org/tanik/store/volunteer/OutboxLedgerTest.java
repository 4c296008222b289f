package org.tanik.store.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.testing.MutableClock;

class OutboxLedgerTest {

    static final char[] PASS = "outbox ledger test passphrase".toCharArray();
    static final String ID = "6f1c1d0e-6a57-4a4c-9d0a-3b1f3c0b2a11";
    static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    final Vaults vaults = new Vaults(Argon2Params.TESTING, clock);

    private static void add(VaultSession v) {
        v.exports().recordExport(1, ID, SHA, Instant.parse("2026-11-01T08:00:00Z"), List.of(),
                new ExportLedger.OutboxCopy(v.outbox(), ID + ".tanik", 1234));
    }

    @Test
    void theUploadPathAndTheFailureSurviveARestart() {
        Path vault = dir.resolve("v");
        try (VaultSession v = vaults.create(vault, PASS)) {
            add(v);
            v.outbox().sending(ID);
            v.outbox().uploadStarted(ID, "/files/0123");
            v.outbox().failed(ID, "SYNC_PROXY_UNREACHABLE", List.of("127.0.0.1:9050"), Instant.parse("2026-11-01T08:01:00Z"));
        }
        try (VaultSession v = vaults.open(vault, PASS)) {
            OutboxLedger.Entry e = v.outbox().get(ID).orElseThrow();
            assertThat(e.resumeFrom()).contains("/files/0123");
            assertThat(e.state()).isEqualTo(OutboxLedger.State.FAILED);
            assertThat(e.problem()).isEqualTo("SYNC_PROXY_UNREACHABLE");
            assertThat(e.problemArgs()).containsExactly("127.0.0.1:9050");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttempt()).isEqualTo(Instant.parse("2026-11-01T08:01:00Z"));
            assertThat(e).extracting(OutboxLedger.Entry::sequence, OutboxLedger.Entry::sha256, OutboxLedger.Entry::size,
                    OutboxLedger.Entry::fileName).containsExactly(1L, SHA, 1234L, ID + ".tanik");
        }
    }

    @Test
    void deliveredOnlyWithAReceiptForExactlyThisFile() {
        try (VaultSession v = vaults.create(dir.resolve("v"), PASS)) {
            add(v);
            Instant at = Instant.parse("2026-11-01T09:00:00Z");
            assertThatThrownBy(() -> v.outbox().delivered(ID, "cd".repeat(32), 1234, at, "token"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v.outbox().delivered(ID, SHA, 1235, at, "token"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v.outbox().delivered(ID, SHA, 1234, at, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(v.outbox().get(ID).orElseThrow().state()).isEqualTo(OutboxLedger.State.WAITING);

            v.outbox().delivered(ID, SHA.toUpperCase(java.util.Locale.ROOT), 1234, at, "token");
            OutboxLedger.Entry e = v.outbox().get(ID).orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxLedger.State.DELIVERED);
            assertThat(e.receipt()).isEqualTo("token");
            assertThat(e.receivedAt()).isEqualTo(at);
            // A late failure report never undoes a delivery.
            v.outbox().failed(ID, "SYNC_UNREACHABLE", List.of(), null);
            assertThat(v.outbox().get(ID).orElseThrow().state()).isEqualTo(OutboxLedger.State.DELIVERED);
        }
    }

    @Test
    void theTransportKeyIsMadeOnFirstNeedKeptSealedAndNotTheDeviceKey() {
        Path vault = dir.resolve("v");
        byte[] first;
        try (VaultSession v = vaults.create(vault, PASS)) {
            assertThat(v.secrets().contains(TransportKey.SECRET_NAME)).isFalse();
            first = v.transport().publicKey();
            assertThat(v.secrets().contains(TransportKey.SECRET_NAME)).isTrue();
            assertThat(first).isNotEqualTo(v.device().publicKey());
            byte[] copy = v.transport().privateKey();
            assertThat(Ed25519.publicKey(copy)).isEqualTo(first);
            java.util.Arrays.fill(copy, (byte) 0);
            // Wiping the copy does not touch the key kept in the vault.
            assertThat(v.transport().publicKey()).isEqualTo(first);
        }
        try (VaultSession v = vaults.open(vault, PASS)) {
            assertThat(v.transport().publicKey()).isEqualTo(first);
        }
    }
}
