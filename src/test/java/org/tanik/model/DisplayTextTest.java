package org.tanik.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Someone else's text is shown, never obeyed; and no field is longer than the model keeps. */
class DisplayTextTest {

    @Test
    void overridesIsolatesAndControlsAreShownAsEscapes() {
        String hostile = "Rapor\u202Egpj.exe\u2066x\u2069 \u001B[2K\rOK: fingerprints match";
        String shown = DisplayText.oneLine(hostile);
        assertThat(shown).isEqualTo("Rapor\\u202egpj.exe\\u2066x\\u2069 \\u001b[2K\\u000dOK: fingerprints match");
        assertThat(shown.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    @Test
    void lettersOfEveryScriptJoinersAndMarksStay() {
        String text = "Şırnak’ta gözaltı · کوردی\u200C · عربي\u200F · İğdır";
        assertThat(DisplayText.oneLine(text)).isEqualTo(text);
        assertThat(DisplayText.multiLine(text)).isEqualTo(text);
    }

    @Test
    void aNarrativeKeepsItsLinesAOneLineValueDoesNot() {
        String narrative = "Birinci satır.\n\tİkinci satır.\u2028Üçüncü";
        assertThat(DisplayText.multiLine(narrative)).isEqualTo("Birinci satır.\n\tİkinci satır.\\u2028Üçüncü");
        assertThat(DisplayText.oneLine(narrative)).isEqualTo("Birinci satır.\\n\\u0009İkinci satır.\\u2028Üçüncü");
    }

    @Test
    void aValueInsideASentenceIsIsolated() {
        assertThat(DisplayText.isolated("عربي 12")).isEqualTo("\u2068عربي 12\u2069");
        assertThat(DisplayText.isolated("a\u202Eb")).isEqualTo("\u2068a\\u202eb\u2069");
        assertThat(DisplayText.oneLine(null)).isEmpty();
    }

    @Test
    void fieldsBeyondTheirLimitAreNamedWithTheirLimit() {
        assertThat(FieldLimits.firstExcess(TestimonyContent.empty().withTitle("x".repeat(FieldLimits.SHORT))
                .withNarrative("y".repeat(FieldLimits.NARRATIVE)))).isEmpty();
        assertThat(FieldLimits.firstExcess(TestimonyContent.empty().withTitle("x".repeat(15 << 20))))
                .contains(new FieldLimits.Excess("title", FieldLimits.SHORT));
        assertThat(FieldLimits.firstExcess(TestimonyContent.empty().withNarrative("y".repeat(FieldLimits.NARRATIVE + 1))))
                .contains(new FieldLimits.Excess("narrative", FieldLimits.NARRATIVE));
        Act longNotes = new Act("", null, null, null, List.of(), List.of(), "n".repeat(FieldLimits.NOTES + 1));
        Act longName = new Act("", null, null, null, List.of(new Person("k".repeat(FieldLimits.SHORT + 1), null, null, "")),
                List.of(), "");
        TestimonyContent c = new TestimonyContent("", null, null,
                List.of(new Incident("", List.of(longName)), new Incident("", List.of(new Act("", null, null, null,
                        List.of(), List.of(), ""), longNotes))), "");
        assertThat(FieldLimits.firstExcess(c)).contains(new FieldLimits.Excess("incidents[0].acts[0].victims[0].name",
                FieldLimits.SHORT));
        List<Incident> many = java.util.Collections.nCopies(FieldLimits.ITEMS + 1, new Incident("", List.of()));
        assertThat(FieldLimits.firstExcess(new TestimonyContent("", null, null, many, "")))
                .isEqualTo(Optional.of(new FieldLimits.Excess("incidents", FieldLimits.ITEMS)));
    }
}
