package org.tanik.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.i18n.Messages;

/** Every sync problem has its own sentence in English and in Turkish, as the volunteer reads it. */
class SyncSentencesTest {

    private final Messages en = new Messages(Locale.ENGLISH);
    private final Messages tr = new Messages(Locale.forLanguageTag("tr"));

    @Test
    void everySyncProblemHasASentenceInEachLanguage() {
        List<Problem> sync = Arrays.stream(Problem.values()).filter(p -> p.name().startsWith("SYNC_")).toList();
        assertThat(sync).hasSizeGreaterThanOrEqualTo(17);
        for (Problem p : sync) {
            String english = en.describe(new TanikException(p, "x-1"));
            String turkish = tr.describe(new TanikException(p, "x-1"));
            assertThat(english).as(p.name()).isNotBlank().doesNotContain(p.key()).doesNotContain("{");
            assertThat(turkish).as(p.name()).isNotBlank().doesNotContain(p.key()).doesNotContain("{")
                    .isNotEqualTo(english);
        }
    }

    @Test
    void theSentencesSayWhatHappenedAndWhatToDo() {
        assertThat(en.describe(new TanikException(Problem.SYNC_PIN_MISMATCH)))
                .contains("Someone may be intercepting this connection").contains("server's");
        assertThat(tr.describe(new TanikException(Problem.SYNC_PIN_MISMATCH))).contains("müdahale");
        assertThat(en.describe(new TanikException(Problem.SYNC_PROXY_UNREACHABLE, "127.0.0.1:9050")))
                .contains("the proxy at 127.0.0.1:9050 does not answer").contains("Tor");
        assertThat(tr.describe(new TanikException(Problem.SYNC_PROXY_UNREACHABLE, "127.0.0.1:9050")))
                .contains("127.0.0.1:9050 adresindeki vekil sunucu yanıt vermiyor");
        assertThat(en.describe(new TanikException(Problem.SYNC_REFUSED, "checksum-mismatch")))
                .contains("(checksum-mismatch)");
        // An apostrophe in a MessageFormat pattern must be doubled, or it swallows the rest of the sentence.
        assertThat(tr.describe(new TanikException(Problem.SYNC_PROXY_REQUIRED))).contains("Ayarlar'da");
        assertThat(en.describe(new TanikException(Problem.SYNC_CLOCK))).contains("computer's date");
    }
}
