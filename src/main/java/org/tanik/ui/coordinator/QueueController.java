package org.tanik.ui.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.model.Device;
import org.tanik.model.DisplayText;
import org.tanik.model.ReviewState;
import org.tanik.model.Term;
import org.tanik.ui.common.Terms;
import org.tanik.ui.common.TypeAhead;

/**
 * The review queue: every archived testimony (latest version), filtered in memory through the
 * search index as the coordinator types, and the selected one shown read-only beside it.
 * Searching the in-memory index takes a few milliseconds even for 10,000 testimonies, so it runs
 * on the FX thread; nothing here touches the database.
 */
public final class QueueController {

    private final CoordinatorContext ctx;
    private final ObservableList<ArchiveItem> items = FXCollections.observableArrayList();
    private List<ArchiveItem> shown = List.of();
    private SearchQuery query = SearchQuery.all();
    private Consumer<List<ArchiveItem>> onShown = l -> { };
    private boolean refreshing;

    @FXML private Label filterLabel;
    @FXML private TextField filter;
    @FXML private ComboBox<Term> typeFilter;
    @FXML private ComboBox<Term> provinceFilter;
    @FXML private ComboBox<Term> institutionFilter;
    @FXML private ComboBox<String> stateFilter;
    @FXML private ComboBox<String> deviceFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private Label countLabel;
    @FXML private ProgressIndicator loading;
    @FXML private TableView<ArchiveItem> table;
    @FXML private TableColumn<ArchiveItem, String> titleColumn;
    @FXML private TableColumn<ArchiveItem, LocalDate> dateColumn;
    @FXML private TableColumn<ArchiveItem, String> typesColumn;
    @FXML private TableColumn<ArchiveItem, String> deviceColumn;
    @FXML private TableColumn<ArchiveItem, String> stateColumn;
    @FXML private TableColumn<ArchiveItem, Instant> updatedColumn;
    @FXML private ArchiveViewController detailController;

    public QueueController(CoordinatorContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        filterLabel.setLabelFor(filter);
        termFilter(typeFilter, ctx.vocabulary.violationTypes(), "queue.allTypes");
        termFilter(provinceFilter, ctx.vocabulary.provinces(), "queue.allProvinces");
        termFilter(institutionFilter, ctx.vocabulary.institutions(), "queue.allInstitutions");
        List<String> states = new ArrayList<>();
        states.add("");
        for (ReviewState s : ReviewState.values()) {
            states.add(s.name());
        }
        stateFilter.setItems(FXCollections.observableArrayList(states));
        stateFilter.setConverter(converter(s -> s.isEmpty() ? ctx.text.get("queue.allStates")
                : ctx.reviewState(ReviewState.valueOf(s))));
        stateFilter.setValue("");
        TypeAhead.install(stateFilter);
        deviceFilter.setItems(FXCollections.observableArrayList(""));
        deviceFilter.setConverter(converter(fp -> fp.isEmpty() ? ctx.text.get("queue.allDevices") : ctx.deviceName(fp)));
        deviceFilter.setValue("");
        TypeAhead.install(deviceFilter);
        fromDate.setConverter(ctx.dates.converter());
        toDate.setConverter(ctx.dates.converter());
        fromDate.setPromptText(ctx.text.get("queue.from"));
        toDate.setPromptText(ctx.text.get("queue.to"));
        javafx.scene.control.Tooltip dates = new javafx.scene.control.Tooltip(ctx.text.get("queue.datesTip"));
        fromDate.setTooltip(dates);
        toDate.setTooltip(dates);

        filter.textProperty().addListener((o, a, b) -> refresh());
        for (ComboBox<?> box : List.of(typeFilter, provinceFilter, institutionFilter, stateFilter, deviceFilter)) {
            box.valueProperty().addListener((o, a, b) -> refresh());
        }
        fromDate.valueProperty().addListener((o, a, b) -> refresh());
        toDate.valueProperty().addListener((o, a, b) -> refresh());

        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(c.getValue().title())));
        titleColumn.setCellFactory(c -> cell(t -> t.isEmpty() ? ctx.text.get("list.untitled") : t));
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interviewDate()));
        dateColumn.setCellFactory(c -> cell(ctx.dates::date));
        typesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.typeLabels(c.getValue().violationTypes())));
        typesColumn.setCellFactory(c -> cell(t -> t));
        deviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.deviceName(c.getValue().device())));
        deviceColumn.setCellFactory(c -> cell(t -> t));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.reviewState(c.getValue().reviewState())));
        stateColumn.setCellFactory(c -> cell(t -> t));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().updatedAt()));
        updatedColumn.setCellFactory(c -> cell(ctx.dates::time));
        updatedColumn.setSortType(TableColumn.SortType.DESCENDING);
        SortedList<ArchiveItem> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(updatedColumn);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!refreshing) {
                detailController.show(item);
            }
        });
        detailController.setOnReviewed(this::refresh);
        loading.setVisible(true);
        showCount();
    }

    private void termFilter(ComboBox<Term> box, List<Term> terms, String allKey) {
        ComboBox<Term> template = Terms.comboBox(terms, ctx.text.locale(), ctx.text.get(allKey));
        box.setItems(template.getItems());
        box.setConverter(template.getConverter());
        box.setValue(Terms.none());
        TypeAhead.install(box);
    }

    void setOnShown(Consumer<List<ArchiveItem>> listener) {
        this.onShown = listener;
    }

    /** The testimonies the filters currently let through (for the statistics). */
    List<ArchiveItem> shown() {
        return shown;
    }

    /** The filters as last applied: what an export or a statistics report of "what is shown" selects. */
    SearchQuery query() {
        return query;
    }

    /** The testimony selected in the list, or null. */
    ArchiveItem selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /**
     * The archive could not be loaded (the index failed, e.g. out of memory): the spinner stops, and
     * the empty list says so rather than inviting an import into an archive that is not empty.
     */
    void indexFailed() {
        loading.setVisible(false);
        Label why = new Label(ctx.text.get("queue.loadFailed"));
        why.setWrapText(true);
        why.getStyleClass().add("text-muted");
        table.setPlaceholder(why);
    }

    void indexReady() {
        loading.setVisible(false);
        refresh();
        if (!table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /** Runs the search again (filters changed, or the archive did) and keeps the selection. */
    void refresh() {
        if (ctx.index() == null) {
            return;
        }
        refreshDevices();
        SearchQuery q = SearchQuery.all().withText(filter.getText())
                .withViolationType(Terms.code(typeFilter)).withProvince(Terms.code(provinceFilter))
                .withInstitution(Terms.code(institutionFilter))
                .withReviewState(stateFilter.getValue() == null || stateFilter.getValue().isEmpty() ? null
                        : ReviewState.valueOf(stateFilter.getValue()))
                .withDevice(deviceFilter.getValue())
                .withDates(fromDate.getValue(), toDate.getValue());
        ArchiveItem selected = table.getSelectionModel().getSelectedItem();
        query = q;
        shown = ctx.index().search(q);
        refreshing = true;
        try {
            items.setAll(shown);
            if (selected != null) {
                table.getItems().stream().filter(i -> i.id().equals(selected.id())).findFirst()
                        .ifPresent(i -> table.getSelectionModel().select(i));
            }
        } finally {
            refreshing = false;
        }
        // Shown again only if it changed (a review, a newer version); gone if the filters exclude it.
        detailController.show(table.getSelectionModel().getSelectedItem());
        showCount();
        onShown.accept(shown);
    }

    private void refreshDevices() {
        List<String> fps = new ArrayList<>();
        fps.add("");
        ctx.devices().stream().map(Device::fingerprint).sorted(Comparator.comparing(ctx::deviceName)).forEach(fps::add);
        if (!fps.equals(deviceFilter.getItems())) {
            String chosen = deviceFilter.getValue();
            deviceFilter.getItems().setAll(fps);
            deviceFilter.setValue(fps.contains(chosen) ? chosen : "");
        }
    }

    @FXML
    private void clearFilters() {
        filter.clear();
        typeFilter.setValue(Terms.none());
        provinceFilter.setValue(Terms.none());
        institutionFilter.setValue(Terms.none());
        stateFilter.setValue("");
        deviceFilter.setValue("");
        fromDate.setValue(null);
        toDate.setValue(null);
        filter.requestFocus();
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    void clear() {
        items.clear();
        shown = List.of();
        detailController.clear();
    }

    private void showCount() {
        int total = ctx.index() == null ? 0 : ctx.index().size();
        countLabel.setText(ctx.text.format("queue.count", items.size(), total));
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return f.apply(s == null ? "" : s);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private <T> TableCell<ArchiveItem, T> cell(java.util.function.Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                org.tanik.ui.common.CellText.set(this, empty || item == null ? null : format.apply(item));
            }
        };
    }
}
