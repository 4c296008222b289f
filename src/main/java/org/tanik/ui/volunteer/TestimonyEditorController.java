package org.tanik.ui.volunteer;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.Incident;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.model.Vocabulary;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;
import org.tanik.ui.common.viewers.Viewers;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;

/**
 * Shows one testimony version: editable with autosave when it is the latest draft, read-only when
 * sealed ("ready to send") or an older version. Seal, amend and history live here.
 */
public final class TestimonyEditorController {

    private final Drafts drafts;
    private final Attachments attachments;
    private final Viewers viewers;
    private final FileChoices files;
    private final OpenDialogs dialogs;
    private final BackgroundExecutor executor;
    private final UiText text;
    private final Alerts alerts;
    private final Views views;
    private final FormContext context;
    private final Autosaver autosaver;
    private final RecorderDialog recorder;
    private Consumer<TestimonySummary> onSaved = s -> { };
    private Runnable onBack = () -> { };
    private Testimony current;
    private boolean latest;
    private EditableList<Incident> incidents;
    private DraftForm form;
    private ConsentEditor consent;
    private AttachmentsEditor attachmentsEditor;
    /** Set on lock: late background results must not refill the form. */
    private boolean closed;

    @FXML private Button backButton;
    @FXML private Label saveState;
    @FXML private Label statusLabel;
    @FXML private Button historyButton;
    @FXML private Button amendButton;
    @FXML private Button sealButton;
    @FXML private Button recordButton;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Label titleLabel;
    @FXML private TextField title;
    @FXML private TabPane tabs;
    @FXML private Tab consentTab;
    @FXML private Tab attachmentsTab;
    @FXML private Label interviewDateLabel;
    @FXML private DatePicker interviewDate;
    @FXML private Label interviewPlaceLabel;
    @FXML private TextField interviewPlace;
    @FXML private Label interviewerLabel;
    @FXML private TextField interviewer;
    @FXML private Label languagesLabel;
    @FXML private TextField languages;
    @FXML private Label presentLabel;
    @FXML private TextField present;
    @FXML private Label intervieweeNameLabel;
    @FXML private TextField intervieweeName;
    @FXML private Label intervieweeContactLabel;
    @FXML private TextField intervieweeContact;
    @FXML private Label relationLabel;
    @FXML private TextField relation;
    @FXML private VBox incidentsBox;
    @FXML private Label noIncidents;
    @FXML private Label narrativeLabel;
    @FXML private TextArea narrative;
    @FXML private javafx.scene.layout.HBox narrativeRow;

    public TestimonyEditorController(Drafts drafts, Attachments attachments, Vocabulary vocabulary,
                                     BackgroundExecutor executor, UiText text, Alerts alerts, Views views,
                                     Viewers viewers, FileChoices files, OpenDialogs dialogs, RecorderDialog recorder) {
        this.recorder = recorder;
        this.drafts = drafts;
        this.attachments = attachments;
        this.viewers = viewers;
        this.files = files;
        this.dialogs = dialogs;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
        this.views = views;
        this.autosaver = new Autosaver(executor);
        this.context = new FormContext(text, vocabulary, autosaver::edited);
    }

    @FXML
    private void initialize() {
        titleLabel.setLabelFor(title);
        interviewDateLabel.setLabelFor(interviewDate);
        interviewPlaceLabel.setLabelFor(interviewPlace);
        interviewerLabel.setLabelFor(interviewer);
        languagesLabel.setLabelFor(languages);
        presentLabel.setLabelFor(present);
        intervieweeNameLabel.setLabelFor(intervieweeName);
        intervieweeContactLabel.setLabelFor(intervieweeContact);
        relationLabel.setLabelFor(relation);
        narrativeLabel.setLabelFor(narrative);
        interviewDate.setConverter(text.dates().converter());
        form = new DraftForm(interviewDate.getConverter());
        title.textProperty().bindBidirectional(form.title);
        interviewDate.valueProperty().bindBidirectional(form.interviewDate);
        interviewDate.getEditor().textProperty().bindBidirectional(form.interviewDateText);
        interviewPlace.textProperty().bindBidirectional(form.interviewPlace);
        interviewer.textProperty().bindBidirectional(form.interviewer);
        languages.textProperty().bindBidirectional(form.languages);
        present.textProperty().bindBidirectional(form.present);
        intervieweeName.textProperty().bindBidirectional(form.intervieweeName);
        intervieweeContact.textProperty().bindBidirectional(form.intervieweeContact);
        relation.textProperty().bindBidirectional(form.relation);
        narrative.textProperty().bindBidirectional(form.narrative);
        for (TextField f : List.of(title, interviewPlace, interviewer, languages, present, intervieweeName,
                intervieweeContact, relation)) {
            context.watch(f);
        }
        context.watch(narrative);
        context.watch(interviewDate, interviewDate.valueProperty());
        // Typing a date without pressing Enter still counts as an edit; read() parses the text.
        interviewDate.getEditor().textProperty().addListener((o, a, b) -> context.edited());

        incidents = new EditableList<>(context, "incident.add", "incident.remove", null, IncidentEditor::blank,
                i -> new IncidentEditor(context, i));
        incidents.getStyleClass().add("incidents");
        incidentsBox.getChildren().add(incidents);

        consent = new ConsentEditor(context, form.consent, form.attachments, interviewDate.getConverter(),
                text.dates().zone());
        consentTab.setContent(consent.node());
        attachmentsEditor = new AttachmentsEditor(context, attachments, executor, alerts, dialogs, files, viewers,
                form.attachments, this::current, this::saved);
        attachmentsTab.setContent(attachmentsEditor.node());
        narrativeRow.getChildren().add(new RecordingMarkers(text, form.attachments, attachmentsEditor::view).node());

        autosaver.stateProperty().addListener((o, a, b) -> showSaveState());
        autosaver.savedAtProperty().addListener((o, a, b) -> showSaveState());
        showSaveState();
    }

    void setOnSaved(Consumer<TestimonySummary> listener) {
        this.onSaved = listener;
    }

    void setOnBack(Runnable listener) {
        this.onBack = listener;
    }

    /** Shows a version; {@code isLatest} false means an older version from the history (read-only). */
    void open(Testimony testimony, boolean isLatest) {
        if (closed) {
            return;
        }
        current = testimony;
        latest = isLatest;
        boolean readOnly = testimony.isSealed() || !isLatest;
        context.readOnlyProperty().set(readOnly);
        context.quietly(() -> fill(testimony.content()));
        if (readOnly) {
            autosaver.untrack();
        } else {
            String id = testimony.id();
            autosaver.track(this::read, content -> saveTyped(id, content), this::saved);
        }
        statusLabel.setText(text.format("editor.status", statusText(testimony.status()), testimony.version()));
        showSent();
        statusLabel.getStyleClass().removeAll("status-draft", "status-sealed");
        statusLabel.getStyleClass().add(testimony.isSealed() ? "status-sealed" : "status-draft");
        Shown.set(sealButton, isLatest && !testimony.isSealed());
        Shown.set(amendButton, isLatest && testimony.isSealed());
        Shown.set(banner, !isLatest);
        Shown.set(recordButton, isLatest);
        bannerText.setText(text.format("editor.oldVersion", testimony.version()));
        showSaveState();
        tabs.getSelectionModel().selectFirst();
        (readOnly ? (isLatest ? amendButton : backButton) : title).requestFocus();
    }

    /**
     * Says in the status whether the latest version went out in a bundle, and was delivered (read in
     * the background; called again after an export or a send). An older version shows its status only.
     */
    void showSent() {
        if (closed || current == null || !latest) {
            return;
        }
        Testimony shown = current;
        executor.run(() -> drafts.sent(shown.id()), sent -> {
            if (closed || current == null || !latest || !current.id().equals(shown.id())) {
                return;
            }
            statusLabel.setText(text.format("editor.status",
                    SentText.of(text, current.status(), current.version(), sent), current.version()));
        }, this::failed);
    }

    /** The testimony version shown, if any. */
    Optional<Testimony> current() {
        return Optional.ofNullable(current);
    }

    void focusTitle() {
        title.requestFocus();
    }

    void saveNow() {
        autosaver.saveNow();
    }

    /** Saves pending edits, then runs {@code then}. */
    void flush(Runnable then) {
        autosaver.flush(then);
    }

    /** Empties the form (on lock), leaving nothing of the testimony on screen or in the controls. */
    void clear() {
        closed = true;
        attachmentsEditor.close();
        autosaver.untrack();
        current = null;
        context.quietly(() -> fill(TestimonyContent.empty()));
        interviewDate.getEditor().clear();
        statusLabel.setText("");
        bannerText.setText("");
    }

    private void fill(TestimonyContent c) {
        form.fill(c);
        incidents.setAll(c.incidents());
        narrative.positionCaret(0);
    }

    /**
     * Saves what was typed, on the worker. The attachments are the stored ones: only the Attachments tab
     * changes them, through the use case, which saves them itself; a save typed before an add finished
     * must not drop the file. A signed form's photo that was removed meanwhile is not named either.
     */
    private Testimony saveTyped(String id, TestimonyContent typed) {
        List<Attachment> stored = attachments.list(id);
        Consent c = typed.consent();
        String formId = c == null ? null : c.formAttachment();
        if (formId != null && stored.stream().noneMatch(a -> a.id().equals(formId))) {
            c = new Consent(c.method(), c.givenAt(), c.takenBy(), c.scopes(), null, c.note());
        }
        return drafts.saveDraft(id, typed.withAttachments(stored).withConsent(c));
    }

    /** The content as currently typed. */
    TestimonyContent read() {
        return form.content(incidents.values());
    }

    private void saved(Testimony t) {
        if (current != null && current.id().equals(t.id())) {
            current = t;
        }
        onSaved.accept(t.summary());
    }

    @FXML
    private void back() {
        autosaver.flush(onBack);
    }

    @FXML
    private void seal() {
        if (current == null || current.isSealed() || !latest) {
            return;
        }
        if (form.consent.get() == null) {
            refuseWithoutConsent();
            return;
        }
        if (!alerts.confirm(window(), text.get("seal.title"), text.get("seal.message"), text.get("seal.confirm"))) {
            return;
        }
        String id = current.id();
        autosaver.flush(() -> executor.run(() -> drafts.seal(id), sealed -> {
            if (closed) {
                return;
            }
            open(sealed, true);
            onSaved.accept(sealed.summary());
        }, failure -> {
            if (failure instanceof TanikException e && e.problem() == Problem.CONSENT_MISSING) {
                refuseWithoutConsent();
            } else {
                failed(failure);
            }
        }));
    }

    /** Sealing needs a consent record: says so, and offers to go where it is recorded. */
    private void refuseWithoutConsent() {
        if (closed) {
            return;
        }
        if (alerts.offer(window(), Alert.AlertType.WARNING, text.get("seal.title"), text.get("consent.refusal.title"),
                text.get("consent.refusal.message"), text.get("consent.refusal.go"))) {
            tabs.getSelectionModel().select(consentTab);
            consent.focus();
        }
    }

    @FXML
    private void amend() {
        if (current == null || !current.isSealed()) {
            return;
        }
        String id = current.id();
        executor.run(() -> drafts.amend(id), draft -> {
            if (closed) {
                return;
            }
            open(draft, true);
            onSaved.accept(draft.summary());
        }, this::failed);
    }

    /**
     * Records the interview into this testimony. Pending edits are saved first; once the recording is
     * saved (as an attachment of the draft, amending a sealed testimony) the editor shows the new draft.
     */
    @FXML
    private void recordInterview() {
        if (current == null || !latest) {
            return;
        }
        Testimony shown = current;
        autosaver.flush(() -> recorder.show(window(), shown, attachment -> {
            if (!closed && current != null && current.id().equals(shown.id())) {
                openLatest();
            }
        }));
    }

    @FXML
    private void history() {
        if (current == null) {
            return;
        }
        String id = current.id();
        autosaver.flush(() -> executor.run(() -> drafts.history(id), versions -> {
            if (closed) {
                return;
            }
            Views.View<HistoryController> dialog = views.load("volunteer/history.fxml");
            dialog.controller().choose(window(), versions, current == null ? 0 : current.version())
                    .ifPresent(version -> openVersion(id, version, versions));
        }, this::failed));
    }

    @FXML
    private void openLatest() {
        if (current == null) {
            return;
        }
        String id = current.id();
        executor.run(() -> drafts.latest(id), t -> open(t, true), this::failed);
    }

    private void openVersion(String id, int version, List<TestimonySummary> versions) {
        int newest = versions.stream().mapToInt(TestimonySummary::version).max().orElse(version);
        executor.run(() -> drafts.version(id, version), t -> open(t, version == newest), this::failed);
    }

    private void failed(Throwable failure) {
        if (!closed) {
            alerts.error(window(), failure);
        }
    }

    private Window window() {
        return title.getScene() == null ? null : title.getScene().getWindow();
    }

    private String statusText(Status status) {
        return text.get("status." + status.name());
    }

    private void showSaveState() {
        if (current == null || context.readOnlyProperty().get()) {
            saveState.setText(current == null ? "" : text.get("save.readOnly"));
            return;
        }
        Autosaver.State s = autosaver.stateProperty().get();
        saveState.setText(switch (s) {
            case SAVED -> autosaver.savedAtProperty().get() == null ? text.get("save.saved")
                    : text.format("save.savedAt", text.dates().clock(autosaver.savedAtProperty().get()));
            case PENDING -> text.get("save.unsaved");
            case SAVING -> text.get("save.saving");
            case FAILED -> text.format("save.failed", text.error(autosaver.failureProperty().get()));
        });
        saveState.getStyleClass().remove("save-failed");
        if (s == Autosaver.State.FAILED) {
            saveState.getStyleClass().add("save-failed");
        }
    }
}
