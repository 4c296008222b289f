package org.tanik.model;

/** The person giving the testimony. Every field may identify them. */
public record Interviewee(@Confidential String name, @Confidential String contact, String relation) {
    public Interviewee {
        name = Text.orEmpty(name);
        contact = Text.orEmpty(contact);
        relation = Text.orEmpty(relation);
    }

    public static Interviewee empty() {
        return new Interviewee("", "", "");
    }
}
