package org.tanik.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the volunteer writes: everything in a testimony that is encrypted at rest.
 *
 * <p>{@code consent} and {@code attachments} are left out of the JSON while empty, so that a
 * testimony without them reads and travels byte for byte as it did before they existed.
 */
public record TestimonyContent(String title, Interview interview, Interviewee interviewee,
                               List<Incident> incidents, String narrative,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Consent consent,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {
    public TestimonyContent {
        title = Text.orEmpty(title);
        interview = interview == null ? Interview.empty() : interview;
        interviewee = interviewee == null ? Interviewee.empty() : interviewee;
        incidents = Text.copy(incidents);
        narrative = Text.orEmpty(narrative);
        attachments = Text.copy(attachments);
    }

    /** Content without consent or attachments. */
    public TestimonyContent(String title, Interview interview, Interviewee interviewee, List<Incident> incidents,
                            String narrative) {
        this(title, interview, interviewee, incidents, narrative, null, List.of());
    }

    public static TestimonyContent empty() {
        return new TestimonyContent("", null, null, List.of(), "");
    }

    /** The violation codes of every act, in order of first appearance. */
    public Set<String> violationTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (Incident incident : incidents) {
            for (Act act : incident.acts()) {
                if (!act.type().isEmpty()) {
                    types.add(act.type());
                }
            }
        }
        return types;
    }

    /** The attachment with this id, if this version has it. */
    public Optional<Attachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    public TestimonyContent withTitle(String newTitle) {
        return new TestimonyContent(newTitle, interview, interviewee, incidents, narrative, consent, attachments);
    }

    public TestimonyContent withNarrative(String newNarrative) {
        return new TestimonyContent(title, interview, interviewee, incidents, newNarrative, consent, attachments);
    }

    public TestimonyContent withConsent(Consent newConsent) {
        return new TestimonyContent(title, interview, interviewee, incidents, narrative, newConsent, attachments);
    }

    public TestimonyContent withAttachments(List<Attachment> newAttachments) {
        return new TestimonyContent(title, interview, interviewee, incidents, narrative, consent, newAttachments);
    }
}
