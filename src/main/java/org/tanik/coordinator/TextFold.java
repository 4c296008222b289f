package org.tanik.coordinator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for search so that people find what they mean whatever their keyboard: case and
 * diacritics are dropped, and Turkish dotted/dotless i both become "i" ("İstanbul", "istanbul"
 * and "Istanbul" match; "şiddet" matches "siddet").
 */
final class TextFold {
    private TextFold() {
    }

    static String fold(String s) {
        String lower = s.replace('İ', 'i').replace('I', 'i').replace('ı', 'i').toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Folded words of at least two letters or digits. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        String f = fold(s);
        int start = -1;
        for (int i = 0; i <= f.length(); i++) {
            boolean word = i < f.length() && Character.isLetterOrDigit(f.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (i - start >= 2) {
                    out.add(f.substring(start, i));
                }
                start = -1;
            }
        }
        return out;
    }
}
