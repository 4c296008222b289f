package org.tanik.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.tanik.model.Term;

/** Vocabulary terms in combo boxes: translated labels, codes underneath, unknown codes kept. */
public final class Terms {

    private Terms() {
    }

    /** A combo box over the terms, with an empty first entry meaning "not given". */
    public static ComboBox<Term> comboBox(List<Term> terms, Locale locale, String emptyLabel) {
        List<Term> items = new ArrayList<>();
        items.add(none());
        items.addAll(terms);
        ComboBox<Term> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setConverter(converter(locale, emptyLabel));
        box.setValue(none());
        box.setMaxWidth(Double.MAX_VALUE);
        TypeAhead.install(box);
        return box;
    }

    /** Selects the term with this code; a code the vocabulary no longer knows is added so it is not lost. */
    public static void select(ComboBox<Term> box, String code) {
        if (code == null || code.isEmpty()) {
            box.setValue(none());
            return;
        }
        for (Term t : box.getItems()) {
            if (t.code().equals(code)) {
                box.setValue(t);
                return;
            }
        }
        Term unknown = new Term(code, Map.of("en", code));
        box.getItems().add(unknown);
        box.setValue(unknown);
    }

    public static String code(ComboBox<Term> box) {
        Term t = box.getValue();
        return t == null ? "" : t.code();
    }

    public static Term none() {
        return NONE;
    }

    private static final Term NONE = new Term("", Map.of());

    public static StringConverter<Term> converter(Locale locale, String emptyLabel) {
        return new StringConverter<>() {
            @Override
            public String toString(Term t) {
                return t == null || t.code().isEmpty() ? emptyLabel : t.label(locale);
            }

            @Override
            public Term fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
