package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
        assertThat(validator.firstProblem(List.of(with("no_such_type", "34"))))
                .isEqualTo("unknown violation type \"no_such_type\"");
        assertThat(validator.firstProblem(List.of(with("torture", "99")))).isEqualTo("unknown province code \"99\"");
        String prose = "Emniyette üç gün boyunca dövüldü, adı Ayşe";
        String reason = validator.firstProblem(List.of(with(prose, "34")));
        assertThat(reason).isEqualTo("unknown violation type (" + prose.length() + " characters, not a code)")
                .doesNotContain("Emniyet", "Ayşe");
        assertThat(validator.firstProblem(List.of(with("torture", "x".repeat(41)))))
                .isEqualTo("unknown province code (41 characters, not a code)");
        assertThat(validator.firstProblem(List.of(with("torture", "34")))).isNull();
    }

    private static Testimony with(String type, String province) {
        Act act = new Act(type, PartialDate.UNKNOWN, PartialDate.UNKNOWN, new Place(province, "", ""), List.of(),
                List.of(), "");
        TestimonyContent c = new TestimonyContent("t", null, null, List.of(new Incident("", List.of(act))), "");
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        return new Testimony("6f1c1b9e-2c1d-4f6e-9a51-0c2d5f3e8a10", 1, Status.SEALED, now, now, now, c);
    }
}
