package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tanik.bundle.BundleException.Reason;

/** Every reason has an English sentence (the root bundle) and a Turkish one of its own; the code holds none. */
class BundleMessagesTest {

    @Test
    void everyReasonHasItsSentences() {
        ResourceBundle en = ResourceBundle.getBundle(BundleException.MESSAGES, Locale.ROOT);
        ResourceBundle tr = ResourceBundle.getBundle(BundleException.MESSAGES, Locale.forLanguageTag("tr"));
        java.util.List<String> english = new java.util.ArrayList<>();
        for (Reason r : Reason.values()) {
            String sentence = new MessageFormat(en.getString(r.key()), Locale.ENGLISH).format(new Object[0]);
            english.add(sentence);
            assertThat(sentence).as(r.key()).isNotBlank().doesNotContain("\n");
            assertThat(new BundleException(r).message(Locale.ENGLISH)).isEqualTo(sentence);
            String turkish = new MessageFormat(tr.getString(r.key()), Locale.forLanguageTag("tr")).format(new Object[0]);
            assertThat(turkish).as(r.key()).isNotBlank().isNotEqualTo(sentence);
        }
        assertThat(english).doesNotHaveDuplicates();
    }

    @Test
    void theExceptionSpeaksTheChosenLanguage() {
        BundleException e = new BundleException(Reason.UNSUPPORTED_VERSION, "formatVersion");
        assertThat(e.message(Locale.ENGLISH))
                .isEqualTo("This bundle was made by a newer or unknown version of Tanik; update Tanik to open it.");
        assertThat(e.getMessage()).as("the code, for logs").isEqualTo("UNSUPPORTED_VERSION");
        assertThat(e.message(Locale.forLanguageTag("tr"))).isEqualTo(
                "Bu paket Tanik'ın daha yeni ya da bilinmeyen bir sürümüyle oluşturulmuş; açmak için Tanik'ı güncelleyin.");
        assertThat(e.message(Locale.forLanguageTag("tr")))
                .as("detail stays out of the sentence").doesNotContain("formatVersion");
    }
}
