package org.tanik.model;

import java.util.List;

/**
 * One act within an incident: "who did what to whom", after the HURIDOCS events format.
 * {@code type} is a violation code from the {@link Vocabulary}.
 */
public record Act(String type, PartialDate start, PartialDate end, Place place,
                  List<Person> victims, List<Perpetrator> perpetrators, String notes) {
    public Act {
        type = Text.orEmpty(type);
        start = start == null ? PartialDate.UNKNOWN : start;
        end = end == null ? PartialDate.UNKNOWN : end;
        place = place == null ? Place.empty() : place;
        victims = Text.copy(victims);
        perpetrators = Text.copy(perpetrators);
        notes = Text.orEmpty(notes);
    }

    public static Act empty() {
        return new Act("", null, null, null, null, null, "");
    }
}
