package org.tanik.model;

import java.time.LocalDate;
import java.util.List;

/**
 * When, where, by whom and in whose presence the interview took place. The interviewer and the
 * people present are people whom the record would expose: {@link Confidential}.
 */
public record Interview(LocalDate date, String place, @Confidential String interviewer, List<String> languages,
                        @Confidential String present) {
    public Interview {
        place = Text.orEmpty(place);
        interviewer = Text.orEmpty(interviewer);
        languages = Text.copy(languages);
        present = Text.orEmpty(present);
    }

    public static Interview empty() {
        return new Interview(null, "", "", List.of(), "");
    }
}
