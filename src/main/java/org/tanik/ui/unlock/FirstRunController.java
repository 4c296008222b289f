package org.tanik.ui.unlock;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.UiText;

/**
 * First run, before any vault exists: is this laptop a volunteer's (records testimonies) or the
 * organisation's coordinator's (receives and reviews them)? Nothing is stored by choosing; the
 * passphrase screen comes next, and "Back" there returns here.
 */
public final class FirstRunController {

    @FXML private Button volunteerChoice;
    @FXML private FlowPane languageLinks;
    private final Consumer<Role> choice;
    private final Consumer<String> languageSwitch;
    private final UiText text;

    public FirstRunController(Consumer<Role> choice, Consumer<String> languageSwitch, UiText text) {
        this.choice = choice;
        this.languageSwitch = languageSwitch;
        this.text = text;
    }

    @FXML
    private void initialize() {
        // Most people who open Tanik are volunteers: Enter chooses that.
        Focus.whenShown(volunteerChoice);
        LockedScreen.showLanguageLinks(languageLinks, text, languageSwitch);
    }

    @FXML
    private void volunteer() {
        choice.accept(Role.VOLUNTEER);
    }

    @FXML
    private void coordinator() {
        choice.accept(Role.COORDINATOR);
    }
}
