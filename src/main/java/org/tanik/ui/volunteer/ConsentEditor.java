package org.tanik.ui.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.viewers.MediaKind;

/**
 * The Consent tab: how the witness gave consent, when, to whom, and each thing they agreed to as a
 * plain sentence with a tick box. Every change goes into the form's consent and is saved with the
 * draft; nothing is recorded until a method is chosen ("No consent recorded").
 */
final class ConsentEditor {

    private final FormContext context;
    private final ObjectProperty<Consent> consent;
    private final ZoneId zone;
    private final ToggleGroup method = new ToggleGroup();
    final RadioButton oral;
    final RadioButton written;
    final DatePicker givenAt = new DatePicker();
    final TextField takenBy = new TextField();
    final Map<ConsentScope, CheckBox> scopes = new EnumMap<>(ConsentScope.class);
    final ComboBox<Attachment> form = new ComboBox<>();
    final TextArea note = new TextArea();
    private final Label state = new Label();
    private final Label formLabel;
    private final Label formHint;
    private final ScrollPane root;
    /** True while the controls are filled from the form: that is not an edit. */
    private boolean filling;

    ConsentEditor(FormContext context, ObjectProperty<Consent> consent, ObjectProperty<List<Attachment>> attachments,
                  StringConverter<LocalDate> dates, ZoneId zone) {
        this.context = context;
        this.consent = consent;
        this.zone = zone;
        UiText text = context.text;
        Label intro = new Label(text.get("consent.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        state.setWrapText(true);
        state.getStyleClass().add("consent-state");
        state.setId("consentState");

        oral = radio(text.get("consent.method.oral"), "consentOral");
        written = radio(text.get("consent.method.written"), "consentWritten");
        Label methodLabel = new Label(text.get("consent.method"));
        methodLabel.getStyleClass().add("field-label");

        givenAt.setConverter(dates);
        givenAt.setId("consentGivenAt");
        context.watch(givenAt, givenAt.valueProperty());
        givenAt.valueProperty().addListener((o, a, b) -> changed());
        takenBy.setId("consentTakenBy");
        context.watch(takenBy);
        takenBy.textProperty().addListener((o, a, b) -> changed());

        Label scopesLabel = new Label(text.get("consent.scopes"));
        scopesLabel.getStyleClass().add("field-label");
        Label scopesHint = new Label(text.get("consent.scopesHint"));
        scopesHint.setWrapText(true);
        scopesHint.getStyleClass().add("text-muted");
        VBox scopeBoxes = new VBox(8);
        for (ConsentScope s : ConsentScope.values()) {
            CheckBox box = new CheckBox(text.get("consent.scope." + s.code()));
            box.setWrapText(true);
            box.setId("scope-" + s.code());
            context.watch(box, box.selectedProperty());
            box.selectedProperty().addListener((o, a, b) -> changed());
            scopes.put(s, box);
            scopeBoxes.getChildren().add(box);
        }

        form.setId("consentForm");
        form.setConverter(new StringConverter<>() {
            @Override
            public String toString(Attachment a) {
                return a == null ? text.get("consent.formNone") : a.caption().isBlank() ? a.fileName()
                        : a.caption() + " (" + a.fileName() + ")";
            }

            @Override
            public Attachment fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        context.watch(form, form.valueProperty());
        form.valueProperty().addListener((o, a, b) -> changed());
        formLabel = context.label("consent.form", form);
        formHint = new Label(text.get("consent.formHint"));
        formHint.setWrapText(true);
        formHint.getStyleClass().add("text-muted");
        attachments.addListener((o, a, list) -> offerForms(list));

        note.setId("consentNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.setPromptText(text.get("consent.notePrompt"));
        context.watch(note);
        note.textProperty().addListener((o, a, b) -> changed());

        VBox box = new VBox(10, intro, state, methodLabel, oral, written,
                context.label("consent.givenAt", givenAt), givenAt,
                context.label("consent.takenBy", takenBy), takenBy,
                scopesLabel, scopesHint, scopeBoxes,
                formLabel, form, formHint,
                context.label("consent.note", note), note);
        box.getStyleClass().addAll("section", "consent-section");
        box.setMaxWidth(760);
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add("section-scroll");
        consent.addListener((o, a, c) -> {
            if (!filling) {
                show(c);
            }
        });
        offerForms(attachments.get());
        show(consent.get());
    }

    private RadioButton radio(String label, String id) {
        RadioButton r = new RadioButton(label);
        r.setWrapText(true);
        r.setId(id);
        r.setToggleGroup(method);
        context.watch(r, r.selectedProperty());
        r.selectedProperty().addListener((o, a, b) -> changed());
        return r;
    }

    Node node() {
        return root;
    }

    /** Where to start recording consent: the method, or the first thing not yet filled in. */
    void focus() {
        (method.getSelectedToggle() == null ? oral : givenAt).requestFocus();
    }

    /** The photos among the attachments can be the signed form. */
    private void offerForms(List<Attachment> list) {
        Attachment chosen = form.getValue();
        List<Attachment> photos = new ArrayList<>();
        photos.add(null);
        if (list != null) {
            list.stream().filter(a -> MediaKind.of(a.mediaType(), a.fileName()) == MediaKind.IMAGE
                    || MediaKind.of(a.mediaType(), a.fileName()) == MediaKind.PDF).forEach(photos::add);
        }
        boolean was = filling;
        filling = true;
        try {
            form.setItems(FXCollections.observableArrayList(photos));
            form.setValue(chosen == null ? null : photos.stream()
                    .filter(a -> a != null && a.id().equals(chosen.id())).findFirst().orElse(null));
        } finally {
            filling = was;
        }
        if (chosen != null && form.getValue() == null && !filling) {
            // The signed form's photo was removed: the record no longer names it.
            changed();
        }
        updateState();
    }

    /** Fills the controls from a consent record (null: none recorded). */
    private void show(Consent c) {
        filling = true;
        try {
            method.selectToggle(c == null ? null : c.method() == ConsentMethod.ORAL ? oral : written);
            givenAt.setValue(c == null || c.givenAt() == null ? null : LocalDate.ofInstant(c.givenAt(), zone));
            takenBy.setText(c == null ? "" : c.takenBy());
            scopes.forEach((s, box) -> box.setSelected(c != null && c.covers(s)));
            form.setValue(c == null || c.formAttachment() == null ? null : form.getItems().stream()
                    .filter(a -> a != null && a.id().equals(c.formAttachment())).findFirst().orElse(null));
            note.setText(c == null ? "" : c.note());
        } finally {
            filling = false;
        }
        updateState();
    }

    /** What the controls say, as a consent record; null until a method is chosen. */
    Consent read() {
        if (method.getSelectedToggle() == null) {
            return null;
        }
        ConsentMethod m = method.getSelectedToggle() == oral ? ConsentMethod.ORAL : ConsentMethod.WRITTEN;
        Instant when = givenAt.getValue() == null ? null : givenAt.getValue().atStartOfDay(zone).toInstant();
        List<ConsentScope> agreed = scopes.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey).toList();
        String formId = m == ConsentMethod.WRITTEN && form.getValue() != null ? form.getValue().id() : null;
        return new Consent(m, when, takenBy.getText().strip(), agreed, formId, note.getText());
    }

    private void changed() {
        if (filling) {
            return;
        }
        filling = true;
        try {
            consent.set(read());
        } finally {
            filling = false;
        }
        updateState();
        context.edited();
    }

    private void updateState() {
        UiText text = context.text;
        Consent c = consent.get();
        boolean isWritten = written.isSelected();
        Shown.set(formLabel, isWritten);
        Shown.set(form, isWritten);
        Shown.set(formHint, isWritten && form.getItems().size() <= 1);
        state.getStyleClass().removeAll("consent-missing", "consent-recorded");
        if (c == null) {
            state.setText(text.get("consent.none"));
            state.getStyleClass().add("consent-missing");
        } else {
            state.setText(text.format("consent.recorded", c.scopes().size(), ConsentScope.values().length));
            state.getStyleClass().add("consent-recorded");
        }
    }
}
