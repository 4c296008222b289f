package org.tanik.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.PartialDate;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/** An act's "the exact dates could identify someone" flag: how records carry it, and what import refuses. */
class SensitiveDatesCodecTest {

    private static final Instant AT = Instant.parse("2024-05-14T09:30:00Z");

    private static Testimony with(Act act) {
        return new Testimony("0123abcd-0000-4000-8000-00000000ffff", 1, Status.SEALED, AT, AT, AT,
                new TestimonyContent("T", null, null, List.of(new Incident("I", List.of(act))), "N"));
    }

    private static Act act(boolean sensitive) {
        return new Act("detention", PartialDate.exact(LocalDate.of(2017, 3, 14)), null, null, null, null, "n", sensitive);
    }

    @Test
    void anActNotMarkedIsWrittenAsBeforeTheFlagExisted() throws Exception {
        String json = TestimonyCodec.toJson(with(act(false)));
        assertThat(json).doesNotContain("sensitiveDates");
        // As records were before: the same bytes come back out of a read and a write.
        assertThat(TestimonyCodec.toJson(TestimonyCodec.readStrict(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(json);
        assertThat(TestimonyCodec.readStrict(json.getBytes(StandardCharsets.UTF_8)).content().incidents().get(0).acts()
                .get(0).sensitiveDates()).isFalse();
    }

    @Test
    void aMarkedActReadsBackInEveryMode() throws Exception {
        Testimony t = with(act(true));
        String json = TestimonyCodec.toJson(t);
        assertThat(json).contains("\"sensitiveDates\" : true");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(OnePassReader.read(bytes)).as("the fast path takes it").isEqualTo(t);
        assertThat(TestimonyCodec.readStrictFully(bytes)).isEqualTo(t);
        assertThat(TestimonyCodec.readLenient(bytes)).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"true\"", "1", "{}", "[true]"})
    void importRefusesAFlagThatIsNotABoolean(String spelling) {
        String json = TestimonyCodec.toJson(with(act(true))).replace("\"sensitiveDates\" : true",
                "\"sensitiveDates\" : " + spelling);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(OnePassReader.read(bytes)).isNull();
        assertThatThrownBy(() -> TestimonyCodec.readStrict(bytes)).isInstanceOf(JsonRefusal.class);
    }
}
