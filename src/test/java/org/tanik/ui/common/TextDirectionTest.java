package org.tanik.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Bidi;
import java.util.Locale;
import javafx.geometry.NodeOrientation;
import org.junit.jupiter.api.Test;

/** Arabic runs right to left, and a fingerprint inside an Arabic sentence keeps its digit groups in order. */
class TextDirectionTest {

    static final Locale AR = Locale.forLanguageTag("ar-u-nu-latn");

    @Test
    void onlyRightToLeftLanguagesTurnTheLayout() {
        assertThat(TextDirection.of(AR)).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        for (String lang : new String[] {"en", "tr", "ku"}) {
            assertThat(TextDirection.of(Locale.forLanguageTag(lang))).as(lang).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }
    }

    @Test
    void aFingerprintInAnArabicSentenceIsOneLeftToRightRun() {
        String fingerprint = "00297 95827 61958 03571 88402 11963";
        // With plain spaces the bidirectional algorithm shows the groups last one first.
        assertThat(runsIn("بصمة هذا الجهاز: " + fingerprint)).isGreaterThan(2);
        String sentence = "بصمة هذا الجهاز: " + TextDirection.inSentence(fingerprint, AR);
        assertThat(runsIn(sentence)).isEqualTo(2);
        assertThat(TextDirection.inSentence(fingerprint, Locale.ENGLISH)).isEqualTo(fingerprint);
    }

    private static int runsIn(String rightToLeftParagraph) {
        return new Bidi(rightToLeftParagraph, Bidi.DIRECTION_RIGHT_TO_LEFT).getRunCount();
    }
}
