package org.tanik.ui.unlock;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import org.tanik.session.VaultAccess;
import org.tanik.ui.common.Passphrases;
import org.tanik.ui.common.UiText;

/**
 * A new passphrase typed twice, with a live strength bar and the reason it cannot be used yet.
 * Shared by "create vault" and "change passphrase", which disable it while they work. The strength is
 * measured on a wiped copy.
 */
final class NewPassphraseForm {

    private static final String[] STRENGTH_KEYS = {
        "strength.0", "strength.1", "strength.2", "strength.3", "strength.4"
    };

    private final UiText text;
    private final PasswordField first;
    private final PasswordField repeat;
    private final ProgressBar bar;
    private final Label strength;
    private final Label reason;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    NewPassphraseForm(UiText text, Label firstLabel, PasswordField first, Label repeatLabel, PasswordField repeat,
                      ProgressBar bar, Label strength, Label reason, ObservableBooleanValue busy) {
        this.text = text;
        this.first = first;
        this.repeat = repeat;
        this.bar = bar;
        this.strength = strength;
        this.reason = reason;
        firstLabel.setLabelFor(first);
        repeatLabel.setLabelFor(repeat);
        first.disableProperty().bind(busy);
        repeat.disableProperty().bind(busy);
        first.textProperty().addListener((o, a, b) -> update());
        repeat.textProperty().addListener((o, a, b) -> update());
        update();
    }

    ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    BooleanBinding notReady() {
        return ready.not();
    }

    /** The chosen passphrase, for the caller to wipe; both fields are cleared. */
    char[] take() {
        char[] chosen = Passphrases.take(first);
        repeat.clear();
        return chosen;
    }

    void clear() {
        first.clear();
        repeat.clear();
    }

    private void update() {
        char[] typed = Passphrases.peek(first);
        int score;
        try {
            score = VaultAccess.passphraseScore(typed);
        } finally {
            Passphrases.wipe(typed);
        }
        boolean empty = first.getCharacters().length() == 0;
        bar.setProgress(empty ? 0 : (score + 1) / 5.0);
        for (int i = 0; i < 5; i++) {
            bar.getStyleClass().remove("strength-" + i);
        }
        if (!empty) {
            bar.getStyleClass().add("strength-" + score);
        }
        strength.setText(empty ? "" : text.get(STRENGTH_KEYS[score]));

        boolean strong = VaultAccess.strongEnough(score);
        boolean same = CharSequence.compare(first.getCharacters(), repeat.getCharacters()) == 0;
        if (empty) {
            reason.setText("");
        } else if (!strong) {
            reason.setText(text.get("passphrase.tooWeak"));
        } else if (repeat.getCharacters().length() == 0) {
            reason.setText(text.get("passphrase.repeatIt"));
        } else if (!same) {
            reason.setText(text.get("passphrase.differ"));
        } else {
            reason.setText("");
        }
        ready.set(!empty && strong && same);
    }
}
