package org.tanik.ui.coordinator;

import java.util.List;
import org.tanik.model.Act;
import org.tanik.model.DisplayText;
import org.tanik.model.Incident;
import org.tanik.model.Interview;
import org.tanik.model.Interviewee;
import org.tanik.model.PartialDate;
import org.tanik.model.Person;
import org.tanik.model.Perpetrator;
import org.tanik.model.Sex;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;

/** A testimony as plain text for reading (the coordinator's view is read-only): labelled, translated codes. */
final class TestimonyText {

    private final CoordinatorContext ctx;
    private final StringBuilder out = new StringBuilder();

    private TestimonyText(CoordinatorContext ctx) {
        this.ctx = ctx;
    }

    static String render(CoordinatorContext ctx, Testimony t) {
        TestimonyText r = new TestimonyText(ctx);
        r.write(t.content());
        // The testimony is the volunteer's text: controls and bidi overrides in it are shown, not obeyed.
        return DisplayText.multiLine(r.out.toString());
    }

    private void write(TestimonyContent c) {
        Interview i = c.interview();
        line("view.title", c.title().isEmpty() ? ctx.text.get("list.untitled") : c.title());
        out.append('\n');
        heading("tab.interview");
        line("view.date", i.date() == null ? "" : ctx.dates.date(i.date()));
        line("view.place", i.place());
        line("view.interviewer", i.interviewer());
        line("view.languages", String.join(", ", i.languages()));
        line("view.present", i.present());
        out.append('\n');
        heading("tab.interviewee");
        Interviewee p = c.interviewee();
        line("view.name", confidential(p.name()));
        line("view.contact", confidential(p.contact()));
        line("view.relation", p.relation());
        int n = 0;
        for (Incident incident : c.incidents()) {
            out.append('\n');
            out.append(ctx.text.format("view.incident", ++n, incident.label())).append('\n');
            int a = 0;
            for (Act act : incident.acts()) {
                act(++a, act);
            }
        }
        out.append('\n');
        heading("tab.narrative");
        out.append(c.narrative()).append('\n');
    }

    private void act(int n, Act act) {
        out.append("  ").append(ctx.text.format("view.act", n,
                act.type().isEmpty() ? "—" : ctx.vocabulary.violationLabel(act.type(), ctx.text.locale()))).append('\n');
        line("    ", "view.when", date(act.start()) + (act.end().precision() == org.tanik.model.DatePrecision.UNKNOWN ? "" : " – " + date(act.end())));
        line("    ", "view.where", String.join(", ", nonEmpty(
                act.place().province().isEmpty() ? "" : ctx.provinceLabel(act.place().province()),
                act.place().district(), act.place().facility())));
        for (Person v : act.victims()) {
            line("    ", "view.victim", String.join(", ", nonEmpty(confidential(v.name()),
                    v.sex() == null || v.sex() == Sex.UNKNOWN ? "" : ctx.text.get("sex." + v.sex().name()),
                    v.birthYear() == null ? "" : v.birthYear().toString(),
                    ctx.vocabulary.occupation(v.occupation()).map(t -> t.label(ctx.text.locale())).orElse(v.occupation()))));
        }
        for (Perpetrator p : act.perpetrators()) {
            line("    ", "view.perpetrator", String.join(", ", nonEmpty(
                    p.institution().isEmpty() ? "" : ctx.institutionLabel(p.institution()), p.unit(), p.rank(),
                    confidential(p.name()))));
        }
        line("    ", "view.notes", act.notes());
    }

    private String date(PartialDate d) {
        return ctx.dates.partial(d, ctx.text.get("precision.UNKNOWN"));
    }

    private String confidential(String s) {
        return s == null || s.isEmpty() ? "" : s + " [" + ctx.text.get("confidential") + "]";
    }

    private static List<String> nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).toList();
    }

    private void heading(String key) {
        out.append(ctx.text.get(key).toUpperCase(ctx.text.locale())).append('\n');
    }

    private void line(String key, String value) {
        line("", key, value);
    }

    private void line(String indent, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(indent).append(ctx.text.get(key)).append(": ").append(value).append('\n');
        }
    }
}
