package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanik.volunteer.OutboxTest.assertProblem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.FieldLimits;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.testing.Consents;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;

/** The volunteer's drafts, without a screen: what is refused, and the draft → sealed → amended cycle. */
class DraftsTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    @Test
    void refusesAnOverLongFieldAndStoresNothing() {
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            TestimonyContent tooLong = TestimonyContent.empty().withTitle("x".repeat(FieldLimits.SHORT + 1));
            // The same problem as before the use case held the rule: the field and its limit, as the message names them.
            assertThatThrownBy(() -> drafts.create(tooLong)).isInstanceOfSatisfying(TanikException.class, e -> {
                assertThat(e.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
                assertThat(e.args()).containsExactly("title", String.valueOf(FieldLimits.SHORT));
            });
            assertThat(drafts.list()).isEmpty();

            Testimony t = drafts.create(TestimonyContent.empty().withTitle("kısa"));
            assertProblem(() -> drafts.saveDraft(t.id(),
                    t.content().withNarrative("n".repeat(FieldLimits.NARRATIVE + 1))), Problem.FIELD_TOO_LONG);
            assertThat(drafts.latest(t.id()).content()).isEqualTo(t.content());
        }
    }

    @Test
    void draftSealAmendKeepsEveryVersion() {
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            Testimony t = drafts.create(TestimonyContent.empty().withTitle("bir"));
            drafts.saveDraft(t.id().substring(0, 8), t.content().withNarrative("anlatı"));
            drafts.consent(t.id(), ORAL);
            Testimony sealed = drafts.seal(t.id());
            assertThat(sealed.status()).isEqualTo(Status.SEALED);
            assertProblem(() -> drafts.saveDraft(t.id(), t.content()), Problem.TESTIMONY_SEALED);
            Testimony amended = drafts.amend(t.id());
            assertThat(amended.version()).isEqualTo(2);
            assertThat(drafts.history(t.id())).extracting(s -> s.status()).containsExactly(Status.SEALED, Status.DRAFT);
            assertThat(drafts.version(t.id(), 1).content().narrative()).isEqualTo("anlatı");
            assertThat(drafts.resolve(t.id().substring(0, 6))).isEqualTo(t.id());
        }
    }

    @Test
    void aTestimonyWithoutConsentIsNotSealedAndConsentIsSavedIntoTheDraft() {
        try (OpenVault vault = vault()) {
            Drafts drafts = new Drafts(vault);
            Testimony t = drafts.create(TestimonyContent.empty().withTitle("rıza"));
            assertProblem(() -> drafts.seal(t.id()), Problem.CONSENT_MISSING);
            assertThat(drafts.latest(t.id()).status()).isEqualTo(Status.DRAFT);

            Testimony withConsent = drafts.consent(t.id().substring(0, 8), ORAL);
            assertThat(withConsent.content().consent()).isEqualTo(ORAL);
            assertThat(drafts.seal(t.id()).status()).isEqualTo(Status.SEALED);
            // Consent changes only in a draft: a withdrawal is a new version.
            assertProblem(() -> drafts.consent(t.id(), ORAL), Problem.TESTIMONY_SEALED);
            drafts.amend(t.id());
            Consent narrower = new Consent(ConsentMethod.ORAL, ORAL.givenAt(), "", List.of(), null, "withdrawn");
            assertThat(drafts.consent(t.id(), narrower).version()).isEqualTo(2);
            assertThat(drafts.version(t.id(), 1).content().consent()).isEqualTo(ORAL);
        }
    }

    static final Consent ORAL = Consents.ORAL;

    private OpenVault vault() {
        return new OpenVault(new Organisations(dir, clock).vaults().create(dir.resolve("v"), Organisations.PASS));
    }
}
