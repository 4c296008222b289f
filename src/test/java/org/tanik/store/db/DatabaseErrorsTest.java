package org.tanik.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Which H2 errors are called what. Damage is said only where H2 found a file it cannot trust, or
 * where a vault would not open; a write that failed for another reason was undone and says so.
 * H2's own message, which can quote row contents, never reaches the problem.
 */
class DatabaseErrorsTest {

    static final String ROW_TEXT = "gözaltında işkence MARKER-7f3a";

    static SQLException h2(int code, String reason) {
        return new SQLException("Error: \"" + ROW_TEXT + "\" " + reason, "HY000", code, new IOException(reason));
    }

    @ParameterizedTest(name = "{0} at work: {2}")
    @CsvSource({
            "90030, file corrupted, DATABASE_DAMAGED",
            "90048, unsupported file format, DATABASE_DAMAGED",
            "90049, wrong encryption key, DATABASE_DAMAGED",
            "90098, database closed, VAULT_LOCKED",
            "90121, closed at shutdown, VAULT_LOCKED",
            "90007, statement closed, VAULT_LOCKED",
            "90100, No space left on device, DISK_FULL",
            "90101, No space left on device, DISK_FULL",
            "90028, No space left on device, DISK_FULL",
            "90028, Input/output error, IO_FAILURE",
            "50000, internal failure, DATABASE_ERROR",
            "50200, lock timeout, DATABASE_ERROR",
            "40001, deadlock, DATABASE_ERROR",
            "23505, unique index violated, DATABASE_ERROR",
            "90108, out of memory, OUT_OF_MEMORY"})
    void atWork(int code, String reason, Problem expected) {
        TanikException e = Database.translate(h2(code, reason));
        assertThat(e.problem()).isEqualTo(expected);
        assertNothingQuoted(e);
    }

    @ParameterizedTest(name = "{0} on open: {2}")
    @CsvSource({
            "90030, file corrupted, DATABASE_DAMAGED",
            "50000, internal failure, DATABASE_DAMAGED",
            "90020, already in use, DATABASE_DAMAGED",
            "90028, No space left on device, DISK_FULL",
            "90028, Input/output error, IO_FAILURE",
            "90108, out of memory, OUT_OF_MEMORY"})
    void onOpen(int code, String reason, Problem expected) {
        TanikException e = Database.translateOpen(h2(code, reason));
        assertThat(e.problem()).isEqualTo(expected);
        assertNothingQuoted(e);
    }

    @Test
    void theHeapRunningOutUnderAnotherCodeIsStillNotDamage() {
        // H2's file store turns an OutOfMemoryError met while reading into its own "file corrupted".
        SQLException wrapped = new SQLException("Error: \"" + ROW_TEXT + "\"", "HY000", 90030,
                new IllegalStateException("panic", new OutOfMemoryError("Java heap space")));
        TanikException e = Database.translateOpen(wrapped);
        assertThat(e.problem()).isEqualTo(Problem.OUT_OF_MEMORY);
        assertNothingQuoted(e);
        assertThat(new Messages(Locale.ENGLISH).describe(e)).contains("not enough memory").contains("not damaged");
        assertThat(new Messages(Locale.forLanguageTag("tr")).describe(e)).contains("yeterli bellek yok").contains("hasarlı değil");
    }

    private static void assertNothingQuoted(TanikException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("MARKER-7f3a");
        }
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("tr")}) {
            assertThat(new Messages(l).describe(e)).doesNotContain("MARKER-7f3a").doesNotContain("H2");
        }
    }
}
