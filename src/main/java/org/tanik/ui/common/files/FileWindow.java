package org.tanik.ui.common.files;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.CellText;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.TextDirection;
import org.tanik.ui.common.UiText;

/**
 * Tanik's own file window, used instead of the system's: the system's file windows add every file
 * chosen to the desktop's recent-files list (GTK's recently-used.xbel, Windows' dialog history, the
 * macOS recent places), which shows anyone who later opens a file window on a seized laptop where
 * the bundles were written. This window records nothing; it remembers the last folder in memory only.
 */
final class FileWindow {

    enum Mode { OPEN, OPEN_MANY, SAVE }

    private final UiText text;
    private final BackgroundExecutor executor;
    private final Alerts alerts;
    private final OpenDialogs dialogs;
    private final Mode mode;
    private final List<String> extensions;
    private final Dialog<List<Path>> dialog = new Dialog<>();
    private final ObservableList<FolderListing.Entry> entries = FXCollections.observableArrayList();
    private final TableView<FolderListing.Entry> table = new TableView<>(entries);
    private final Label folderLabel = new Label();
    private final Label status = new Label();
    private final TextField fileName = new TextField();
    private final ButtonType choose;
    private Path folder;
    /** Counts listings so that a slow, superseded one does not overwrite the folder shown now. */
    private long listing;
    /** True while a new listing selects its first line: that must not replace the name the user typed. */
    private boolean listingShown;

    FileWindow(UiText text, BackgroundExecutor executor, OpenDialogs dialogs, Mode mode, String title,
               String filterName, List<String> extensions) {
        this.text = text;
        this.executor = executor;
        this.alerts = new Alerts(text, dialogs);
        this.mode = mode;
        this.extensions = extensions;
        this.choose = new ButtonType(text.get(mode == Mode.SAVE ? "chooser.save" : "chooser.open"), ButtonData.OK_DONE);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("file-window");
        dialog.getDialogPane().getButtonTypes().setAll(choose,
                new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content(filterName));
        dialog.getDialogPane().setPrefSize(820, 540);
        Button chooseButton = (Button) dialog.getDialogPane().lookupButton(choose);
        // Checked before the window closes, so a wrong name keeps the window open with the reason.
        chooseButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (!accept()) {
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == choose ? chosen() : List.of());
        this.dialogs = dialogs;
    }

    /** Shows the window over {@code owner} in {@code start}; what the user chose, empty if cancelled. */
    List<Path> show(Window owner, Path start, String proposedName) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialogs.track(dialog);
        fileName.setText(proposedName == null ? "" : proposedName);
        open(start);
        dialog.setOnShown(e -> {
            // Some window systems open a resizable dialog narrower than its content asks for.
            if (dialog.getWidth() < dialog.getDialogPane().prefWidth(-1)) {
                dialog.setWidth(dialog.getDialogPane().prefWidth(-1));
            }
            // Later: the dialog gives its default button the focus once shown.
            javafx.application.Platform.runLater(() -> (mode == Mode.SAVE ? fileName : table).requestFocus());
        });
        return dialog.showAndWait().orElse(List.of());
    }

    private BorderPane content(String filterName) {
        ListView<Places.Place> places = new ListView<>(FXCollections.observableArrayList(Places.ofThisComputer()));
        places.getStyleClass().add("file-places");
        places.setPrefWidth(170);
        places.setAccessibleText(text.get("chooser.places"));
        places.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Places.Place place, boolean empty) {
                super.updateItem(place, empty);
                setText(empty || place == null ? null
                        : place.drive() ? place.name() : text.get("chooser.home"));
            }
        });
        places.setOnMouseClicked(e -> Optional.ofNullable(places.getSelectionModel().getSelectedItem())
                .ifPresent(p -> open(p.path())));
        places.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                Optional.ofNullable(places.getSelectionModel().getSelectedItem()).ifPresent(p -> open(p.path()));
                table.requestFocus();
                e.consume();
            }
        });

        Button up = new Button(text.get("chooser.up"));
        up.getStyleClass().add("file-up");
        up.setMinWidth(Region.USE_PREF_SIZE);
        up.setOnAction(e -> up());
        // A path reads left to right in every language.
        TextDirection.leftToRight(folderLabel);
        folderLabel.getStyleClass().add("file-folder");
        folderLabel.setWrapText(true);
        folderLabel.setMinHeight(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, up, folderLabel);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(folderLabel, Priority.ALWAYS);

        table.getStyleClass().add("file-table");
        table.getSelectionModel().setSelectionMode(mode == Mode.OPEN_MANY ? SelectionMode.MULTIPLE : SelectionMode.SINGLE);
        TableColumn<FolderListing.Entry, String> name = nameColumn();
        table.getColumns().setAll(List.of(name, sizeColumn(), modifiedColumn()));
        // The name takes what the size and date leave; those two always show whole.
        name.prefWidthProperty().bind(table.widthProperty().subtract(
                table.getColumns().get(1).widthProperty()).subtract(table.getColumns().get(2).widthProperty())
                .subtract(20));
        table.setPrefWidth(560);
        table.setPlaceholder(status);
        table.setOnKeyPressed(this::tableKey);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                activate();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (mode == Mode.SAVE && now != null && !now.folder() && !listingShown) {
                fileName.setText(now.name());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox centre = new VBox(8, bar, table);
        if (mode == Mode.SAVE) {
            Label nameLabel = new Label(text.get("chooser.fileName"));
            nameLabel.setLabelFor(fileName);
            nameLabel.setMinWidth(Region.USE_PREF_SIZE);
            fileName.getStyleClass().add("file-name");
            TextDirection.leftToRight(fileName);
            HBox.setHgrow(fileName, Priority.ALWAYS);
            HBox nameRow = new HBox(8, nameLabel, fileName);
            nameRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            centre.getChildren().add(nameRow);
        }
        Label note = new Label(filterName == null || extensions.isEmpty()
                ? text.get("chooser.noTrace")
                : text.format("chooser.showing", filterName) + " " + text.get("chooser.noTrace"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("text-muted");
        centre.getChildren().add(note);

        BorderPane pane = new BorderPane(centre);
        pane.setPrefSize(780, 440);
        pane.setLeft(places);
        BorderPane.setMargin(places, new javafx.geometry.Insets(0, 8, 0, 0));
        return pane;
    }

    private TableColumn<FolderListing.Entry, String> nameColumn() {
        TableColumn<FolderListing.Entry, String> column = new TableColumn<>(text.get("chooser.name"));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().folder() ? c.getValue().name() + "/" : c.getValue().name()));
        column.setMinWidth(160);
        // A long name may be shortened in its cell, with the whole name in the cell's tooltip.
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                CellText.set(this, empty ? null : name);
            }
        });
        return column;
    }

    private TableColumn<FolderListing.Entry, String> sizeColumn() {
        TableColumn<FolderListing.Entry, String> column = new TableColumn<>(text.get("chooser.size"));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().folder() ? "" : Sizes.format(c.getValue().size(), text.locale())));
        column.setMinWidth(90);
        column.setPrefWidth(90);
        return column;
    }

    private TableColumn<FolderListing.Entry, String> modifiedColumn() {
        TableColumn<FolderListing.Entry, String> column = new TableColumn<>(text.get("chooser.modified"));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.dates().time(c.getValue().modified())));
        // Wide enough for the longest date and time of the language, measured on a sample.
        double width = new javafx.scene.text.Text(text.dates().time(java.time.Instant.parse("2026-12-28T23:58:00Z")))
                .getLayoutBounds().getWidth() + 40;
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    private void tableKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            activate();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE || (e.getCode() == KeyCode.UP && e.isAltDown())) {
            up();
            e.consume();
        }
    }

    /** Enter or a double click: into a folder, or choose the file. */
    private void activate() {
        FolderListing.Entry entry = table.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        if (entry.folder()) {
            open(entry.path());
        } else {
            if (mode == Mode.SAVE) {
                fileName.setText(entry.name());
            }
            // The button's own check (accept) runs once, whether chosen by key, click or button.
            ((Button) dialog.getDialogPane().lookupButton(choose)).fire();
        }
    }

    private void up() {
        if (folder != null && folder.getParent() != null) {
            open(folder.getParent());
        }
    }

    private void open(Path target) {
        Path shown = target.toAbsolutePath().normalize();
        long mine = ++listing;
        folder = shown;
        folderLabel.setText(shown.toString());
        entries.clear();
        status.setText(text.get("chooser.reading"));
        executor.run(() -> FolderListing.list(shown, extensions), listed -> {
            if (mine == listing) {
                entries.setAll(listed);
                status.setText(text.get("chooser.empty"));
                if (!entries.isEmpty()) {
                    listingShown = true;
                    table.getSelectionModel().clearAndSelect(0);
                    table.getFocusModel().focus(0);
                    listingShown = false;
                }
            }
        }, failure -> {
            if (mine == listing) {
                // The path is the user's own; the reason is a sentence, not the exception's text.
                status.setText(text.get("chooser.unreadable"));
            }
        });
    }

    /** Whether the choice may close the window; tells the user why not. */
    private boolean accept() {
        if (mode != Mode.SAVE) {
            return table.getSelectionModel().getSelectedItems().stream().anyMatch(e -> !e.folder());
        }
        Optional<Path> target = saveTarget();
        if (target.isEmpty()) {
            alerts.info(dialog.getDialogPane().getScene().getWindow(), text.get("chooser.badNameTitle"), null,
                    text.get("chooser.badName"));
            return false;
        }
        if (Files.isDirectory(target.get())) {
            open(target.get());
            return false;
        }
        return !Files.exists(target.get()) || alerts.confirm(dialog.getDialogPane().getScene().getWindow(),
                text.get("chooser.replaceTitle"), text.format("chooser.replace", target.get().getFileName()),
                text.get("chooser.replaceConfirm"));
    }

    private Optional<Path> saveTarget() {
        String name = fileName.getText() == null ? "" : fileName.getText().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || folder == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(folder.resolve(name));
        } catch (InvalidPathException badName) {
            return Optional.empty();
        }
    }

    private List<Path> chosen() {
        if (mode == Mode.SAVE) {
            return saveTarget().map(List::of).orElse(List.of());
        }
        return table.getSelectionModel().getSelectedItems().stream()
                .filter(e -> !e.folder()).map(FolderListing.Entry::path).toList();
    }

    /** The folder shown when the window closed, to start there next time. */
    Path folder() {
        return folder;
    }
}
