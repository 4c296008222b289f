package org.tanik.store.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Ed25519;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/**
 * The audit log's chain: any edit, deletion or reordering of an entry is detected; signed checkpoints
 * also catch a tail cut off below them, a rewritten chain and a checkpoint the organisation did not sign.
 */
class AuditLogTest {

    static final char[] PASS = "audit log test passphrase words".toCharArray();

    @TempDir
    Path dir;

    @Test
    void detectsEditsDeletionsAndReordering() throws Exception {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        try (VaultSession s = vaults.create(dir, PASS)) {
            AuditLog log = s.coordinator().audit();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                s.coordinator().inTransaction(() -> log.append("review", "t" + n, "note " + n));
            }
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.verify().entries()).isEqualTo(5);
            assertThat(log.entries()).extracting(AuditLog.Entry::detail).containsExactly("note 1", "note 2", "note 3",
                    "note 4", "note 5");

            exec(s, "UPDATE audit_log SET subject = 'other' WHERE seq = 3");
            assertThat(log.verify().firstBad()).isEqualTo(3);
            exec(s, "UPDATE audit_log SET subject = 't3' WHERE seq = 3");
            assertThat(log.verify().intact()).isTrue();

            exec(s, "UPDATE audit_log SET at = DATEADD('SECOND', 1, at) WHERE seq = 2");
            assertThat(log.verify().firstBad()).isEqualTo(2);
            exec(s, "UPDATE audit_log SET at = DATEADD('SECOND', -1, at) WHERE seq = 2");
            assertThat(log.verify().intact()).isTrue();

            // Swapping the sealed details of two entries breaks both the hash and the seal.
            exec(s, "UPDATE audit_log SET detail = (SELECT detail FROM audit_log WHERE seq = 5) WHERE seq = 4");
            assertThat(log.verify().firstBad()).isEqualTo(4);
            // The altered entry cannot be read, but the others still can (the GUI lists them).
            assertThat(log.entries()).extracting(AuditLog.Entry::detail).containsExactly("note 1", "note 2", "note 3",
                    null, "note 5");
        }
        try (VaultSession s = vaults.open(dir, PASS)) {
            exec(s, "DELETE FROM audit_log WHERE seq >= 4");
            assertThat(s.coordinator().audit().verify().intact()).isTrue(); // a cut tail is a valid shorter chain...
            exec(s, "DELETE FROM audit_log WHERE seq = 2");
            assertThat(s.coordinator().audit().verify().firstBad()).isEqualTo(3); // ...but a gap is not
        }
    }

    @Test
    void signedCheckpointsAnchorTheHead() throws Exception {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        byte[] orgKey = Ed25519.generatePrivateKey();
        byte[] orgPublic = Ed25519.publicKey(orgKey);
        try (VaultSession s = vaults.create(dir, PASS)) {
            AuditLog log = s.coordinator().audit();
            assertThat(log.verify(orgPublic).anchor()).isEqualTo(AuditLog.Anchor.NONE);
            append(s, 3);
            AuditLog.Checkpoint three = log.checkpoint(orgPublic, m -> Ed25519.sign(orgKey, m)).orElseThrow();
            assertThat(three.entries()).isEqualTo(3);
            assertThat(three.head()).isEqualTo(log.verify().head());
            // Nothing new since: the same checkpoint, not another row.
            assertThat(log.checkpoint(orgPublic, m -> Ed25519.sign(orgKey, m))).contains(three);
            append(s, 2);
            AuditLog.Verification v = log.verify(orgPublic);
            assertThat(v.intact()).isTrue();
            assertThat(v.anchor()).isEqualTo(AuditLog.Anchor.REACHED);
            assertThat(v.checkpoint()).isEqualTo(three);
            assertThat(log.find(three.head())).isEqualTo(3);
            assertThat(log.find(three.shortHead())).isEqualTo(3);
            assertThat(log.find(AuditLog.GENESIS)).isZero();
            assertThat(log.find("ab".repeat(32))).isEqualTo(-1);

            // Entries after the newest checkpoint can go unnoticed here (a head kept elsewhere tells)...
            exec(s, "DELETE FROM audit_log WHERE seq = 5");
            assertThat(log.verify(orgPublic).intact()).isTrue();
            // ...but not down past it.
            exec(s, "DELETE FROM audit_log WHERE seq >= 3");
            v = log.verify(orgPublic);
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBad()).isEqualTo(-1);
            assertThat(v.anchor()).isEqualTo(AuditLog.Anchor.CUT);
            assertThat(v.checkpoint()).isEqualTo(three);
            assertThat(v.entries()).isEqualTo(2);
            assertThat(log.find(three.head())).isEqualTo(-1);
            // A log that does not verify gets no signature.
            assertThat(log.checkpoint(orgPublic, m -> Ed25519.sign(orgKey, m))).isEmpty();
        }
    }

    @Test
    void aRewrittenChainOrAForeignSignatureIsReported() throws Exception {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        byte[] orgKey = Ed25519.generatePrivateKey();
        byte[] orgPublic = Ed25519.publicKey(orgKey);
        try (VaultSession s = vaults.create(dir, PASS)) {
            AuditLog log = s.coordinator().audit();
            append(s, 3);
            log.checkpoint(orgPublic, m -> Ed25519.sign(orgKey, m)).orElseThrow();
            append(s, 1);

            // Entry 2 changed and every hash after it computed again: the chain alone holds, the checkpoint does not.
            exec(s, "UPDATE audit_log SET subject = 'other' WHERE seq = 2");
            rehash(s);
            assertThat(log.verify().firstBad()).isEqualTo(-1);
            AuditLog.Verification v = log.verify(orgPublic);
            assertThat(v.anchor()).isEqualTo(AuditLog.Anchor.REWRITTEN);
            assertThat(v.checkpoint().entries()).isEqualTo(3);
            exec(s, "UPDATE audit_log SET subject = 't2' WHERE seq = 2");
            rehash(s);
            assertThat(log.verify(orgPublic).intact()).isTrue();

            // A checkpoint signed with another key, for the rewritten chain: forged.
            byte[] otherKey = Ed25519.generatePrivateKey();
            exec(s, "UPDATE audit_log SET subject = 'other' WHERE seq = 2");
            rehash(s);
            exec(s, "DELETE FROM audit_checkpoint");
            log.checkpoint(Ed25519.publicKey(otherKey), m -> Ed25519.sign(otherKey, m)).orElseThrow();
            v = log.verify(orgPublic);
            assertThat(v.intact()).isFalse();
            assertThat(v.anchor()).isEqualTo(AuditLog.Anchor.FORGED);
            assertThat(v.checkpoint().entries()).isEqualTo(4);
            // Without the organisation's key only counts and hashes are checked.
            assertThat(log.verify().intact()).isTrue();
        }
    }

    private static void append(VaultSession s, int n) {
        AuditLog log = s.coordinator().audit();
        for (int i = 0; i < n; i++) {
            long seq = log.entries().size() + 1;
            s.coordinator().inTransaction(() -> log.append("review", "t" + seq, "note " + seq));
        }
    }

    /** Computes every entry's hash again, as someone who rewrites the log behind the app's back would. */
    private static void rehash(VaultSession s) throws Exception {
        String prev = AuditLog.GENESIS;
        try (var st = StoreInternals.connection(s).createStatement();
             var r = st.executeQuery("SELECT seq, at, action, subject, detail FROM audit_log ORDER BY seq")) {
            while (r.next()) {
                String hash = AuditLog.hash(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                        r.getBytes(5), prev);
                try (var u = StoreInternals.connection(s).prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                    u.setString(1, prev);
                    u.setString(2, hash);
                    u.setLong(3, r.getLong(1));
                    u.executeUpdate();
                }
                prev = hash;
            }
        }
    }

    private static void exec(VaultSession s, String sql) throws Exception {
        try (var st = StoreInternals.connection(s).createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
