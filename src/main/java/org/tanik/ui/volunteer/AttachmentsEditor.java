package org.tanik.ui.volunteer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.converter.DefaultStringConverter;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Attachment;
import org.tanik.model.Testimony;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.files.Sizes;
import org.tanik.ui.common.viewers.Viewers;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.MetadataReport;
import org.tanik.work.Progress;

/**
 * The Attachments tab: the testimony's files with name, type, size, caption and when added. Files
 * come in through Tanik's own file window or by dropping them here; before each is added, what it
 * reveals (a photo's GPS position, a document's author) is shown with the choice to keep or remove
 * it; adding shows its progress and can be cancelled. View shows a file inside the app.
 */
final class AttachmentsEditor {

    private final FormContext context;
    private final Attachments attachments;
    private final BackgroundExecutor executor;
    private final Alerts alerts;
    private final OpenDialogs dialogs;
    private final FileChoices files;
    private final Viewers viewers;
    private final ObjectProperty<List<Attachment>> list;
    private final Supplier<Optional<Testimony>> shown;
    private final Consumer<Testimony> changed;
    final TableView<Attachment> table = new TableView<>();
    private final Label progressLabel = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final HBox progressRow;
    private final Label message = new Label();
    private final VBox root;
    /** A file dropped or chosen, and the testimony it goes to (the editor may show another by then). */
    private record Pending(String testimonyId, Path file) {
    }

    /** Files dropped or chosen, added one after the other. */
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private AtomicBoolean cancel;
    private boolean closed;

    AttachmentsEditor(FormContext context, Attachments attachments, BackgroundExecutor executor, Alerts alerts,
                      OpenDialogs dialogs, FileChoices files, Viewers viewers, ObjectProperty<List<Attachment>> list,
                      Supplier<Optional<Testimony>> shown, Consumer<Testimony> changed) {
        this.context = context;
        this.attachments = attachments;
        this.executor = executor;
        this.alerts = alerts;
        this.dialogs = dialogs;
        this.files = files;
        this.viewers = viewers;
        this.list = list;
        this.shown = shown;
        this.changed = changed;
        UiText text = context.text;
        Label intro = new Label(text.get("attachments.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        table.getStyleClass().add("attachments-table");
        Label empty = new Label(text.get("attachments.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        table.setEditable(true);
        table.editableProperty().bind(context.readOnlyProperty().not());
        table.getColumns().add(column(text.get("attachments.name"), Attachment::fileName, 200));
        table.getColumns().add(column(text.get("attachments.type"), a -> org.tanik.ui.common.viewers.MediaKind.typeName(a.mediaType()), 110));
        table.getColumns().add(column(text.get("attachments.size"), a -> Sizes.format(a.size(), text.locale()), 80));
        TableColumn<Attachment, String> caption = column(text.get("attachments.caption"), Attachment::caption, 240);
        // A long caption is cut in its cell; the tooltip says it whole.
        caption.setCellFactory(col -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        caption.setEditable(true);
        caption.setOnEditCommit(e -> caption(e.getRowValue(), e.getNewValue()));
        table.getColumns().add(caption);
        TableColumn<Attachment, String> added = column(text.get("attachments.added"),
                a -> a.addedAt() == null ? "" : text.dates().time(a.addedAt()), 140);
        // A date is read whole: the column widens to it.
        org.tanik.ui.common.Fit.wholeCells(added);
        table.getColumns().add(added);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !table.isEditable()) {
                view();
            }
        });
        list.addListener((o, a, b) -> showList(b));

        Button add = context.button("attachments.add", this::choose);
        add.setId("addAttachment");
        Button view = button("attachments.view", "viewAttachment", this::view);
        Button openWith = button("attachments.openWith", "openAttachmentElsewhere", this::openElsewhere);
        Button remove = context.button("attachments.remove", this::remove);
        remove.setId("removeAttachment");
        for (Button b : List.of(view, openWith, remove)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, gap, view, openWith, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);

        progressLabel.setWrapText(true);
        progress.setPrefWidth(220);
        Button stop = new Button(text.get("attachments.cancel"));
        stop.setMnemonicParsing(true);
        stop.setId("cancelAdding");
        stop.setOnAction(e -> {
            if (cancel != null) {
                cancel.set(true);
            }
        });
        progressRow = new HBox(10, progressLabel, progress, stop);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.getStyleClass().add("attachment-progress");
        Shown.set(progressRow, false);
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        message.setId("attachmentsMessage");

        root = new VBox(10, intro, buttons, progressRow, message, table);
        root.getStyleClass().addAll("section", "attachments-section");
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        showList(list.get());
    }

    private static TableColumn<Attachment, String> column(String title, java.util.function.Function<Attachment, String> value,
                                                          double width) {
        TableColumn<Attachment, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(context.text.get(key));
        b.setMnemonicParsing(true);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    Node node() {
        return root;
    }

    private void showList(List<Attachment> shownList) {
        Attachment selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(shownList == null ? List.of() : shownList);
        if (selected != null) {
            table.getItems().stream().filter(a -> a.id().equals(selected.id())).findFirst()
                    .ifPresent(a -> table.getSelectionModel().select(a));
        }
    }

    /** The vault locked: results still on their way must change nothing. */
    void close() {
        closed = true;
        waiting.clear();
        if (cancel != null) {
            cancel.set(true);
        }
        table.getItems().clear();
        message.setText("");
        Shown.set(progressRow, false);
    }

    // ---- Adding.

    private void choose() {
        List<Path> chosen = files.openMany(window(), context.text.get("attachments.chooseTitle"), null, List.of());
        add(chosen);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && !context.readOnlyProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = e.getDragboard().hasFiles() && !context.readOnlyProperty().get();
        if (done) {
            add(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** Adds the files one after the other (what a drop or the file window hands over). */
    void add(List<Path> paths) {
        if (context.readOnlyProperty().get() || shown.get().isEmpty()) {
            return;
        }
        boolean idle = waiting.isEmpty() && cancel == null;
        String id = shown.get().get().id();
        paths.stream().filter(Files::isRegularFile).forEach(p -> waiting.add(new Pending(id, p)));
        if (idle) {
            next();
        }
    }

    private void next() {
        Pending pending = waiting.poll();
        if (closed || pending == null) {
            cancel = null;
            Shown.set(progressRow, false);
            return;
        }
        String id = pending.testimonyId();
        Path file = pending.file();
        String name = String.valueOf(file.getFileName());
        cancel = new AtomicBoolean();
        executor.run(() -> attachments.inspect(file), report -> {
            if (closed) {
                return;
            }
            Optional<Boolean> strip = askAboutMetadata(name, report);
            if (strip.isEmpty()) {
                next();
                return;
            }
            encrypt(id, file, name, strip.get());
        }, failure -> {
            failed(failure);
            next();
        });
    }

    private void encrypt(String id, Path file, String name, boolean strip) {
        AtomicBoolean stop = cancel;
        progressLabel.setText(context.text.format("attachments.adding", name));
        progress.setProgress(0);
        Shown.set(progressRow, true);
        message.setText("");
        Progress<Object> steps = executor.onFxThread((done, total, step) -> {
            if (!closed && cancel == stop) {
                progress.setProgress(total == 0 ? -1 : done / (double) total);
            }
        }, stop::get);
        executor.run(() -> {
            attachments.add(id, file, "", strip, steps);
            return attachments.list(id);
        }, added -> {
            if (closed) {
                return;
            }
            Shown.set(progressRow, false);
            Optional<Testimony> now = shown.get().filter(t -> t.id().equals(id));
            if (now.isPresent()) {
                context.quietly(() -> list.set(added));
                changed.accept(now.get());
            }
            message.setText(context.text.format("attachments.added.one", name));
            if (!added.isEmpty()) {
                table.getSelectionModel().select(table.getItems().get(table.getItems().size() - 1));
            }
            next();
        }, failure -> {
            Shown.set(progressRow, false);
            if (failure instanceof TanikException te && te.problem() == Problem.ATTACHMENT_CANCELLED) {
                message.setText(context.text.format("attachments.cancelled", name));
                waiting.clear();
            } else {
                failed(failure);
            }
            next();
        });
    }

    /**
     * Shows what the file reveals and asks whether to keep it: true to remove it, false to keep it,
     * empty to not add the file. A file that reveals nothing known is added without asking.
     */
    private Optional<Boolean> askAboutMetadata(String name, MetadataReport report) {
        if (report.isEmpty()) {
            return Optional.of(false);
        }
        UiText text = context.text;
        StringBuilder found = new StringBuilder();
        for (MetadataReport.Finding f : report.findings()) {
            found.append("• ").append(text.get("attachments.found." + f.kind().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(": ").append(org.tanik.model.DisplayText.oneLine(f.value())).append('\n');
        }
        found.append('\n').append(text.get(report.strippable() ? "attachments.metadata.question"
                : "attachments.metadata.cannotStrip"));
        ButtonType keep = new ButtonType(text.get("attachments.metadata.keep"), ButtonData.OTHER);
        ButtonType strip = new ButtonType(text.get("attachments.metadata.remove"), ButtonData.OK_DONE);
        ButtonType skip = new ButtonType(text.get("button.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = report.strippable()
                ? new Alert(Alert.AlertType.WARNING, found.toString(), strip, keep, skip)
                : new Alert(Alert.AlertType.WARNING, found.toString(), keep, skip);
        alert.setTitle(text.get("attachments.metadata.title"));
        alert.setHeaderText(text.format("attachments.metadata.header", name));
        alert.getDialogPane().getStyleClass().add("metadata-report");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        if (window() != null) {
            alert.initOwner(window());
        }
        dialogs.track(alert);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == skip) {
            return Optional.empty();
        }
        return Optional.of(answer.get() == strip);
    }

    // ---- The others.

    private void caption(Attachment a, String caption) {
        Optional<Testimony> t = shown.get();
        if (t.isEmpty() || context.readOnlyProperty().get()) {
            return;
        }
        String id = t.get().id();
        executor.run(() -> attachments.caption(id, a.id(), caption == null ? "" : caption.strip()),
                this::saved, this::failed);
    }

    private void remove() {
        Attachment a = table.getSelectionModel().getSelectedItem();
        Optional<Testimony> t = shown.get();
        if (a == null || t.isEmpty() || context.readOnlyProperty().get()) {
            return;
        }
        UiText text = context.text;
        if (!alerts.confirm(window(), text.get("attachments.removeTitle"),
                text.format("attachments.removeMessage", a.fileName()), text.get("attachments.removeConfirm"))) {
            return;
        }
        String id = t.get().id();
        executor.run(() -> attachments.remove(id, a.id()), this::saved, this::failed);
    }

    private void saved(Testimony t) {
        if (closed || shown.get().filter(s -> s.id().equals(t.id())).isEmpty()) {
            return;
        }
        context.quietly(() -> list.set(t.content().attachments()));
        changed.accept(t);
    }

    private void view() {
        view(table.getSelectionModel().getSelectedItem());
    }

    /** Opens the viewer (or, for a recording, the player) of one of the shown testimony's attachments. */
    void view(Attachment a) {
        withContent(a, content -> viewers.show(window(), a, content));
    }

    private void openElsewhere() {
        Attachment a = table.getSelectionModel().getSelectedItem();
        withContent(a, content -> viewers.openElsewhere(window(), a, content));
    }

    /** Opens the attachment's decrypted content off the FX thread, then hands it to {@code use}. */
    private void withContent(Attachment a, java.util.function.Consumer<org.tanik.files.Content> use) {
        Optional<Testimony> t = shown.get();
        if (a == null || t.isEmpty()) {
            return;
        }
        String id = t.get().id();
        executor.run(() -> attachments.content(id, a.id()), content -> {
            if (!closed) {
                use.accept(content);
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        if (!closed) {
            alerts.error(window(), failure);
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
