package org.tanik.ui.settings;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.ui.common.Focus;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/**
 * "Erase this vault": says plainly what happens and that nothing brings it back, and goes on only once the
 * word it names is typed (a slip of Enter or a click cannot confirm it). Cancel is the default button.
 */
final class EraseConfirmation {

    private final UiText text;
    private final OpenDialogs dialogs;

    EraseConfirmation(UiText text, OpenDialogs dialogs) {
        this.text = text;
        this.dialogs = dialogs;
    }

    boolean confirmed(Window owner) {
        String word = text.get("erase.word");
        Label explanation = new Label(text.get("erase.text"));
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label typeLabel = new Label(text.format("erase.typeWord", word));
        typeLabel.setWrapText(true);
        typeLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField typed = new TextField();
        typed.setId("eraseWord");
        typeLabel.setLabelFor(typed);
        VBox content = new VBox(12, explanation, typeLabel, typed);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("erase.title"));
        dialog.setHeaderText(text.get("erase.header"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getStyleClass().add("erase-confirmation");
        ButtonType erase = new ButtonType(text.get("erase.button"), ButtonData.OTHER);
        ButtonType cancel = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(erase, cancel);
        javafx.scene.control.Button eraseButton = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(erase);
        eraseButton.getStyleClass().add("danger");
        eraseButton.setDefaultButton(false);
        eraseButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !typed.getText().strip().equalsIgnoreCase(word), typed.textProperty()));
        Focus.whenShown(typed);
        dialogs.track(dialog);
        return dialog.showAndWait().filter(b -> b == erase).isPresent();
    }
}
