package org.tanik.ui.coordinator;

import java.util.List;
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
import org.tanik.coordinator.VersionDiff;
import org.tanik.model.Attachment;
import org.tanik.model.DisplayText;
import org.tanik.model.ReviewState;
import org.tanik.ui.common.viewers.Viewers;

/**
 * One archived testimony, read-only: any of its versions, what changed between two versions, where
 * each version came from (provenance), its review history, and the control to change its review
 * state (a note is required; "duplicate" names the other testimony).
 */
public final class ArchiveViewController {

    private final CoordinatorContext ctx;
    /** Shows an archived attachment inside the app, as the volunteer's editor does. */
    private final Viewers viewers;
    private ArchiveItem item;
    /** The testimony shown, once read in the background; null meanwhile. */
    private ArchiveViewModel detail;
    private Runnable onReviewed = () -> { };

    @FXML private VBox viewScreen;
    @FXML private Label placeholder;
    @FXML private VBox content;
    @FXML private Label title;
    @FXML private Label stateChip;
    @FXML private TabPane tabs;
    @FXML private VBox consentBanner;
    @FXML private Label consentHeadline;
    @FXML private Label consentCovered;
    @FXML private Label consentNotCovered;
    @FXML private TableView<Attachment> attachmentTable;
    @FXML private TableColumn<Attachment, String> attachmentName;
    @FXML private TableColumn<Attachment, String> attachmentType;
    @FXML private TableColumn<Attachment, String> attachmentSize;
    @FXML private TableColumn<Attachment, String> attachmentCaption;
    @FXML private TableColumn<Attachment, String> attachmentAdded;
    @FXML private Button viewAttachment;
    @FXML private Button openAttachmentElsewhere;
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
    @FXML private TableView<ArchiveViewModel.HistoryRow> history;
    @FXML private TableColumn<ArchiveViewModel.HistoryRow, String> historyWhen;
    @FXML private TableColumn<ArchiveViewModel.HistoryRow, String> historyState;
    @FXML private TableColumn<ArchiveViewModel.HistoryRow, String> historyNote;
    @FXML private Label stateLabel;
    @FXML private ComboBox<ReviewState> newState;
    @FXML private Label duplicateLabel;
    @FXML private ComboBox<ArchiveItem> duplicateOf;
    @FXML private Label noteLabel;
    @FXML private TextArea note;
    @FXML private Button applyButton;
    @FXML private Label reviewMessage;

    public ArchiveViewController(CoordinatorContext ctx, Viewers viewers) {
        this.ctx = ctx;
        this.viewers = viewers;
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
        attachmentName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fileName()));
        attachmentType.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                org.tanik.ui.common.viewers.MediaKind.typeName(c.getValue().mediaType())));
        attachmentSize.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                org.tanik.ui.common.files.Sizes.format(c.getValue().size(), ctx.text.locale())));
        attachmentCaption.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(c.getValue().caption())));
        attachmentAdded.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().addedAt() == null ? "" : ctx.dates.time(c.getValue().addedAt())));
        WrappingCell.install(attachmentName);
        WrappingCell.install(attachmentCaption);
        // The date wraps like the name and caption: in this narrow tab a column widened to the whole date
        // was still measured before its style applied, and cut "5 Ara 2026 10:46" (CoordinatorFitTest).
        WrappingCell.install(attachmentAdded);
        org.tanik.ui.common.Fit.wholeCells(attachmentSize);
        viewAttachment.disableProperty().bind(attachmentTable.getSelectionModel().selectedItemProperty().isNull());
        openAttachmentElsewhere.disableProperty().bind(viewAttachment.disableProperty());
        attachmentTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && attachmentTable.getSelectionModel().getSelectedItem() != null) {
                viewAttachment();
            }
        });
        diffFrom.valueProperty().addListener((o, a, v) -> showDiff());
        diffTo.valueProperty().addListener((o, a, v) -> showDiff());
        provenanceVersion.valueProperty().addListener((o, a, v) -> showProvenance(v));
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(fieldLabel(c.getValue().field())));
        beforeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                ctx.fieldLabels.value(c.getValue().field(), c.getValue().before())));
        afterColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                ctx.fieldLabels.value(c.getValue().field(), c.getValue().after())));
        historyWhen.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().when()));
        historyState.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
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
                        + (i.interviewDate() == null ? "" : " · " + ctx.dates.date(i.interviewDate()));
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
        attachmentTable.getItems().clear();
        consentHeadline.setText(ctx.text.get("viewer.loading"));
        consentCovered.setText("");
        consentNotCovered.setText("");
        reviewMessage.setText("");
        String id = selected.id();
        ctx.executor.run(() -> ctx.desk.testimony(id), loaded -> {
            if (!ctx.active || item == null || !item.id().equals(id)) {
                return;
            }
            fill(new ArchiveViewModel(ctx, loaded));
        }, failure -> {
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(viewScreen), failure);
            }
        });
    }

    private void fill(ArchiveViewModel loaded) {
        detail = loaded;
        showConsent(loaded.consent());
        List<Integer> numbers = loaded.versions();
        Integer latest = loaded.latest();
        version.setItems(FXCollections.observableArrayList(numbers));
        diffFrom.setItems(FXCollections.observableArrayList(numbers));
        diffTo.setItems(FXCollections.observableArrayList(numbers));
        provenanceVersion.setItems(FXCollections.observableArrayList(numbers));
        version.setValue(null);
        version.setValue(latest);
        diffFrom.setValue(loaded.previous());
        diffTo.setValue(latest);
        showDiff();
        provenanceVersion.setValue(null);
        provenanceVersion.setValue(latest);
        history.getItems().setAll(loaded.history());
        newState.setValue(item.reviewState());
        List<ArchiveItem> others = ctx.index() == null ? List.of()
                : ctx.index().all().stream().filter(i -> !i.id().equals(item.id())).toList();
        duplicateOf.setItems(FXCollections.observableArrayList(others));
        duplicateOf.setValue(null);
        note.clear();
        updateApply();
    }

    private void showVersion(Integer v) {
        if (detail == null) {
            return;
        }
        attachmentTable.getItems().setAll(detail.attachments(v));
        detail.text(v).ifPresent(t -> {
            text.setText(t);
            text.positionCaret(0);
        });
    }

    private void showConsent(ArchiveViewModel.ConsentText c) {
        consentHeadline.setText(c.headline());
        consentCovered.setText(c.covered());
        consentNotCovered.setText(c.notCovered());
        org.tanik.ui.common.Shown.set(consentNotCovered, !c.notCovered().isEmpty());
        consentBanner.getStyleClass().removeAll("consent-missing", "consent-recorded");
        consentBanner.getStyleClass().add(c.recorded() ? "consent-recorded" : "consent-missing");
    }

    /** The selected file, read from its bundle's sealed payload as it is shown. */
    @FXML
    private void viewAttachment() {
        withContent((a, content) -> viewers.show(CoordinatorContext.window(viewScreen), a, content));
    }

    @FXML
    private void openAttachmentElsewhere() {
        withContent((a, content) -> viewers.openElsewhere(CoordinatorContext.window(viewScreen), a, content));
    }

    private void withContent(java.util.function.BiConsumer<Attachment, org.tanik.files.Content> then) {
        Attachment a = attachmentTable.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        ctx.executor.run(() -> ctx.desk.attachment(a.sha256()), content -> {
            if (ctx.active && item != null) {
                then.accept(a, content);
            }
        }, failure -> {
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(viewScreen), failure);
            }
        });
    }

    private void showDiff() {
        if (detail == null) {
            changes.getItems().clear();
            return;
        }
        changes.getItems().setAll(detail.changes(diffFrom.getValue(), diffTo.getValue()));
    }

    /** "Incident 1 › Act 2 › Place › Province", marked when the field identifies a person. */
    private String fieldLabel(String path) {
        String label = ctx.fieldLabels.label(path);
        return FieldLabels.confidential(path) ? label + " [" + ctx.text.get("confidential") + "]" : label;
    }

    private void showProvenance(Integer v) {
        Optional<ArchiveViewModel.ProvenanceText> shown = detail == null ? Optional.empty() : detail.provenance(v);
        if (shown.isEmpty()) {
            for (TextField f : List.of(provDevice, provLabel, provBundle, provSequence, provSha, provCreated,
                    provReceived, provImported)) {
                f.clear();
            }
            provVerification.setText("");
            return;
        }
        ArchiveViewModel.ProvenanceText p = shown.get();
        provDevice.setText(p.device());
        provLabel.setText(p.label());
        provBundle.setText(p.bundle());
        provSequence.setText(p.sequence());
        provSha.setText(p.sha256());
        provCreated.setText(p.created());
        provReceived.setText(p.received());
        provImported.setText(p.imported());
        provVerification.setText(p.verification());
        provVerification.getStyleClass().removeAll("verified", "flagged");
        provVerification.getStyleClass().add(p.flagged() ? "flagged" : "verified");
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
        ctx.executor.run(() -> ctx.desk.review(reviewed.id(), state, dup, why), events -> {
            if (!ctx.active || item == null || !item.id().equals(reviewed.id())) {
                return;
            }
            item = item.withReviewState(state);
            stateChip.setText(ctx.reviewState(state));
            history.getItems().setAll(ArchiveViewModel.history(ctx, events));
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

    void clear() {
        item = null;
        detail = null;
        text.clear();
        attachmentTable.getItems().clear();
        consentHeadline.setText("");
        consentCovered.setText("");
        consentNotCovered.setText("");
        changes.getItems().clear();
        history.getItems().clear();
        duplicateOf.getItems().clear();
        note.clear();
        showProvenance(null);
        placeholder.setVisible(true);
        content.setVisible(false);
    }
}
