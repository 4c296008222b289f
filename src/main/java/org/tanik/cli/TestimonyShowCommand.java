package org.tanik.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.Vocabulary;
import org.tanik.model.json.TestimonyCodec;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Drafts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true)
final class TestimonyShowCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "ID", descriptionKey = "testimony.show.id")
    String id;

    @Option(names = "--at-version", paramLabel = "N", descriptionKey = "testimony.show.at-version")
    Integer version;

    @Option(names = "--json", descriptionKey = "testimony.show.json")
    boolean json;

    private final CommandContext ctx;

    TestimonyShowCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Testimony t;
        try (OpenVault vault = ctx.open(options)) {
            Drafts drafts = new Drafts(vault);
            t = version == null ? drafts.latest(id) : drafts.version(id, version);
        }
        PrintWriter out = ctx.terminal.out();
        if (json) {
            out.println(TestimonyCodec.toJson(t));
        } else {
            print(ctx, out, t);
        }
        return 0;
    }

    /** One testimony version as people read it; {@code archive show} prints the same. */
    static void print(CommandContext ctx, PrintWriter out, Testimony t) {
        Vocabulary vocabulary = ctx.services.vocabulary();
        TestimonyContent c = t.content();
        Locale locale = ctx.locale;
        String unknown = ctx.text("cli.testimony.dateUnknown");
        out.println(c.title());
        out.println(ctx.text("cli.testimony.heading", t.id(), t.version(), ctx.text("cli.testimony.status." + t.status().name()),
                t.updatedAt().toString()));
        out.println(ctx.text("cli.testimony.interview", c.interview().date() == null ? unknown : c.interview().date().toString(),
                c.interview().place(), c.interview().interviewer()));
        out.println(ctx.text("cli.testimony.interviewee", c.interviewee().name(), c.interviewee().relation()));
        for (Incident incident : c.incidents()) {
            out.println(ctx.text("cli.testimony.incident", incident.label()));
            for (Act act : incident.acts()) {
                String province = vocabulary.province(act.place().province()).map(p -> p.label(locale)).orElse("");
                out.printf("  - %s, %s, %s %s%n", vocabulary.violationLabel(act.type(), locale),
                        act.start().toString().isEmpty() ? unknown : act.start(), province, act.place().facility());
            }
        }
        out.println();
        out.println(c.narrative());
    }
}
