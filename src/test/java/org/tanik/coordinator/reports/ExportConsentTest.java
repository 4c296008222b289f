package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.ReviewState;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.Archive;

class ExportConsentTest {

    /** scopes (null: no record), then FULL, CONFIDENTIAL, ANONYMISED, statistics. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(null, true, false, false, true),
                Arguments.of(EnumSet.noneOf(ConsentScope.class), false, false, false, false),
                Arguments.of(EnumSet.of(ConsentScope.DOCUMENTATION), true, false, false, true),
                Arguments.of(EnumSet.of(ConsentScope.REPORTS_ANONYMOUS), false, true, true, false),
                Arguments.of(EnumSet.of(ConsentScope.REPORTS_NAMED), false, true, true, false),
                Arguments.of(EnumSet.of(ConsentScope.DOCUMENTATION, ConsentScope.REPORTS_ANONYMOUS), true, true, true, true),
                Arguments.of(EnumSet.of(ConsentScope.PARTNERS, ConsentScope.UN_COURTS, ConsentScope.RECONTACT),
                        false, false, false, false));
    }

    @ParameterizedTest
    @MethodSource("table")
    void theRuleAtEveryLevel(Set<ConsentScope> scopes, boolean full, boolean confidential, boolean anonymised,
                             boolean statistics) {
        assertThat(ExportConsent.allows(scopes, RedactionLevel.FULL)).as("full").isEqualTo(full);
        assertThat(ExportConsent.allows(scopes, RedactionLevel.CONFIDENTIAL)).as("confidential").isEqualTo(confidential);
        assertThat(ExportConsent.allows(scopes, RedactionLevel.ANONYMISED)).as("anonymised").isEqualTo(anonymised);
        assertThat(ExportConsent.allowsStatistics(scopes)).as("statistics").isEqualTo(statistics);
    }

    @Test
    void theIndexKnowsTheLatestConsentWithoutLoadingTheTestimony() {
        Testimony marked = ReportFixtures.marked("a", "T", "Qxvictimone Şahin").versions().get(0).testimony();
        assertThat(item(marked).consent()).containsExactlyInAnyOrder(ConsentScope.DOCUMENTATION,
                ConsentScope.REPORTS_ANONYMOUS);
        assertThat(ExportConsent.allows(item(marked), RedactionLevel.ANONYMISED)).isTrue();
        Testimony none = withContent(marked, marked.content().withConsent(null));
        assertThat(item(none).consent()).as("no record").isNull();
        assertThat(ExportConsent.allows(item(none), RedactionLevel.CONFIDENTIAL)).isFalse();
        assertThat(ExportConsent.allows(item(none), RedactionLevel.FULL)).isTrue();
        Testimony nothing = withContent(marked, marked.content()
                .withConsent(new Consent(ConsentMethod.ORAL, null, "", List.of(), null, "")));
        assertThat(item(nothing).consent()).as("a record that agrees to nothing").isEmpty();
        assertThat(ExportConsent.allowsStatistics(item(nothing))).isFalse();
    }

    private static ArchiveItem item(Testimony t) {
        SearchIndex index = new SearchIndex();
        index.put(new Archive.Entry(t, "dev", "bundle"), ReviewState.NEW);
        return index.all().get(0);
    }

    private static Testimony withContent(Testimony t, org.tanik.model.TestimonyContent c) {
        return new Testimony(t.id(), t.version(), t.status(), t.createdAt(), t.updatedAt(), t.sealedAt(), c);
    }
}
