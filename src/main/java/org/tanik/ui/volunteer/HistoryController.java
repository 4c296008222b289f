package org.tanik.ui.volunteer;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.tanik.model.TestimonySummary;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/** Lists every version of a testimony and lets the user pick one to look at. */
public final class HistoryController {

    private final UiText text;
    private final OpenDialogs dialogs;

    @FXML private DialogPane pane;
    @FXML private TableView<TestimonySummary> table;
    @FXML private TableColumn<TestimonySummary, Integer> versionColumn;
    @FXML private TableColumn<TestimonySummary, String> statusColumn;
    @FXML private TableColumn<TestimonySummary, String> dateColumn;

    public HistoryController(UiText text, OpenDialogs dialogs) {
        this.text = text;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        versionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.get("status." + c.getValue().status().name())));
        dateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.dates().time(c.getValue().updatedAt())));
    }

    /** Shows the versions, with the one on screen selected; returns the version number to open. */
    Optional<Integer> choose(Window owner, List<TestimonySummary> versions, int shown) {
        ButtonType open = new ButtonType(text.get("history.open"), ButtonData.OK_DONE);
        ButtonType close = new ButtonType(text.get("button.close"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(open, close);
        table.getItems().setAll(versions);
        versions.stream().filter(v -> v.version() == shown).findFirst()
                .ifPresentOrElse(v -> table.getSelectionModel().select(v), () -> table.getSelectionModel().selectLast());
        pane.lookupButton(open).disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("history.title"));
        dialog.setDialogPane(pane);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(open);
                dialog.close();
            }
        });
        dialogs.track(dialog);
        javafx.application.Platform.runLater(table::requestFocus);
        Optional<ButtonType> result = dialog.showAndWait();
        TestimonySummary chosen = table.getSelectionModel().getSelectedItem();
        table.getItems().clear();
        return result.filter(b -> b == open).map(b -> chosen.version());
    }
}
