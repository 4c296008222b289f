package org.tanik.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonySummary;
import org.tanik.session.OpenVault;
import org.tanik.session.VaultAccess;
import org.tanik.store.Vaults;

/** The decoy's sample entries: three ordinary drafts, in the volunteer's language, that can be edited. */
class DecoySamplesTest {

    @TempDir
    Path dir;

    private OpenVault vault(String name) {
        return new VaultAccess(new Vaults(Argon2Params.TESTING, Clock.systemUTC()))
                .create(dir.resolve(name), "river lantern copper violet thirteen".toCharArray());
    }

    @Test
    void threeEditableDraftsInTheChosenLanguage() {
        try (OpenVault en = vault("en"); OpenVault tr = vault("tr")) {
            new DecoySamples(Locale.ENGLISH).fill(en);
            new DecoySamples(Locale.forLanguageTag("tr")).fill(tr);
            Drafts drafts = new Drafts(en);
            List<TestimonySummary> english = drafts.list();
            assertThat(english).hasSize(3).extracting(TestimonySummary::title)
                    .contains("Neighbourhood meeting, notes").allMatch(t -> !t.isBlank() && !t.startsWith("sample."));
            assertThat(new Drafts(tr).list()).hasSize(3).extracting(TestimonySummary::title)
                    .contains("Mahalle toplantısı, notlar");
            for (TestimonySummary s : english) {
                Testimony t = drafts.latest(s.id());
                assertThat(t.isSealed()).isFalse();
                assertThat(t.content().narrative()).isNotBlank().doesNotStartWith("sample.");
            }
            Testimony edited = drafts.saveDraft(english.get(0).id(),
                    drafts.latest(english.get(0).id()).content().withTitle("Toplantı"));
            assertThat(edited.content().title()).isEqualTo("Toplantı");
        }
    }
}
