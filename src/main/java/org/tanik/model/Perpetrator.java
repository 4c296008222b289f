package org.tanik.model;

/** An alleged perpetrator: an institution code from the vocabulary, and what else is known. */
public record Perpetrator(String institution, String unit, String rank, @Confidential String name) {
    public Perpetrator {
        institution = Text.orEmpty(institution);
        unit = Text.orEmpty(unit);
        rank = Text.orEmpty(rank);
        name = Text.orEmpty(name);
    }

    public static Perpetrator empty() {
        return new Perpetrator("", "", "", "");
    }
}
