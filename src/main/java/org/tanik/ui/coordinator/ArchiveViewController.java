package org.tanik.ui.coordinator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.FieldLabels;
import org.tanik.coordinator.ReviewDesk;
import org.tanik.coordinator.VersionDiff;
import org.tanik.model.Device;
import org.tanik.model.Provenance;
import org.tanik.model.ReceivedBundle;
import org.tanik.model.ReviewState;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.Reviews;

/**
 * One archived testimony, read-only: any of its versions, what changed between two versions, where
 * each version came from (provenance), its review history, and the control to change its review
 * state (a note is required; "duplicate" names the other testimony).
 */
public final class ArchiveViewController {

    /** Everything about one testimony, read in the background. */
    private record Detail(List<Archive.Entry> versions, Map<Integer, Provenance> provenance,
                          Map<String, ReceivedBundle> bundles, List<Reviews.Event> history) {
    }

    private final CoordinatorContext ctx;
    private ArchiveItem item;
    private Detail detail;
    private Runnable onReviewed = () -> { };

    @FXML private VBox viewScreen;
    @FXML private Label placeholder;
    @FXML private VBox content;
    @FXML private Label title;
    @FXML private Label stateChip;
    @FXML private TabPane tabs;
    @FXML private ComboBox<Integer> version;
    @FXML private TextArea text;
    @FXML private ComboBox<Integer> diffFrom;
    @FXML private ComboBox<Integer> diffTo;
    @FXML private TableView<VersionDiff.Change> changes;
    @FXML private TableColumn<VersionDiff.Change, String> fieldColumn;
    @FXML private TableColumn<VersionDiff.Change, String> beforeColumn;
    @FXML private TableColumn<VersionDiff.Change, String> afterColumn;
    @FXML private ComboBox<Integer> provenanceVersion;
    @FXML private TextField provDevice;
    @FXML private TextField provLabel;
    @FXML private TextField provBundle;
    @FXML private TextField provSequence;
    @FXML private TextField provSha;
    @FXML private TextField provCreated;
    @FXML private TextField provReceived;
    @FXML private TextField provImported;
    @FXML private Label provVerification;
    @FXML private TableView<Reviews.Event> history;
    @FXML private TableColumn<Reviews.Event, String> historyWhen;
    @FXML private TableColumn<Reviews.Event, String> historyState;
    @FXML private TableColumn<Reviews.Event, String> historyNote;
    @FXML private Label stateLabel;
    @FXML private ComboBox<ReviewState> newState;
    @FXML private Label duplicateLabel;
    @FXML private ComboBox<ArchiveItem> duplicateOf;
    @FXML private Label noteLabel;
    @FXML private TextArea note;
    @FXML private Button applyButton;
    @FXML private Label reviewMessage;

    public ArchiveViewController(CoordinatorContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        StringConverter<Integer> versions = new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : ctx.text.format("view.version", v);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
        for (ComboBox<Integer> box : List.of(version, diffFrom, diffTo, provenanceVersion)) {
            box.setConverter(versions);
        }
        version.valueProperty().addListener((o, a, v) -> showVersion(v));
        diffFrom.valueProperty().addListener((o, a, v) -> showDiff());
        diffTo.valueProperty().addListener((o, a, v) -> showDiff());
        provenanceVersion.valueProperty().addListener((o, a, v) -> showProvenance(v));
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(fieldLabel(c.getValue().field())));
        beforeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                ctx.fieldLabels.value(c.getValue().field(), c.getValue().before())));
        afterColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                ctx.fieldLabels.value(c.getValue().field(), c.getValue().after())));
        historyWhen.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.timeFormat.format(c.getValue().at())));
        historyState.setCellValueFactory(c -> new ReadOnlyStringWrapper(ctx.reviewState(c.getValue().state())
                + (c.getValue().duplicateOf() == null ? "" : " → " + titleOf(c.getValue().duplicateOf()))));
        historyNote.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note()));
        WrappingCell.install(fieldColumn);
        WrappingCell.install(beforeColumn);
        WrappingCell.install(afterColumn);
        WrappingCell.install(historyNote);

        stateLabel.setLabelFor(newState);
        noteLabel.setLabelFor(note);
        duplicateLabel.setLabelFor(duplicateOf);
        newState.setItems(FXCollections.observableArrayList(ReviewState.values()));
        newState.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReviewState s) {
                return s == null ? "" : ctx.reviewState(s);
            }

            @Override
            public ReviewState fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        org.tanik.ui.common.TypeAhead.install(newState);
        duplicateOf.setConverter(new StringConverter<>() {
            @Override
            public String toString(ArchiveItem i) {
                return i == null ? "" : (i.title().isEmpty() ? ctx.text.get("list.untitled") : i.title())
                        + (i.interviewDate() == null ? "" : " · " + ctx.dateFormat.format(i.interviewDate()));
            }

            @Override
            public ArchiveItem fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        org.tanik.ui.common.TypeAhead.install(duplicateOf);
        newState.valueProperty().addListener((o, a, s) -> {
            boolean dup = s == ReviewState.DUPLICATE;
            duplicateLabel.setDisable(!dup);
            duplicateOf.setDisable(!dup);
            updateApply();
        });
        duplicateOf.valueProperty().addListener((o, a, b) -> updateApply());
        note.textProperty().addListener((o, a, b) -> updateApply());
        duplicateOf.setDisable(true);
        duplicateLabel.setDisable(true);
        show(null);
    }

    void setOnReviewed(Runnable listener) {
        this.onReviewed = listener;
    }

    /** Shows this testimony (null: nothing selected); its versions and history load in the background. */
    void show(ArchiveItem selected) {
        if (selected != null && selected.equals(item)) {
            return;
        }
        item = selected;
        detail = null;
        placeholder.setVisible(selected == null);
        content.setVisible(selected != null);
        if (selected == null) {
            return;
        }
        title.setText(selected.title().isEmpty() ? ctx.text.get("list.untitled") : selected.title());
        stateChip.setText(ctx.reviewState(selected.reviewState()));
        text.setText("");
        reviewMessage.setText("");
        String id = selected.id();
        ctx.executor.run(() -> load(id), loaded -> {
            if (!ctx.active || item == null || !item.id().equals(id)) {
                return;
            }
            fill(loaded);
        }, failure -> {
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(viewScreen), failure);
            }
        });
    }

    private Detail load(String id) {
        List<Archive.Entry> versions = ctx.stores.archive().versions(id);
        Map<Integer, Provenance> provenance = new HashMap<>();
        Map<String, ReceivedBundle> bundles = new HashMap<>();
        for (Archive.Entry e : versions) {
            ctx.stores.archive().provenance(id, e.testimony().version())
                    .ifPresent(p -> provenance.put(p.version(), p));
            ctx.stores.bundles().byId(e.bundleId()).ifPresent(b -> bundles.put(b.bundleId(), b));
        }
        return new Detail(versions, provenance, bundles, ctx.stores.reviews().history(id));
    }

    private void fill(Detail loaded) {
        detail = loaded;
        List<Integer> numbers = loaded.versions().stream().map(e -> e.testimony().version()).toList();
        Integer latest = numbers.get(numbers.size() - 1);
        version.setItems(FXCollections.observableArrayList(numbers));
        diffFrom.setItems(FXCollections.observableArrayList(numbers));
        diffTo.setItems(FXCollections.observableArrayList(numbers));
        provenanceVersion.setItems(FXCollections.observableArrayList(numbers));
        version.setValue(null);
        version.setValue(latest);
        diffFrom.setValue(numbers.size() > 1 ? numbers.get(numbers.size() - 2) : latest);
        diffTo.setValue(latest);
        showDiff();
        provenanceVersion.setValue(null);
        provenanceVersion.setValue(latest);
        history.getItems().setAll(loaded.history());
        newState.setValue(item.reviewState());
        List<ArchiveItem> others = ctx.index == null ? List.of()
                : ctx.index.all().stream().filter(i -> !i.id().equals(item.id())).toList();
        duplicateOf.setItems(FXCollections.observableArrayList(others));
        duplicateOf.setValue(null);
        note.clear();
        updateApply();
    }

    private Optional<Archive.Entry> entry(Integer v) {
        if (detail == null || v == null) {
            return Optional.empty();
        }
        return detail.versions().stream().filter(e -> e.testimony().version() == v).findFirst();
    }

    private void showVersion(Integer v) {
        entry(v).ifPresent(e -> {
            text.setText(TestimonyText.render(ctx, e.testimony()));
            text.positionCaret(0);
        });
    }

    private void showDiff() {
        Optional<Archive.Entry> from = entry(diffFrom.getValue());
        Optional<Archive.Entry> to = entry(diffTo.getValue());
        if (from.isEmpty() || to.isEmpty()) {
            changes.getItems().clear();
            return;
        }
        changes.getItems().setAll(VersionDiff.between(from.get().testimony(), to.get().testimony()));
    }

    /** "Incident 1 › Act 2 › Place › Province", marked when the field identifies a person. */
    private String fieldLabel(String path) {
        String label = ctx.fieldLabels.label(path);
        return FieldLabels.confidential(path) ? label + " [" + ctx.text.get("confidential") + "]" : label;
    }

    private void showProvenance(Integer v) {
        Provenance p = detail == null || v == null ? null : detail.provenance().get(v);
        if (p == null) {
            for (TextField f : List.of(provDevice, provLabel, provBundle, provSequence, provSha, provCreated,
                    provReceived, provImported)) {
                f.clear();
            }
            provVerification.setText("");
            return;
        }
        Optional<Device> device = ctx.device(p.device());
        provDevice.setText(device.map(Device::fingerprint).orElse(p.device()));
        provLabel.setText(device.map(Device::label).filter(l -> !l.isEmpty())
                .orElseGet(() -> ctx.text.get("provenance.noLabel")));
        provBundle.setText(p.bundleId());
        provSequence.setText(Long.toString(p.sequence()));
        provSha.setText(p.bundleSha256());
        provCreated.setText(ctx.timeFormat.format(p.bundleCreatedAt()));
        provReceived.setText(ctx.timeFormat.format(p.receivedAt()));
        provImported.setText(ctx.timeFormat.format(p.importedAt()));
        ReceivedBundle b = detail.bundles().get(p.bundleId());
        boolean flagged = b != null && b.flagged();
        provVerification.setText(ctx.text.get(flagged ? "provenance.verifiedFlagged" : "provenance.verified"));
        provVerification.getStyleClass().removeAll("verified", "flagged");
        provVerification.getStyleClass().add(flagged ? "flagged" : "verified");
    }

    private void updateApply() {
        boolean ready = item != null && detail != null && newState.getValue() != null && !note.getText().isBlank()
                && (newState.getValue() != ReviewState.DUPLICATE || duplicateOf.getValue() != null);
        applyButton.setDisable(!ready);
    }

    @FXML
    private void applyReview() {
        ArchiveItem reviewed = item;
        ReviewState state = newState.getValue();
        String dup = state == ReviewState.DUPLICATE && duplicateOf.getValue() != null ? duplicateOf.getValue().id() : null;
        String why = note.getText().strip();
        applyButton.setDisable(true);
        ctx.executor.run(() -> {
            new ReviewDesk(ctx.stores, ctx.index).change(reviewed.id(), state, dup, why);
            return ctx.stores.reviews().history(reviewed.id());
        }, events -> {
            if (!ctx.active || item == null || !item.id().equals(reviewed.id())) {
                return;
            }
            item = item.withReviewState(state);
            stateChip.setText(ctx.reviewState(state));
            history.getItems().setAll(events);
            note.clear();
            reviewMessage.setText(ctx.text.format("review.saved", ctx.reviewState(state)));
            onReviewed.run();
        }, failure -> {
            updateApply();
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(viewScreen), failure);
            }
        });
    }

    private String titleOf(String id) {
        if (ctx.index == null) {
            return id;
        }
        return ctx.index.all().stream().filter(i -> i.id().equals(id)).findFirst()
                .map(i -> i.title().isEmpty() ? ctx.text.get("list.untitled") : i.title()).orElse(id);
    }

    void clear() {
        item = null;
        detail = null;
        text.clear();
        changes.getItems().clear();
        history.getItems().clear();
        duplicateOf.getItems().clear();
        note.clear();
        showProvenance(null);
        placeholder.setVisible(true);
        content.setVisible(false);
    }
}
