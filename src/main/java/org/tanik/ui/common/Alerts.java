package org.tanik.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Translated message boxes. Failures show one sentence from the error bundle, never a stack trace. */
public final class Alerts {

    private final UiText text;
    private final OpenDialogs dialogs;

    public Alerts(UiText text, OpenDialogs dialogs) {
        this.text = text;
        this.dialogs = dialogs;
    }

    public void error(Window owner, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text.error(failure),
                new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE));
        alert.setHeaderText(null);
        alert.setTitle(text.get("alert.errorTitle"));
        show(owner, alert);
        alert.showAndWait();
    }

    public void info(Window owner, String title, String header, String message) {
        tell(owner, Alert.AlertType.INFORMATION, title, header, message);
    }

    /** Something the user must know before working on, such as work that may be missing. */
    public void warning(Window owner, String title, String message) {
        tell(owner, Alert.AlertType.WARNING, title, title, message);
    }

    private void tell(Window owner, Alert.AlertType type, String title, String header, String message) {
        Alert alert = new Alert(type, message, new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE));
        alert.setTitle(title);
        alert.setHeaderText(header);
        show(owner, alert);
        alert.showAndWait();
    }

    /**
     * Tells something and offers one action besides Close (Close stays the default); true when the
     * user chose the action.
     */
    public boolean offer(Window owner, Alert.AlertType type, String title, String header, String message,
                         String actionLabel) {
        ButtonType action = new ButtonType(actionLabel, ButtonData.OTHER);
        ButtonType close = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(type, message, action, close);
        alert.setTitle(title);
        alert.setHeaderText(header);
        show(owner, alert);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(action)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(close)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == action).isPresent();
    }

    /**
     * A longer text to read, such as the quick start: it scrolls, its lines wrap, and Escape or Close
     * closes it. The dialog pane has the style class {@code styleClass}.
     */
    public void document(Window owner, String title, javafx.scene.Node content, String styleClass) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE));
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(420);
        scroll.getStyleClass().add("edge-to-edge");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().getStyleClass().add(styleClass);
        alert.setResizable(true);
        show(owner, alert);
        alert.getDialogPane().setPrefWidth(620);
        alert.showAndWait();
    }

    /** Asks before something that cannot simply be undone; true when the user confirmed. */
    public boolean confirm(Window owner, String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        ButtonType no = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(null);
        show(owner, alert);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    private void show(Window owner, Alert alert) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(480);
        dialogs.track(alert);
    }
}
