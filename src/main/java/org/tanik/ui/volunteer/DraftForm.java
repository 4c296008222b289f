package org.tanik.ui.volunteer;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.StringConverter;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.TestimonyContent;

/**
 * The testimony form's own fields as the editor shows them, and the one place that turns what was
 * typed into a {@link TestimonyContent} and back: the languages as "Türkçe, Kurdî", a date typed but
 * not yet confirmed. The editor's controls bind to these properties; no control is needed to test it.
 * (Incidents have their own editors and are passed in.)
 */
final class DraftForm {

    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> interviewDate = new SimpleObjectProperty<>();
    /** The date field's text, which may hold a date typed without pressing Enter. */
    final StringProperty interviewDateText = new SimpleStringProperty("");
    final StringProperty interviewPlace = new SimpleStringProperty("");
    final StringProperty interviewer = new SimpleStringProperty("");
    final StringProperty languages = new SimpleStringProperty("");
    final StringProperty present = new SimpleStringProperty("");
    final StringProperty intervieweeName = new SimpleStringProperty("");
    final StringProperty intervieweeContact = new SimpleStringProperty("");
    final StringProperty relation = new SimpleStringProperty("");
    final StringProperty narrative = new SimpleStringProperty("");
    /**
     * The consent record and the attachments: edited in their own tabs, never typed here, but part
     * of the content all the same, so that saving the other fields never drops them.
     */
    final ObjectProperty<Consent> consent = new SimpleObjectProperty<>();
    final ObjectProperty<List<Attachment>> attachments = new SimpleObjectProperty<>(List.of());
    private final StringConverter<LocalDate> dates;

    /** @param dates how the date field reads and writes dates in the user's language */
    DraftForm(StringConverter<LocalDate> dates) {
        this.dates = dates;
    }

    void fill(TestimonyContent c) {
        title.set(c.title());
        Interview i = c.interview();
        interviewDate.set(i.date());
        // As the date field shows it (the field does the same, with the same converter).
        interviewDateText.set(i.date() == null ? "" : dates.toString(i.date()));
        interviewPlace.set(i.place());
        interviewer.set(i.interviewer());
        languages.set(String.join(", ", i.languages()));
        present.set(i.present());
        intervieweeName.set(c.interviewee().name());
        intervieweeContact.set(c.interviewee().contact());
        relation.set(c.interviewee().relation());
        narrative.set(c.narrative());
        consent.set(c.consent());
        attachments.set(c.attachments());
    }

    /** The content as currently typed, with the incidents their editors hold. */
    TestimonyContent content(List<Incident> incidents) {
        List<String> langs = Arrays.stream(languages.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new TestimonyContent(title.get(),
                new Interview(typedDate(), interviewPlace.get(), interviewer.get(), langs, present.get()),
                new Interviewee(intervieweeName.get(), intervieweeContact.get(), relation.get()),
                List.copyOf(incidents), narrative.get(), consent.get(), attachments.get());
    }

    private LocalDate typedDate() {
        String typed = interviewDateText.get();
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return dates.fromString(typed);
        } catch (RuntimeException e) {
            // Half-typed date: keep the last complete one.
            return interviewDate.get();
        }
    }
}
