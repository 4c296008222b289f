package org.tanik.ui.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.StringConverter;
import org.tanik.model.DisplayText;
import org.tanik.model.Status;
import org.tanik.model.SentStatus;
import org.tanik.model.Term;
import org.tanik.model.TestimonySummary;
import org.tanik.model.Vocabulary;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Terms;
import org.tanik.ui.common.TypeAhead;
import org.tanik.ui.common.UiText;
import org.tanik.volunteer.Drafts;

/** The list of testimonies: loaded once in the background, then sorted and filtered in memory. */
public final class TestimonyListController {

    private final Drafts drafts;
    private final Vocabulary vocabulary;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;
    private final TestimonyListModel model = new TestimonyListModel();
    private Consumer<String> onOpen = id -> { };

    @FXML private Label filterLabel;
    @FXML private TextField filter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private ComboBox<Term> typeFilter;
    @FXML private ComboBox<String> sentFilter;
    @FXML private Label countLabel;
    @FXML private ProgressIndicator loading;
    @FXML private TableView<ListRow> table;
    @FXML private TableColumn<ListRow, String> titleColumn;
    @FXML private TableColumn<ListRow, LocalDate> dateColumn;
    @FXML private TableColumn<ListRow, String> typesColumn;
    @FXML private TableColumn<ListRow, String> statusColumn;
    @FXML private TableColumn<ListRow, Instant> updatedColumn;

    public TestimonyListController(Drafts drafts, Vocabulary vocabulary, BackgroundExecutor executor,
                                   UiText text, Alerts alerts) {
        this.drafts = drafts;
        this.vocabulary = vocabulary;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
    }

    @FXML
    private void initialize() {
        filterLabel.setLabelFor(filter);
        model.textProperty().bind(filter.textProperty());

        // "" stands for every status (a null item would show as an empty line).
        statusFilter.setItems(FXCollections.observableArrayList("", Status.DRAFT.name(), Status.SEALED.name()));
        statusFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? text.get("list.allStatuses") : text.get("status." + s);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        statusFilter.setValue("");
        statusFilter.valueProperty().addListener((o, a, b) ->
                model.statusProperty().set(b == null || b.isEmpty() ? null : Status.valueOf(b)));
        TypeAhead.install(statusFilter);

        List<Term> types = vocabulary.violationTypes();
        ComboBox<Term> template = Terms.comboBox(types, text.locale(), text.get("list.allTypes"));
        typeFilter.setItems(template.getItems());
        typeFilter.setConverter(template.getConverter());
        typeFilter.setValue(Terms.none());
        TypeAhead.install(typeFilter);
        typeFilter.valueProperty().addListener((o, a, b) -> model.violationTypeProperty().set(b == null ? "" : b.code()));

        // "" stands for sent or not; SENT and UNSENT follow SentStatus.covers, as the status column does.
        sentFilter.setItems(FXCollections.observableArrayList("", "UNSENT", "SENT"));
        sentFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return text.get(s == null || s.isEmpty() ? "sent.filter.all" : "sent.filter." + s);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        sentFilter.setValue("");
        sentFilter.valueProperty().addListener((o, a, b) ->
                model.sentProperty().set(b == null || b.isEmpty() ? null : "SENT".equals(b)));
        TypeAhead.install(sentFilter);

        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(c.getValue().title())));
        titleColumn.setCellFactory(c -> cell(t -> t.isEmpty() ? text.get("list.untitled") : t));
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interviewDate()));
        dateColumn.setCellFactory(c -> cell(text.dates()::date));
        typesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().violationLabels()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                SentText.of(text, c.getValue().status(), c.getValue().version(), c.getValue().sentStatus())));
        statusColumn.setCellFactory(c -> cell(s -> s));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().updatedAt()));
        updatedColumn.setCellFactory(c -> cell(text.dates()::time));
        updatedColumn.setSortType(TableColumn.SortType.DESCENDING);

        model.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.sorted());
        table.getSortOrder().add(updatedColumn);
        table.setRowFactory(t -> {
            TableRow<ListRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            ListRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpen.accept(selected.id());
                e.consume();
            }
        });
        model.filtered().addListener((ListChangeListener<ListRow>) c -> showCount());
        loading.setVisible(false);
        showCount();
    }

    private <T> TableCell<ListRow, T> cell(java.util.function.Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                org.tanik.ui.common.CellText.set(this, empty || item == null ? null : format.apply(item));
            }
        };
    }

    void setOnOpen(Consumer<String> listener) {
        this.onOpen = listener;
    }

    /** Loads the summaries and what was sent in the background (no content is decrypted for the list). */
    void load() {
        loading.setVisible(true);
        executor.run(() -> {
            Map<String, SentStatus> sent = drafts.sent();
            return drafts.list().stream()
                    .map(s -> ListRow.of(s, vocabulary, text.locale(), Optional.ofNullable(sent.get(s.id())))).toList();
        }, rows -> {
            loading.setVisible(false);
            model.setAll(rows);
            if (!rows.isEmpty() && table.getSelectionModel().isEmpty()) {
                // Arrow keys and Enter work at once; Ctrl+F reaches the filter.
                table.getSelectionModel().selectFirst();
                if (table.isVisible()) {
                    table.requestFocus();
                }
            }
        }, failure -> {
            loading.setVisible(false);
            alerts.error(table.getScene() == null ? null : table.getScene().getWindow(), failure);
        });
    }

    void upsert(TestimonySummary summary) {
        model.upsert(ListRow.of(summary, vocabulary, text.locale()));
    }

    void select(String id) {
        for (ListRow r : table.getItems()) {
            if (r.id().equals(id)) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    void focusTable() {
        table.requestFocus();
    }

    /** Forgets every row (on lock). */
    void clear() {
        model.clear();
        filter.clear();
    }

    private void showCount() {
        countLabel.setText(text.format("list.count", model.shownCount(), model.rows().size()));
    }
}
