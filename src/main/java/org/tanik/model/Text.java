package org.tanik.model;

import java.util.List;

/** Null-normalisation shared by the records, so that the UI and JSON never see null strings or lists. */
final class Text {
    private Text() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
