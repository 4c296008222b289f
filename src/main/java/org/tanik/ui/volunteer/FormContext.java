package org.tanik.ui.volunteer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.tanik.model.Vocabulary;
import org.tanik.ui.common.UiText;

/**
 * What every part of the testimony form shares: the language, the vocabulary, whether the form is
 * read-only (sealed or old version) and where to report an edit (the autosave).
 */
final class FormContext {

    final UiText text;
    final Vocabulary vocabulary;
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final Runnable onEdit;
    private int quiet;

    FormContext(UiText text, Vocabulary vocabulary, Runnable onEdit) {
        this.text = text;
        this.vocabulary = vocabulary;
        this.onEdit = onEdit;
    }

    BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Reports a user edit, unless the form is being filled from the vault. */
    void edited() {
        if (quiet == 0) {
            onEdit.run();
        }
    }

    /** Fills the form without the fill counting as an edit. */
    void quietly(Runnable fill) {
        quiet++;
        try {
            fill.run();
        } finally {
            quiet--;
        }
    }

    /** A text input: read-only when the form is, and every change is an edit. */
    <T extends TextInputControl> T watch(T field) {
        field.editableProperty().bind(readOnly.not());
        field.textProperty().addListener((o, a, b) -> edited());
        return field;
    }

    /** A choice control: disabled when the form is read-only, and a new value is an edit. */
    <T extends Control> T watch(T control, ObservableValue<?> value) {
        control.disableProperty().bind(readOnly);
        value.addListener((o, a, b) -> edited());
        return control;
    }

    /** An add/remove button, hidden on a read-only form. */
    Button button(String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        b.visibleProperty().bind(readOnly.not());
        b.managedProperty().bind(readOnly.not());
        return b;
    }

    Label label(String key, javafx.scene.Node target) {
        Label l = new Label(text.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add("field-label");
        return l;
    }
}
