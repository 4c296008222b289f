package org.tanik.ui.common;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard type-ahead for non-editable combo boxes (JavaFX has none): typing "ist" selects
 * "İstanbul". Essential for choosing one of 81 provinces without a mouse.
 */
public final class TypeAhead {

    private static final long RESET_MILLIS = 1000;

    private TypeAhead() {
    }

    public static <T> void install(ComboBox<T> box) {
        StringBuilder typed = new StringBuilder();
        long[] last = {0};
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - last[0] > RESET_MILLIS) {
                typed.setLength(0);
            }
            last[0] = now;
            typed.append(ch);
            String prefix = fold(typed.toString());
            for (T item : box.getItems()) {
                String label = box.getConverter() == null ? String.valueOf(item) : box.getConverter().toString(item);
                if (label != null && fold(label).startsWith(prefix)) {
                    box.setValue(item);
                    if (box.isShowing()) {
                        box.getSelectionModel().select(item);
                    }
                    break;
                }
            }
            e.consume();
        });
    }

    /** Compares without case or Turkish dotted/dotless-i differences, so "i" finds "İzmir" and "ı" finds "Iğdır". */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'İ', 'I', 'ı' -> b.append('i');
                default -> b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
