package org.tanik.coordinator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The table-driven folding must give exactly what the reference (Normalizer) folding gives, so
 * the index finds the same testimonies it found before; random text mixes the scripts and marks
 * where per-char folding could go wrong: Turkish i, combining marks of different classes, final
 * sigma, surrogate pairs.
 */
public class TextFoldTest {

    /** The tokeniser as it was: split the reference-folded text on non letters/digits. */
    public static List<String> referenceTokens(String s) {
        List<String> out = new ArrayList<>();
        String f = TextFold.foldReference(s);
        int start = -1;
        for (int i = 0; i <= f.length(); i++) {
            boolean word = i < f.length() && Character.isLetterOrDigit(f.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (i - start >= 2) {
                    out.add(f.substring(start, i));
                }
                start = -1;
            }
        }
        return out;
    }

    @Test
    void turkishIFoldsToPlainI() {
        assertThat(TextFold.fold("İstanbul")).isEqualTo("istanbul");
        assertThat(TextFold.fold("ISTANBUL")).isEqualTo("istanbul");
        assertThat(TextFold.fold("ıstanbul")).isEqualTo("istanbul");
        assertThat(TextFold.fold("Istanbul")).isEqualTo("istanbul");
        assertThat(TextFold.tokens("İSTANBUL'da ıslak İzmir")).containsExactly("istanbul", "da", "islak", "izmir");
    }

    @Test
    void diacriticsAndCaseAreDropped() {
        assertThat(TextFold.fold("şiddet")).isEqualTo(TextFold.fold("siddet")).isEqualTo("siddet");
        assertThat(TextFold.tokens("ŞİDDET, Gözaltı; hâkim ÇAĞRI")).containsExactly("siddet", "gozalti", "hakim", "cagri");
        // A decomposed accent joins its letters, as in the composed spelling.
        assertThat(TextFold.tokens("s\u0327iddet")).containsExactly("siddet");
        assertThat(TextFold.distinctTokens("Şiddet ve şiddet", "SIDDET iz")).containsExactly("siddet", "ve", "iz");
    }

    @Test
    void textOutsideTheTableStillFolds() {
        assertThat(TextFold.fold("ΟΔΟΣ Σ")).isEqualTo(TextFold.foldReference("ΟΔΟΣ Σ")).isEqualTo("οδος σ");
        assertThat(TextFold.tokens("gözaltı 😀 İşkence")).containsExactly("gozalti", "iskence");
        assertThat(TextFold.distinctTokens("başlık", "kayıp 😀 kayıp")).containsExactly("baslik", "kayip");
    }

    @Test
    void manyAndLongWords() {
        StringBuilder sb = new StringBuilder("x".repeat(1000)).append(' ');
        for (int i = 0; i < 5000; i++) {
            sb.append("Söz").append(Integer.toString(i, 36)).append(i % 7 == 0 ? ", " : " ");
        }
        String text = sb.append("x".repeat(1000)).toString();
        assertThat(TextFold.tokens(text)).isEqualTo(referenceTokens(text));
        assertThat(TextFold.distinctTokens(text, "SÖZ0")).hasSize(5001)
                .containsExactlyElementsOf(new LinkedHashSet<>(referenceTokens(text)));
    }

    /** Every char the table may cover, alone and between neighbours that normalisation or casing could react to. */
    @Test
    void everyCoveredCharFoldsAsTheReferenceDoes() {
        String[] neighbours = {"", "I", "\u0301", "\u0316", "\u0345", "\u1B44", "\u03A3", "\uD801\uDC00"};
        for (int c = 0; c < 0x2200; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String ch = String.valueOf((char) c);
            for (String before : neighbours) {
                for (String after : neighbours) {
                    String s = before + ch + after;
                    String expected = TextFold.foldReference(s);
                    if (!TextFold.fold(s).equals(expected)) { // AssertJ only on failure: this runs half a million times
                        assertThat(TextFold.fold(s)).as("U+%04X in %s", c, s).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** Text from alphabets the table covers, or from every alphabet (then mostly folded by the reference). */
    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> covered = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(5, Arbitraries.of("ç", "Ç", "ğ", "Ğ", "ı", "I", "İ", "i", "ö", "Ö", "ş", "Ş", "ü",
                        "Ü", "â", "Â", "î", "Î", "û", "Û", "ê", "Ê", "ŉ", "ǰ", "ß", "ſ", "Å", "µ", "’", "“", "–", "₺",
                        "€", "\u00A0", "\u2028", "\u200D", "\u00AD", "\n")),
                Tuple.of(3, Arbitraries.chars().range('\u0300', '\u036F').map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("\u0316", "\u0345", "\u05B0", "\u064B", "\u0E38", "\u094D",
                        "\u093E", "\u1B44", "\u20D0", "\u20DD", "\u0488", "\u1DC0")),
                Tuple.of(3, Arbitraries.chars().range('\u0370', '\u03FF').filter(c -> c != 'Σ').map(String::valueOf)),
                Tuple.of(3, Arbitraries.chars().range('\u0400', '\u052F').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u0590', '\u06FF').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u1E00', '\u20FF').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\u0000', '\u20FF').map(String::valueOf)));
        Arbitrary<String> other = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("Σ", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "\u302E", "K", "ﬁ")),
                Tuple.of(2, Arbitraries.of("😀", "👍🏽", "🇹🇷", "👩\u200D⚖️", "\uD801\uDC00", "\uD801\uDC28",
                        "\uD834\uDD65", "\uD835\uDC00", "\uD83D", "\uDE00")),
                Tuple.of(1, Arbitraries.chars().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(Character::isValidCodePoint).map(Character::toString)));
        Arbitrary<String> any = Arbitraries.frequencyOf(Tuple.of(12, covered), Tuple.of(1, other));
        return Arbitraries.oneOf(text(covered), text(any));
    }

    private static Arbitrary<String> text(Arbitrary<String> pieces) {
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void foldEqualsTheReference(@ForAll("mixedText") String s) {
        Statistics.collect(TextFold.covered(s) ? "table" : "reference");
        assertThat(TextFold.fold(s)).isEqualTo(TextFold.foldReference(s));
    }

    @Property(tries = 2000)
    void tokensEqualTheReference(@ForAll("mixedText") String s) {
        assertThat(TextFold.tokens(s)).isEqualTo(referenceTokens(s));
    }

    @Property(tries = 2000)
    void distinctTokensAreTheReferenceTokensOfTheJoinedParts(@ForAll("mixedText") String title,
            @ForAll("mixedText") String narrative) {
        assertThat(TextFold.distinctTokens(title, narrative))
                .containsExactlyElementsOf(new LinkedHashSet<>(referenceTokens(title + " " + narrative)));
    }
}
