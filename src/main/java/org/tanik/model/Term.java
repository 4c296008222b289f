package org.tanik.model;

import java.util.Locale;
import java.util.Map;

/** One entry of a controlled vocabulary: a stable code plus a label per language. */
public record Term(String code, Map<String, String> labels) {
    public Term {
        labels = Map.copyOf(labels);
    }

    /** The label in the locale's language, falling back to English, then to the code. */
    public String label(Locale locale) {
        String l = labels.get(locale.getLanguage());
        if (l == null) {
            l = labels.get("en");
        }
        return l == null ? code : l;
    }
}
