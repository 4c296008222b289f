package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleException.Reason;

/** The English sentence in code and in the resource bundle are the same; Turkish has its own for each. */
class BundleMessagesTest {

    @Test
    void everyReasonHasItsSentences() {
        ResourceBundle en = ResourceBundle.getBundle(BundleException.MESSAGES, Locale.ROOT);
        ResourceBundle tr = ResourceBundle.getBundle(BundleException.MESSAGES, Locale.forLanguageTag("tr"));
        for (Reason r : Reason.values()) {
            assertThat(new MessageFormat(en.getString(r.key()), Locale.ENGLISH).format(new Object[0]))
                    .as(r.key()).isEqualTo(r.message());
            String turkish = new MessageFormat(tr.getString(r.key()), Locale.forLanguageTag("tr")).format(new Object[0]);
            assertThat(turkish).as(r.key()).isNotBlank().isNotEqualTo(r.message());
            assertThat(r.message()).doesNotContain("\n");
        }
        assertThat(Reason.values()).extracting(Reason::message).doesNotHaveDuplicates();
    }

    @Test
    void theExceptionSpeaksTheChosenLanguage() {
        BundleException e = new BundleException(Reason.UNSUPPORTED_VERSION, "formatVersion");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
        assertThat(e.message(Locale.forLanguageTag("tr"))).isEqualTo(
                "Bu paket Tanik'ın daha yeni ya da bilinmeyen bir sürümüyle oluşturulmuş; açmak için Tanik'ı güncelleyin.");
        assertThat(e.message(Locale.forLanguageTag("tr")))
                .as("detail stays out of the sentence").doesNotContain("formatVersion");
    }
}
