package org.tanik.model;

/**
 * Text that someone else wrote (a volunteer's testimony, an organisation's name, a device label),
 * made safe to show: control characters, escape sequences and the explicit bidirectional
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are shown as visible escapes, so
 * that the text can neither drive a terminal, fake another line, nor reorder what is shown around
 * it (an override could show "gpj.exe" as "exe.jpg"). Letters of any script, joiners and the direction
 * marks stay: Kurdish and Arabic text needs them. The one rule for the desktop and the command line.
 */
public final class DisplayText {
    private DisplayText() {
    }

    /** For one line: line breaks are shown as {@code \n} too. */
    public static String oneLine(String s) {
        return escape(s, false);
    }

    /** For text that may span lines (a narrative, notes): line breaks and tabs stay. */
    public static String multiLine(String s) {
        return escape(s, true);
    }

    /**
     * One line placed inside a sentence: also wrapped in a first-strong isolate (U+2068 … U+2069),
     * so that right-to-left letters in it cannot move the words, numbers or punctuation around it.
     */
    public static String isolated(String s) {
        return "\u2068" + oneLine(s) + "\u2069";
    }

    private static String escape(String s, boolean lines) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (lines && (c == '\n' || c == '\t')) {
                out.appendCodePoint(c);
            } else if (unsafe(c)) {
                out.append(c == '\n' ? "\\n" : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
