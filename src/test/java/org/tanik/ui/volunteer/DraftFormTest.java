package org.tanik.ui.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.util.converter.LocalDateStringConverter;
import org.junit.jupiter.api.Test;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Interview;
import org.tanik.model.TestimonyContent;

/** What the editor's form makes of typed text, without a screen. */
class DraftFormTest {

    final DraftForm form = new DraftForm(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, null));

    @Test
    void languagesAreOneLineOfCommasAndEmptyPartsAreDropped() {
        TestimonyContent c = TestimonyContent.empty().withTitle("bir");
        c = new TestimonyContent(c.title(), new Interview(LocalDate.of(2017, 3, 14), "Ankara", "A.", List.of("Türkçe", "Kurdî"), ""),
                c.interviewee(), List.of(), "anlatı");
        form.fill(c);
        assertThat(form.languages.get()).isEqualTo("Türkçe, Kurdî");
        assertThat(form.content(List.of())).isEqualTo(c);

        form.languages.set(" Türkçe ,, Zazaki ,");
        assertThat(form.content(List.of()).interview().languages()).containsExactly("Türkçe", "Zazaki");
    }

    @Test
    void aDateTypedHalfWayKeepsTheLastCompleteOneAndAnEmptyFieldHasNone() {
        form.interviewDate.set(LocalDate.of(2017, 3, 14));
        form.interviewDateText.set("2017-03-15");
        assertThat(form.content(List.of()).interview().date()).isEqualTo(LocalDate.of(2017, 3, 15));
        form.interviewDateText.set("2017-03-1");
        assertThat(form.content(List.of()).interview().date()).isEqualTo(LocalDate.of(2017, 3, 14));
        form.interviewDateText.set("  ");
        assertThat(form.content(List.of()).interview().date()).isNull();
    }

    @Test
    void consentAndAttachmentsOfTheLoadedContentSurviveTheForm() {
        Consent consent = new Consent(ConsentMethod.ORAL, Instant.parse("2026-12-01T10:00:00Z"), "A.",
                List.of(ConsentScope.DOCUMENTATION), null, "");
        Attachment a = new Attachment("a1", "0".repeat(64), 3, "karar.pdf", "application/pdf", "karar",
                Instant.parse("2026-12-01T10:05:00Z"), List.of());
        TestimonyContent c = TestimonyContent.empty().withTitle("bir").withConsent(consent).withAttachments(List.of(a));
        form.fill(c);
        form.title.set("iki");

        TestimonyContent typed = form.content(List.of());
        assertThat(typed.consent()).isEqualTo(consent);
        assertThat(typed.attachments()).containsExactly(a);
        assertThat(typed.title()).isEqualTo("iki");
    }
}
