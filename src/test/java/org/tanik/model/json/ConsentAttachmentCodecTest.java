package org.tanik.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.FieldLimits;
import org.tanik.model.Marker;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/**
 * A record's consent and attachments in the strict mode (bundle records): what the codec writes reads
 * back, and every unknown code, odd spelling of an id, hash or instant is refused. FieldLimits bounds them.
 */
class ConsentAttachmentCodecTest {

    private static final Instant AT = Instant.parse("2024-05-14T09:30:00Z");
    private static final String SHA = "ab".repeat(32);
    private static final String FORM = "11111111-2222-4333-8444-555555555555";
    private static final Attachment PHOTO = new Attachment(FORM, SHA, 1234, "form.jpg", "image/jpeg", "signed form",
            AT, List.of());
    private static final Attachment AUDIO = new Attachment("66666666-7777-4888-9999-000000000000", "cd".repeat(32),
            115_000_000L, "interview.wav", "audio/wav", "", AT.plusSeconds(5),
            List.of(new Marker(61_000, "detention"), new Marker(1_200_000, "court")));
    private static final Consent CONSENT = new Consent(ConsentMethod.WRITTEN, AT, "G7",
            List.of(ConsentScope.UN_COURTS, ConsentScope.DOCUMENTATION), FORM, "no names in reports");
    private static final Testimony T = new Testimony("0123abcd-0000-4000-8000-00000000ffff", 1, Status.SEALED, AT, AT,
            AT, TestimonyContent.empty().withTitle("t").withConsent(CONSENT).withAttachments(List.of(PHOTO, AUDIO)));
    private static final String JSON = TestimonyCodec.toJson(T);

    @Test
    void whatIsWrittenReadsBackStrictlyAndLeniently() throws Exception {
        byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
        assertThat(TestimonyCodec.readStrict(json)).isEqualTo(T);
        assertThat(TestimonyCodec.readLenient(json)).isEqualTo(T);
        assertThat(JSON).contains("\"scopes\" : [ \"documentation\", \"un-courts\" ]", "\"method\" : \"written\"");
    }

    @Test
    void aRecordWithoutThemIsWrittenAsBefore() {
        String plain = TestimonyCodec.toJson(new Testimony(T.id(), 1, Status.DRAFT, AT, AT, null, TestimonyContent.empty()));
        assertThat(plain).doesNotContain("consent", "attachments");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown method            | \"method\" : \"written\"                 | \"method\" : \"signed\"",
        "unknown scope             | \"un-courts\"                           | \"un_courts\"",
        "upper-case hash           | " + "abababababababababababababababababababababababababababababababab" + " | "
                + "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB",
        "short hash                | \"sha256\" : \"abab                     | \"sha256\" : \"ab",
        "upper-case attachment id  | \"id\" : \"66666666-7777-4888-9999-000000000000\" | \"id\" : \"66666666-7777-4888-9999-00000000000A\"",
        "attachment id not a UUID  | \"id\" : \"66666666-7777-4888-9999-000000000000\" | \"id\" : \"../../etc/passwd\"",
        "form id not canonical     | \"formAttachment\" : \"11111111          | \"formAttachment\" : \"{11111111",
        "instant not canonical     | \"givenAt\" : \"2024-05-14T09:30:00Z\"   | \"givenAt\" : \"2024-05-14T09:30Z\"",
        "instant as a number       | \"givenAt\" : \"2024-05-14T09:30:00Z\"   | \"givenAt\" : 1715679000",
        "addedAt null              | \"addedAt\" : \"2024-05-14T09:30:00Z\"   | \"addedAt\" : null",
        "unknown attachment field  | \"caption\" : \"signed form\"            | \"caption\" : \"signed form\", \"gps\" : \"1,2\"",
        "size as text              | \"size\" : 1234                         | \"size\" : \"1234\"",
        "negative size             | \"size\" : 1234                         | \"size\" : -1",
        "consent not an object     | \"consent\" : {                         | \"consent\" : [ {",
    })
    void strictModeRefuses(String what, String from, String to) {
        byte[] json = edited(from.strip(), to == null ? "" : to.strip());
        assertThat(refusal(json)).as(what).isEqualTo(JsonRefusal.Kind.INVALID);
    }

    @Test
    void theSameAttachmentIdTwiceIsRefused() {
        Attachment twin = new Attachment(FORM, "ef".repeat(32), 1, "b", "", "", AT, List.of());
        Testimony t = new Testimony(T.id(), 1, Status.SEALED, AT, AT, AT,
                T.content().withAttachments(List.of(PHOTO, twin)));
        assertThat(refusal(TestimonyCodec.toJson(t).getBytes(StandardCharsets.UTF_8))).isEqualTo(JsonRefusal.Kind.INVALID);
    }

    @Test
    void fieldLimitsBoundCaptionsNamesMarkersAndConsent() {
        String tooLong = "x".repeat(FieldLimits.SHORT + 1);
        assertThat(excess(T.content().withAttachments(List.of(PHOTO.withCaption(tooLong)))))
                .contains(new FieldLimits.Excess("attachments[0].caption", FieldLimits.SHORT));
        Attachment named = new Attachment(FORM, SHA, 1, tooLong, "", "", AT, List.of());
        assertThat(excess(T.content().withAttachments(List.of(named))))
                .contains(new FieldLimits.Excess("attachments[0].fileName", FieldLimits.SHORT));
        assertThat(excess(T.content().withAttachments(List.of(AUDIO.withMarkers(List.of(new Marker(1, tooLong)))))))
                .contains(new FieldLimits.Excess("attachments[0].markers[0].label", FieldLimits.SHORT));
        List<Marker> many = java.util.stream.IntStream.rangeClosed(0, FieldLimits.MARKERS)
                .mapToObj(i -> new Marker(i, "")).toList();
        assertThat(excess(T.content().withAttachments(List.of(AUDIO.withMarkers(many)))))
                .contains(new FieldLimits.Excess("attachments[0].markers", FieldLimits.MARKERS));
        List<Attachment> tooMany = java.util.stream.IntStream.rangeClosed(0, FieldLimits.ITEMS)
                .mapToObj(i -> PHOTO).toList();
        assertThat(excess(T.content().withAttachments(tooMany)))
                .contains(new FieldLimits.Excess("attachments", FieldLimits.ITEMS));
        Consent wordy = new Consent(ConsentMethod.ORAL, null, tooLong, List.of(), null, "");
        assertThat(excess(T.content().withConsent(wordy)))
                .contains(new FieldLimits.Excess("consent.takenBy", FieldLimits.SHORT));
        Consent noted = new Consent(ConsentMethod.ORAL, null, "", List.of(), null, tooLong);
        assertThat(excess(T.content().withConsent(noted))).contains(new FieldLimits.Excess("consent.note", FieldLimits.SHORT));
        assertThat(excess(T.content())).isEmpty();
    }

    private static Optional<FieldLimits.Excess> excess(TestimonyContent c) {
        return FieldLimits.firstExcess(c);
    }

    private static byte[] edited(String from, String to) {
        assertThat(JSON).contains(from);
        return JSON.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonRefusal.Kind refusal(byte[] json) {
        try {
            TestimonyCodec.readStrict(json);
        } catch (JsonRefusal e) {
            return e.kind();
        }
        throw new AssertionError("the strict mode accepted it");
    }
}
