package org.tanik.volunteer;

import java.util.List;
import java.util.Locale;
import org.tanik.i18n.Texts;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;

/**
 * A few harmless, plausible drafts for a decoy vault (the one a duress passphrase opens), so that it does
 * not look unused: notes from a neighbourhood meeting, a list for a community event, a reminder about a
 * visit. They are ordinary drafts the volunteer can edit or delete; the texts are in the volunteer's
 * language ({@code org.tanik.i18n.samples}).
 */
public final class DecoySamples {

    static final String FAMILY = "org.tanik.i18n.samples";
    static final List<String> SAMPLES = List.of("meeting", "event", "visit");

    private final Texts texts;

    public DecoySamples(Locale locale) {
        this.texts = Texts.of(FAMILY, locale);
    }

    /** Writes the samples into {@code decoy} through the same use case as typing them would. */
    public void fill(OpenVault decoy) {
        Drafts drafts = new Drafts(decoy);
        for (String sample : SAMPLES) {
            drafts.create(TestimonyContent.empty()
                    .withTitle(texts.get("sample." + sample + ".title"))
                    .withNarrative(texts.get("sample." + sample + ".text")));
        }
    }
}
