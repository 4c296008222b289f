package org.tanik.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Perpetrator;
import org.tanik.model.Person;
import org.tanik.model.Place;
import org.tanik.model.Sex;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.json.TestimonyCodec.Invalid.Reason;

/**
 * The two modes side by side on the same edits of one written testimony: the lenient mode keeps
 * Jackson's coercions and names the field or line; the strict mode refuses them, with only a kind.
 * (RecordParseDifferentialTest holds the strict mode to the bundle specification in depth.)
 */
class TestimonyCodecTest {
    private static final Instant AT = Instant.parse("2024-05-14T09:30:00Z");
    private static final Testimony T = new Testimony("0123abcd-0000-4000-8000-00000000ffff", 2, Status.SEALED, AT,
            AT.plusSeconds(60), AT.plusSeconds(120), new TestimonyContent("Başlık",
                    new Interview(LocalDate.of(2018, 1, 2), "Köln", "A.", List.of("tr"), ""),
                    new Interviewee("B.", "", "self"),
                    List.of(new Incident("first", List.of(new Act("arrest", PartialDate.year(2016), PartialDate.UNKNOWN,
                            new Place("34", "", ""), List.of(new Person("C.", Sex.MALE, 1970, "teacher")),
                            List.of(Perpetrator.empty()), "notes")))),
                    "Anlatı"));
    private static final String JSON = TestimonyCodec.toJson(T);

    private static byte[] edited(String from, String to) {
        assertThat(JSON).contains(from);
        return JSON.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonRefusal.Kind strictRefusal(byte[] json) {
        try {
            TestimonyCodec.readStrict(json);
        } catch (JsonRefusal e) {
            return e.kind();
        }
        throw new AssertionError("the strict mode accepted it");
    }

    @Test
    void whatIsWrittenReadsBackInBothModesAndInOnePass() throws Exception {
        byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
        assertThat(OnePassReader.read(json)).isEqualTo(T);
        assertThat(TestimonyCodec.readStrict(json)).isEqualTo(T);
        assertThat(TestimonyCodec.readLenient(json)).isEqualTo(T);
        assertThat(TestimonyCodec.readContent(json)).isEqualTo(T.content());
    }

    @Test
    void coercionsAreLenientOnly() throws Exception {
        byte[] yearAsText = edited("\"birthYear\" : 1970", "\"birthYear\" : \"1970\"");
        assertThat(TestimonyCodec.readLenient(yearAsText)).isEqualTo(T);
        assertThat(strictRefusal(yearAsText)).isEqualTo(JsonRefusal.Kind.INVALID);

        byte[] titleAsNumber = edited("\"title\" : \"Başlık\"", "\"title\" : 1");
        assertThat(TestimonyCodec.readContent(titleAsNumber).title()).isEqualTo("1");
        assertThat(strictRefusal(titleAsNumber)).isEqualTo(JsonRefusal.Kind.INVALID);

        byte[] longInstant = edited("\"createdAt\" : \"2024-05-14T09:30:00Z\"",
                "\"createdAt\" : \"2024-05-14T09:30:00.000Z\"");
        assertThat(TestimonyCodec.readLenient(longInstant)).isEqualTo(T);
        assertThat(strictRefusal(longInstant)).isEqualTo(JsonRefusal.Kind.INVALID);

        byte[] withBom = ("\uFEFF" + JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(TestimonyCodec.readLenient(withBom)).isEqualTo(T);
        assertThat(strictRefusal(withBom)).isEqualTo(JsonRefusal.Kind.INVALID);
    }

    @Test
    void refusalsNameTheFieldOrLineLenientlyAndOnlyAKindStrictly() {
        byte[] unknown = edited("\"title\" :", "\"colour\" : \"red\", \"title\" :");
        assertLenient(unknown, Reason.UNKNOWN_FIELD, "colour");
        assertThat(strictRefusal(unknown)).isEqualTo(JsonRefusal.Kind.INVALID);

        byte[] badSex = edited("\"sex\" : \"MALE\"", "\"sex\" : \"maybe\"");
        assertLenient(badSex, Reason.BAD_VALUE, "incidents[0].acts[0].victims[0].sex");
        assertThat(strictRefusal(badSex)).isEqualTo(JsonRefusal.Kind.INVALID);

        byte[] repeated = edited("\"narrative\" :", "\"narrative\" : \"x\",\n  \"narrative\" :");
        assertLenient(repeated, Reason.MALFORMED_AT_LINE, Integer.toString(JSON.split("\n").length));
        assertThat(strictRefusal(repeated)).isEqualTo(JsonRefusal.Kind.DUPLICATE_KEY);

        byte[] array = "[]".getBytes(StandardCharsets.UTF_8);
        assertLenient(array, Reason.NOT_AN_OBJECT, "");
        assertThat(strictRefusal(array)).isEqualTo(JsonRefusal.Kind.INVALID);

        // The strict mode's message never carries the input: only the kind.
        byte[] secret = edited("\"title\" : \"Başlık\"", "\"title\" : {\"secret-text\": 1}");
        assertThatThrownBy(() -> TestimonyCodec.readStrict(secret)).isInstanceOf(JsonRefusal.class)
                .hasMessage("INVALID").hasNoCause();
    }

    private static void assertLenient(byte[] json, Reason reason, String detail) {
        assertThatThrownBy(() -> TestimonyCodec.readLenient(json)).isInstanceOfSatisfying(TestimonyCodec.Invalid.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }
}
