package org.tanik.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tanik.config.SettingsStore;
import org.tanik.coordinator.search.TextFold;

/**
 * Search and type-ahead fold text the same way whatever the language of the screens (and of the
 * computer): the four Turkish i's (I, ı, İ, i) are one letter everywhere, so "istanbul" finds
 * "İstanbul" in English, Turkish, Kurmanji and Arabic alike, and Turkish-only rules (I→ı) never
 * apply. Kurmanji has I/i and Î/î but no ı; Arabic letters are left as they are (translating.md,
 * "Searching").
 */
class LanguageFoldingTest {

    static final List<UnaryOperator<String>> FOLDS = List.of(TypeAhead::fold, TextFold::foldReference);

    @Property(tries = 300)
    void foldingDoesNotDependOnTheLanguage(@ForAll("multilingual") String s) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            List<String> reference = FOLDS.stream().map(f -> f.apply(s)).toList();
            for (String lang : SettingsStore.LANGUAGES) {
                Locale.setDefault(SettingsStore.forLanguage(lang));
                assertThat(FOLDS.stream().map(f -> f.apply(s)).toList()).as(lang).isEqualTo(reference);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Property(tries = 200)
    void arabicLettersAreNotChanged(@ForAll("arabicWords") String s) {
        for (UnaryOperator<String> fold : FOLDS) {
            assertThat(fold.apply(s)).isEqualTo(s);
        }
    }

    @Example
    void istanbulIsFoundInEveryLanguage() {
        Locale before = Locale.getDefault();
        try {
            for (String lang : SettingsStore.LANGUAGES) {
                Locale.setDefault(SettingsStore.forLanguage(lang));
                for (String typed : List.of("istanbul", "ISTANBUL", "İstanbul", "ıstanbul")) {
                    assertThat(TextFold.tokens("İSTANBUL'da gözaltı")).as(lang).contains(TextFold.foldReference(typed));
                    assertThat(TypeAhead.fold("İstanbul")).as(lang).startsWith(TypeAhead.fold(typed));
                }
            }
        } finally {
            Locale.setDefault(before);
        }
        // Kurmanji: "Îran" and "iran" meet, as "ê" and "e" do; Arabic vowel marks do not hide a word.
        assertThat(TextFold.foldReference("ÎRAN Şêx")).isEqualTo(TextFold.foldReference("iran sex"));
        assertThat(TextFold.foldReference("الاحْتِجاز")).isEqualTo("الاحتجاز");
    }

    @Provide
    Arbitrary<String> multilingual() {
        return Arbitraries.of("I", "ı", "İ", "i", "Î", "î", "ê", "Ê", "û", "Û", "ş", "Ş", "ç", "Ç", "ğ", "ö", "ü",
                "x", "X", "q", "w", " ", "'", "ا", "ب", "ت", "ح", "ع", "ي", "ة", "ى", "أ", "\u064E", "\u0650", "1")
                .list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
    }

    /** Arabic base letters that no Unicode decomposition touches (ا…غ, ف…ي, without the hamza forms). */
    @Provide
    Arbitrary<String> arabicWords() {
        return Arbitraries.chars().range('\u0627', '\u064A').filter(c -> c < '\u063B' || c > '\u0640')
                .list().ofMinSize(1).ofMaxSize(10).map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
    }
}
