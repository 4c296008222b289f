package org.tanik.store.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;

/**
 * Structured audit details: what a coordinator types cannot change their structure, old plain-text
 * details are never mistaken for them, and a log mixing both still verifies.
 */
class AuditDetailTest {

    /** Separators and escapes of JSON, MessageFormat, the CLI's lines and a key|arg encoding. */
    static final List<String> HOSTILE = List.of("", "a|b|c", "\\|", "\"},\"key\":\"audit.detail.x\",\"args\":[\"",
            "{\"key\":\"k\",\"args\":[]}", "{0} {1,number} '' ' {", "line one\nline two\r\n\u0000\u001b[31m",
            "\u202eİstanbul'da gözaltı\u202c", "\ud83d\ude00 \\u0041 \\\"", "]]}}", "null", "x".repeat(10_000));

    @TempDir
    Path dir;

    @Test
    void hostileArgumentsRoundTripUnchanged() {
        for (String s : HOSTILE) {
            AuditDetail d = AuditDetail.of("audit.detail.reviewNote", AuditDetail.of("review.state.VERIFIED"), s);
            String stored = d.encode();
            assertThat(AuditDetail.decode(stored)).as(s).contains(d);
            assertThat(AuditDetail.decode(stored).orElseThrow().args().get(1)).isEqualTo(s);
            assertThat(stored).doesNotContain("\n").doesNotContain("\u0000");
        }
    }

    @Test
    void integersAndNestedDetailsKeepTheirType() {
        AuditDetail d = AuditDetail.of("audit.detail.rejected", "12345 67890 12345 67890", 7,
                AuditDetail.of("import.reason.replaySequence", "7"));
        assertThat(d.args()).containsExactly("12345 67890 12345 67890", 7L, AuditDetail.of("import.reason.replaySequence", "7"));
        assertThat(d.encode()).isEqualTo("{\"key\":\"audit.detail.rejected\",\"args\":[\"12345 67890 12345 67890\",7,"
                + "{\"key\":\"import.reason.replaySequence\",\"args\":[\"7\"]}]}");
        assertThat(AuditDetail.decode(d.encode())).contains(d);
        assertThat(AuditDetail.decode(AuditDetail.of("audit.detail.import", Long.MAX_VALUE).encode()).orElseThrow()
                .args()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void plainTextOfOlderEntriesIsNotStructured() {
        for (String old : List.of("device 12345 67890 12345 67890, sequence 2, 3 new versions, file sha256 " + "a".repeat(64),
                "label: {\"key\":\"audit.detail.x\",\"args\":[]}", "reason: laptop seized", "VERIFIED: {0}",
                "organisation identity written to a file", "", " {\"key\":\"k\",\"args\":[]}")) {
            assertThat(AuditDetail.decode(old)).as(old).isEmpty();
        }
        assertThat(AuditDetail.decode(null)).isEmpty();
    }

    @Test
    void anythingButExactlyTheFormatIsNotStructured() {
        for (String bad : List.of("{", "{}", "{\"key\":\"k\"}", "{\"args\":[]}", "{\"key\":\"k\",\"args\":[]}x",
                "{\"key\":\"k\",\"args\":[]} {}", "{\"key\":\"k\",\"key\":\"j\",\"args\":[]}",
                "{\"key\":\"k\",\"args\":[],\"more\":1}", "{\"key\":\"k\",\"args\":[1.5]}", "{\"key\":\"k\",\"args\":[true]}",
                "{\"key\":\"k\",\"args\":[null]}", "{\"key\":\"k\",\"args\":[[]]}", "{\"key\":\"K y\",\"args\":[]}",
                "{\"key\":\"k\",\"args\":[99999999999999999999]}", "{\"key\":\"k\",\"args\":[{\"key\":\"j\"}]}",
                "{\"key\":\"k\",\"args\":" + "[\"a\",".repeat(1) + "\"b\"" + "]" + "}" + "}",
                "{\"key\":\"k\",\"args\":[" + "\"a\",".repeat(AuditDetail.MAX_ARGS) + "\"b\"]}",
                deep(AuditDetail.MAX_DEPTH + 1), deep(5_000))) {
            assertThat(AuditDetail.decode(bad)).as(bad.length() > 200 ? bad.substring(0, 200) : bad).isEmpty();
        }
        assertThat(AuditDetail.decode(deep(AuditDetail.MAX_DEPTH))).isPresent();
    }

    @Test
    void writersCannotMakeWhatReadersRefuse() {
        assertThatThrownBy(() -> AuditDetail.of("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetail.of("k", (Object) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetail.of("k", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetail.of("k", new Object[AuditDetail.MAX_ARGS + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        AuditDetail nested = AuditDetail.of("k");
        for (int i = 1; i < AuditDetail.MAX_DEPTH; i++) {
            nested = AuditDetail.of("k", nested);
        }
        AuditDetail deepest = nested;
        assertThatThrownBy(() -> AuditDetail.of("k", deepest)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLogOfOldAndNewEntriesVerifiesAndReadsBack() throws Exception {
        Vaults vaults = new Vaults(Argon2Params.TESTING, Clock.systemUTC());
        AuditDetail revoke = AuditDetail.of("audit.detail.revoke", HOSTILE.get(6));
        try (VaultSession s = vaults.create(dir, AuditLogTest.PASS)) {
            AuditLog log = s.coordinator().audit();
            s.coordinator().inTransaction(() -> log.append("device.approve", "fp", "label: old style"));
            s.coordinator().inTransaction(() -> log.append("device.revoke", "fp", revoke));
        }
        try (VaultSession s = vaults.open(dir, AuditLogTest.PASS)) {
            AuditLog log = s.coordinator().audit();
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.verify().entries()).isEqualTo(2);
            List<AuditLog.Entry> entries = log.entries();
            assertThat(entries.get(0).detail()).isEqualTo("label: old style");
            assertThat(AuditDetail.decode(entries.get(0).detail())).isEmpty();
            assertThat(AuditDetail.decode(entries.get(1).detail())).contains(revoke);
        }
    }

    private static String deep(int depth) {
        return "{\"key\":\"k\",\"args\":[".repeat(depth - 1) + "{\"key\":\"k\",\"args\":[]}" + "]}".repeat(depth - 1);
    }
}
