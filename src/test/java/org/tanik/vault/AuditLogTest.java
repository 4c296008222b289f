package org.tanik.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;

/** The audit log's chain: any edit, deletion or reordering of an entry is detected. */
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

    private static void exec(VaultSession s, String sql) throws Exception {
        try (var st = s.connection().createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
