package org.tanik.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tanik.i18n.Messages;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * A problem's sentence is translated; a detail passed into it is not. So no code may hand a problem
 * a sentence of its own in English (it would appear inside a Turkish sentence): details are names,
 * numbers or text already translated, and a case that needs words gets a problem of its own.
 */
class ProblemDetailsTest {

    /** {@code new TanikException(Problem.X, "literal...} with a literal that holds a space: words, not a name. */
    static final Pattern ENGLISH_DETAIL = Pattern.compile("new TanikException\\(Problem\\.\\w+,\\s*\"[^\"]*\\s[^\"]*\"");

    @Test
    void noProblemIsGivenAnEnglishSentenceAsItsDetail() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher m = ENGLISH_DETAIL.matcher(Files.readString(p));
                    return m.results().map(r -> p.getFileName() + ": " + r.group());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theNewProblemsReadWellInBothLanguages() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages tr = new Messages(Locale.forLanguageTag("tr"));
        assertThat(en.describe(new TanikException(Problem.FILE_EXISTS, "b1.tanik")))
                .isEqualTo("The file b1.tanik already exists. Choose another name, so that nothing is overwritten.");
        assertThat(tr.describe(new TanikException(Problem.FILE_EXISTS, "b1.tanik")))
                .isEqualTo("b1.tanik dosyası zaten var. Hiçbir şeyin üzerine yazılmaması için başka bir ad seçin.");
        assertThat(en.describe(new TanikException(Problem.INTAKE_URL_NOT_HTTPS)))
                .isEqualTo("The intake server's address must start with https://.");
        assertThat(tr.describe(new TanikException(Problem.AMBIGUOUS_ID, "0f8e")))
                .isEqualTo("Kimliği 0f8e ile başlayan birden çok tanıklık var. Kimliğin daha fazlasını yazın.");
    }
}
