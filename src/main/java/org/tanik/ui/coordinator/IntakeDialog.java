package org.tanik.ui.coordinator;

import java.util.List;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tanik.coordinator.OrganisationDesk;

/**
 * Recording the organisation's intake without the terminal: address, TLS pin, intake key and route,
 * checked and stored by the same use case as {@code org add-intake}; then the organisation's key to
 * give the intake's operator, in a field that can be selected and copied. Every field has a mnemonic.
 */
final class IntakeDialog {

    static final List<String> ROUTES = List.of("tor-only", "direct-allowed");
    private final CoordinatorContext ctx;
    private final Window owner;

    IntakeDialog(CoordinatorContext ctx, Window owner) {
        this.ctx = ctx;
        this.owner = owner;
    }

    /** Shows the form, filled with {@code current} when an intake was recorded before. */
    void show(OrganisationDesk.Intake current) {
        TextField url = field("intake-url", current == null ? "" : current.url());
        TextField pin = field("intake-pin", current == null ? "" : current.tlsPin());
        TextField key = field("intake-key", current == null ? "" : current.intakeKey());
        ChoiceBox<String> route = new ChoiceBox<>();
        route.setId("intake-route");
        route.getItems().setAll(ROUTES);
        route.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : ctx.text.get("intake.route." + code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        route.setValue(current == null ? "tor-only" : current.route());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, "intake.url", url);
        row(grid, 1, "intake.pin", pin);
        row(grid, 2, "intake.key", key);
        row(grid, 3, "intake.route", route);

        ButtonType save = new ButtonType(ctx.text.get("intake.save"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(ctx.text.get("intake.header"),
                new VBox(8, grid), save);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(url.textProperty().isEmpty()
                .or(pin.textProperty().isEmpty()).or(key.textProperty().isEmpty()));
        javafx.application.Platform.runLater(url::requestFocus);
        if (dialog.showAndWait().filter(b -> b == save).isEmpty()) {
            return;
        }
        String u = url.getText().strip();
        String p = pin.getText().strip();
        String k = key.getText().strip();
        String r = route.getValue();
        ctx.executor.run(() -> ctx.desk.organisation().addIntake(u, p, k, r), this::saved, failure -> {
            if (ctx.active) {
                ctx.alerts.error(owner, failure);
            }
        });
    }

    private void saved(OrganisationDesk.IntakeAdded added) {
        if (!ctx.active) {
            return;
        }
        TextField command = new TextField("tanik intake trust --data DIR --organisation-key " + added.organisationKey());
        command.setId("intake-operator-command");
        command.setEditable(false);
        command.getStyleClass().add("ltr");
        command.setPrefColumnCount(60);
        Dialog<ButtonType> done = dialog(ctx.text.get("intake.saved"), new VBox(8, command));
        javafx.application.Platform.runLater(command::requestFocus);
        done.showAndWait();
    }

    private TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        // An address, a pin or a key: left to right even in Arabic.
        f.getStyleClass().add("ltr");
        f.setPrefColumnCount(48);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private void row(GridPane grid, int row, String labelKey, Control field) {
        Label label = new Label(ctx.text.get(labelKey));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(row, label, field);
    }

    private Dialog<ButtonType> dialog(String header, javafx.scene.Node content, ButtonType... extra) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(ctx.text.get("intake.title"));
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("intake-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(extra);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(
                ctx.text.get(extra.length == 0 ? "button.close" : "button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setPrefWidth(640);
        ctx.dialogs.track(dialog);
        return dialog;
    }
}
