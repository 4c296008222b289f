package org.tanik.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.store.StoreInternals;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/**
 * The database settings a vault relies on are the ones in force once it is open, not only words in a
 * URL. MAX_COMPACT_TIME=0 keeps H2 from compacting the file on close (it gave back no space). Tests run
 * H2 as it is shipped, without its own assertions: one of them, failing during compaction under -ea,
 * once left vaults that did not reopen (CoordinatorBenchmark checks that every vault it imported into
 * opens again).
 */
class DatabaseSettingsTest {

    static final char[] PASS = "settings test passphrase words".toCharArray();

    @TempDir
    Path dir;

    @Test
    void anOpenVaultRunsWithTheSettingsItNeeds() throws SQLException {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        vaults.create(dir.resolve("v"), PASS.clone()).close();
        try (VaultSession v = vaults.open(dir.resolve("v"), PASS.clone())) {
            assertThat(setting(v, "MAX_COMPACT_TIME")).as("no compaction on close").isEqualTo("0");
            assertThat(setting(v, "WRITE_DELAY")).as("commits reach the file at once").isEqualTo("0");
            assertThat(setting(v, "QUERY_CACHE_SIZE")).isEqualTo("64");
        }
    }

    @Test
    void h2RunsWithoutItsAssertionsAsShipped() {
        // Surefire's -ea would switch them on; pom.xml's argLine has -da:org.h2... to keep them off.
        assertThat(org.h2.mvstore.MVStore.class.desiredAssertionStatus()).isFalse();
        assertThat(DatabaseSettingsTest.class.desiredAssertionStatus()).as("Tanik's own stay on").isTrue();
    }

    private static String setting(VaultSession v, String name) throws SQLException {
        try (PreparedStatement s = StoreInternals.connection(v).prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
