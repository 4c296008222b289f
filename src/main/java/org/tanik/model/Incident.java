package org.tanik.model;

import java.util.List;

/** An incident the source describes, made of one or more acts. */
public record Incident(String label, List<Act> acts) {
    public Incident {
        label = Text.orEmpty(label);
        acts = Text.copy(acts);
    }

    public static Incident empty() {
        return new Incident("", List.of());
    }
}
