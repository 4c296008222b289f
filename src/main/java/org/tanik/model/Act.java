package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One act within an incident: "who did what to whom", after the HURIDOCS events format.
 * {@code type} is a violation code from the {@link Vocabulary}.
 *
 * <p>{@code sensitiveDates} says the exact dates could identify someone (a release on a known
 * day, say); an anonymised export then gives them to the month only. It is left out of the JSON
 * while false, so an act written before it existed reads and travels byte for byte as before.
 */
public record Act(String type, PartialDate start, PartialDate end, Place place,
                  List<Person> victims, List<Perpetrator> perpetrators, String notes,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean sensitiveDates) {
    public Act {
        type = Text.orEmpty(type);
        start = start == null ? PartialDate.UNKNOWN : start;
        end = end == null ? PartialDate.UNKNOWN : end;
        place = place == null ? Place.empty() : place;
        victims = Text.copy(victims);
        perpetrators = Text.copy(perpetrators);
        notes = Text.orEmpty(notes);
        // Boxed only so that a record without the key reads as false: the mapper refuses a
        // missing primitive. Never null once built.
        sensitiveDates = Boolean.TRUE.equals(sensitiveDates);
    }

    /** An act whose dates are not marked sensitive. */
    public Act(String type, PartialDate start, PartialDate end, Place place,
               List<Person> victims, List<Perpetrator> perpetrators, String notes) {
        this(type, start, end, place, victims, perpetrators, notes, false);
    }

    public static Act empty() {
        return new Act("", null, null, null, null, null, "");
    }

    public Act withSensitiveDates(boolean sensitive) {
        return new Act(type, start, end, place, victims, perpetrators, notes, sensitive);
    }
}
