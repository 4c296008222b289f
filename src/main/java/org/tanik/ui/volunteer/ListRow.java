package org.tanik.ui.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tanik.model.SentStatus;
import org.tanik.model.Status;
import org.tanik.model.TestimonySummary;
import org.tanik.model.Vocabulary;
import org.tanik.ui.common.TypeAhead;

/**
 * One line of the testimony list, with its translated labels worked out once (in the background)
 * so that sorting and filtering 10,000 rows never touches the vocabulary or the vault.
 */
record ListRow(String id, int version, Status status, String title, LocalDate interviewDate,
               List<String> violationTypes, String violationLabels, Instant updatedAt, String searchTitle,
               Optional<SentStatus> sentStatus) {

    /** A row for a testimony with nothing sent, or whose sent state {@link TestimonyListModel#upsert} keeps. */
    static ListRow of(TestimonySummary s, Vocabulary vocabulary, Locale locale) {
        return of(s, vocabulary, locale, Optional.empty());
    }

    static ListRow of(TestimonySummary s, Vocabulary vocabulary, Locale locale, Optional<SentStatus> sent) {
        String labels = s.violationTypes().stream().map(code -> vocabulary.violationLabel(code, locale))
                .collect(Collectors.joining(", "));
        return new ListRow(s.id(), s.version(), s.status(), s.title(), s.interviewDate(), s.violationTypes(), labels,
                s.updatedAt(), fold(s.title()), sent);
    }

    ListRow withSent(Optional<SentStatus> sent) {
        return new ListRow(id, version, status, title, interviewDate, violationTypes, violationLabels, updatedAt,
                searchTitle, sent);
    }

    /** Whether everything of this testimony is in a bundle (its latest version is). */
    boolean sent() {
        return sentStatus.isPresent() && sentStatus.get().covers(version);
    }

    /** Case- and dotted-i-insensitive form for the quick filter ("istanbul" finds "İstanbul"). */
    static String fold(String s) {
        return TypeAhead.fold(s == null ? "" : s);
    }
}
