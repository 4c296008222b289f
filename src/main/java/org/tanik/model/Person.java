package org.tanik.model;

/**
 * A victim of an act. {@code occupation} is a code from the vocabulary (judge, teacher, ...) or free text.
 */
public record Person(@Confidential String name, Sex sex, Integer birthYear, String occupation) {
    public Person {
        name = Text.orEmpty(name);
        sex = sex == null ? Sex.UNKNOWN : sex;
        occupation = Text.orEmpty(occupation);
    }

    public static Person empty() {
        return new Person("", Sex.UNKNOWN, null, "");
    }
}
