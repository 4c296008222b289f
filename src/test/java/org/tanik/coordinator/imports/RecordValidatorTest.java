package org.tanik.coordinator.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.PartialDate;
import org.tanik.model.Place;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;

/** The reason a record is refused names codes, never free text: it is kept in the audit log. */
class RecordValidatorTest {

    final RecordValidator validator = new RecordValidator(Vocabulary.load());

    @Test
    void anUnknownCodeIsQuotedOnlyWhenItLooksLikeACode() {
        assertThat(text(validator.firstProblem(List.of(with("no_such_type", "34")))))
                .isEqualTo("A testimony record is not valid: unknown violation type \"no_such_type\".");
        assertThat(text(validator.firstProblem(List.of(with("torture", "99")))))
                .isEqualTo("A testimony record is not valid: unknown province code \"99\".");
        String prose = "Emniyette üç gün boyunca dövüldü, adı Ayşe";
        ImportNote reason = validator.firstProblem(List.of(with(prose, "34")));
        assertThat(reason.args()).containsExactly(String.valueOf(prose.length()));
        assertThat(text(reason)).isEqualTo("A testimony record is not valid: its violation type holds "
                + prose.length() + " characters of text, not a code.").doesNotContain("Emniyet", "Ayşe");
        assertThat(text(validator.firstProblem(List.of(with("torture", "x".repeat(41))))))
                .isEqualTo("A testimony record is not valid: its province holds 41 characters of text, not a code.");
        assertThat(validator.firstProblem(List.of(with("torture", "34")))).isNull();
    }

    @Test
    void everyReasonIsSaidInTurkish() {
        assertThat(validator.firstProblem(List.of(with("no_such_type", "34"))).text(Locale.forLanguageTag("tr")))
                .isEqualTo("Bir tanıklık kaydı geçerli değil: bilinmeyen ihlal türü \"no_such_type\".");
        assertThat(validator.firstProblem(List.of(with("torture", "x".repeat(41)))).text(Locale.forLanguageTag("tr")))
                .isEqualTo("Bir tanıklık kaydı geçerli değil: il alanında kod yerine 41 karakterlik metin var.");
    }

    private static String text(ImportNote note) {
        return note.text(Locale.ENGLISH);
    }

    private static Testimony with(String type, String province) {
        Act act = new Act(type, PartialDate.UNKNOWN, PartialDate.UNKNOWN, new Place(province, "", ""), List.of(),
                List.of(), "");
        TestimonyContent c = new TestimonyContent("t", null, null, List.of(new Incident("", List.of(act))), "");
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        return new Testimony("6f1c1b9e-2c1d-4f6e-9a51-0c2d5f3e8a10", 1, Status.SEALED, now, now, now, c);
    }
}
