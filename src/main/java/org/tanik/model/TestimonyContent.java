package org.tanik.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the volunteer writes: everything in a testimony that is encrypted at rest. */
public record TestimonyContent(String title, Interview interview, Interviewee interviewee,
                               List<Incident> incidents, String narrative) {
    public TestimonyContent {
        title = Text.orEmpty(title);
        interview = interview == null ? Interview.empty() : interview;
        interviewee = interviewee == null ? Interviewee.empty() : interviewee;
        incidents = Text.copy(incidents);
        narrative = Text.orEmpty(narrative);
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

    public TestimonyContent withTitle(String newTitle) {
        return new TestimonyContent(newTitle, interview, interviewee, incidents, narrative);
    }

    public TestimonyContent withNarrative(String newNarrative) {
        return new TestimonyContent(title, interview, interviewee, incidents, newNarrative);
    }
}
