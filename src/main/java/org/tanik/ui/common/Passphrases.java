package org.tanik.ui.common;

import java.util.Arrays;
import javafx.scene.control.PasswordField;

/** Moves a typed passphrase out of a field into a char[] the caller wipes; never via a kept String. */
public final class Passphrases {

    private Passphrases() {
    }

    /** Copies the field's characters and clears the field. */
    public static char[] take(PasswordField field) {
        char[] chars = peek(field);
        field.clear();
        return chars;
    }

    /** Copies the field's characters without clearing it (for live strength checks). */
    public static char[] peek(PasswordField field) {
        CharSequence cs = field.getCharacters();
        char[] chars = new char[cs.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = cs.charAt(i);
        }
        return chars;
    }

    public static void wipe(char[]... arrays) {
        for (char[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
        }
    }
}
