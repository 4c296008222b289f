package org.tanik.coordinator.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for search so that people find what they mean whatever their keyboard: case and
 * diacritics are dropped, and Turkish dotted/dotless i both become "i" ("İstanbul", "istanbul"
 * and "Istanbul" match; "şiddet" matches "siddet").
 *
 * <p>The definition is {@link #foldReference}. Indexing a 6 KB narrative through it costs a
 * normalisation of the whole text, so the common case goes through a table of per-char results
 * computed once from that same definition. The table only holds chars whose folding does not
 * depend on their neighbours; a string with any other char is folded by the reference, so the two
 * paths cannot disagree (TextFoldTest checks this on random mixed-script text).
 */
public final class TextFold {

    /** The table covers Latin, IPA, combining marks, Greek, Cyrillic, Hebrew, Arabic, ... up to currency signs. */
    private static final int TABLE_END = 0x2100;
    private static final byte OUTSIDE = 0;
    /** Folds to nothing (a combining accent, or a letter's decomposed accent alone). */
    private static final byte DROP = 1;
    /** Folds to one char that ends a word. */
    private static final byte SEPARATOR = 2;
    /** Folds to one letter or digit. */
    private static final byte WORD = 3;
    private static final byte[] KIND = new byte[TABLE_END];
    private static final char[] FOLDED = new char[TABLE_END];

    // Built when the class loads: some 40 ms of CPU, once, on the thread that first indexes or searches.
    static {
        for (int c = 0; c < TABLE_END; c++) {
            char ch = (char) c;
            // Capital sigma lowercases to final or medial sigma depending on the letters around it.
            if (ch == '\u03A3') {
                continue;
            }
            String f = foldReference(String.valueOf(ch));
            if (f.isEmpty()) {
                KIND[c] = DROP;
            } else if (f.length() == 1 && isStarter(f.charAt(0))) {
                FOLDED[c] = f.charAt(0);
                KIND[c] = Character.isLetterOrDigit(f.charAt(0)) ? WORD : SEPARATOR;
            }
            // Anything else (several chars, or a kept mark that normalisation could reorder) stays OUTSIDE.
        }
    }

    private TextFold() {
    }

    /**
     * Whether NFD never moves this (already decomposed) char. Canonical reordering only swaps
     * adjacent marks whose combining classes are both nonzero and out of order, so probing with an
     * acute (class 230) before it and a grave-below (class 220) after it catches every nonzero class.
     * Java has no public API for the combining class itself.
     */
    private static boolean isStarter(char r) {
        String s = String.valueOf(r);
        return Normalizer.normalize("a\u0301" + s, Normalizer.Form.NFD).equals("a\u0301" + s)
                && Normalizer.normalize("a" + s + "\u0316", Normalizer.Form.NFD).equals("a" + s + "\u0316");
    }

    /** The definition of folding, and the path for strings the table does not cover. */
    public static String foldReference(String s) {
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

    /** Whether every char of s folds through the table (true for ordinary Turkish and Kurdish text). */
    static boolean covered(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= TABLE_END || KIND[c] == OUTSIDE) {
                return false;
            }
        }
        return true;
    }

    static String fold(String s) {
        if (!covered(s)) {
            return foldReference(s);
        }
        char[] out = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (KIND[c] != DROP) {
                out[n++] = FOLDED[c];
            }
        }
        return new String(out, 0, n);
    }

    /** Folded words of at least two letters or digits, in order, repeats included. */
    public static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        scan(s, (buf, len, hash) -> out.add(new String(buf, 0, len)));
        return out;
    }

    /**
     * The distinct folded words of the parts, as if they were joined with spaces, in order of first
     * appearance. Only a word not seen before becomes a String, so a long narrative that repeats
     * its vocabulary costs one pass over its chars.
     */
    public static String[] distinctTokens(String... parts) {
        WordSet set = new WordSet();
        boolean all = true;
        for (String p : parts) {
            all &= covered(p);
        }
        if (all) {
            for (String p : parts) {
                scanCovered(p, set);
            }
        } else {
            // Folding the joined text keeps the reference's view of context across the parts.
            scanFolded(foldReference(String.join(" ", parts)), set);
        }
        return set.toArray();
    }

    /** Receives a word in buf[0, len) with its String hash; buf is reused after the call. */
    private interface Sink {
        void word(char[] buf, int len, int hash);
    }

    private static void scan(String s, Sink sink) {
        if (covered(s)) {
            scanCovered(s, sink);
        } else {
            scanFolded(foldReference(s), sink);
        }
    }

    /** Folds and splits in one pass, without a folded copy of the text or a substring per word. */
    private static void scanCovered(String s, Sink sink) {
        char[] buf = new char[32];
        int len = 0;
        int hash = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            byte kind = KIND[c];
            if (kind == WORD) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                char f = FOLDED[c];
                buf[len++] = f;
                hash = 31 * hash + f;
            } else if (kind == SEPARATOR) {
                if (len >= 2) {
                    sink.word(buf, len, hash);
                }
                len = 0;
                hash = 0;
            }
            // A dropped accent joins the letters either side of it, as in the folded text.
        }
        if (len >= 2) {
            sink.word(buf, len, hash);
        }
    }

    /** Splits text that is already folded: the original tokeniser. */
    private static void scanFolded(String f, Sink sink) {
        char[] buf = new char[32];
        int len = 0;
        int hash = 0;
        for (int i = 0, n = f.length(); i < n; i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                buf[len++] = c;
                hash = 31 * hash + c;
            } else {
                if (len >= 2) {
                    sink.word(buf, len, hash);
                }
                len = 0;
                hash = 0;
            }
        }
        if (len >= 2) {
            sink.word(buf, len, hash);
        }
    }

    /** An insertion-ordered set of words keyed by chars in a buffer, so a repeat allocates nothing. */
    private static final class WordSet implements Sink {
        private String[] slots = new String[256];
        private int[] hashes = new int[256];
        private String[] order = new String[64];
        private int size;

        @Override
        public void word(char[] buf, int len, int hash) {
            int mask = slots.length - 1;
            int i = spread(hash) & mask;
            for (String s; (s = slots[i]) != null; i = (i + 1) & mask) {
                if (hashes[i] == hash && sameChars(s, buf, len)) {
                    return;
                }
            }
            String w = new String(buf, 0, len);
            slots[i] = w;
            hashes[i] = hash;
            if (size == order.length) {
                order = Arrays.copyOf(order, size * 2);
            }
            order[size++] = w;
            if (size * 2 > slots.length) {
                rehash();
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        private static boolean sameChars(String s, char[] buf, int len) {
            if (s.length() != len) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                if (s.charAt(k) != buf[k]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            slots = new String[slots.length * 2];
            hashes = new int[slots.length];
            int mask = slots.length - 1;
            for (int k = 0; k < size; k++) {
                String w = order[k];
                int h = w.hashCode();
                int i = spread(h) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = w;
                hashes[i] = h;
            }
        }

        String[] toArray() {
            return Arrays.copyOf(order, size);
        }
    }
}
