package org.tanik.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanik.model.Act;
import org.tanik.model.Incident;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonyJson;
import org.tanik.model.Vocabulary;
import org.tanik.vault.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one testimony (its latest version).")
final class TestimonyShowCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "ID", description = "Testimony id, or an unambiguous prefix of it.")
    String id;

    @Option(names = "--at-version", paramLabel = "N", description = "Show version N of the testimony instead of the latest.")
    Integer version;

    @Option(names = "--json", description = "Print JSON (the same shape 'testimony add' reads).")
    boolean json;

    private final CommandContext ctx;

    TestimonyShowCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Testimony t;
        try (VaultSession vault = ctx.unlock(options)) {
            t = version == null ? vault.testimonies().latest(id) : vault.testimonies().version(id, version);
        }
        PrintWriter out = ctx.terminal.out();
        if (json) {
            out.println(new TestimonyJson().toJson(t));
        } else {
            print(out, t, ctx.services.vocabulary());
        }
        return 0;
    }

    private static void print(PrintWriter out, Testimony t, Vocabulary vocabulary) {
        TestimonyContent c = t.content();
        out.println(c.title());
        out.printf("id %s, version %d, %s, changed %s%n", t.id(), t.version(), t.status().name().toLowerCase(Locale.ROOT),
                t.updatedAt());
        out.printf("Interview: %s, %s, by %s%n", c.interview().date() == null ? "date unknown" : c.interview().date(),
                c.interview().place(), c.interview().interviewer());
        out.printf("Interviewee: %s (%s)%n", c.interviewee().name(), c.interviewee().relation());
        for (Incident incident : c.incidents()) {
            out.println("Incident: " + incident.label());
            for (Act act : incident.acts()) {
                String province = vocabulary.province(act.place().province()).map(p -> p.label(Locale.ENGLISH)).orElse("");
                out.printf("  - %s, %s, %s %s%n", vocabulary.violationLabel(act.type(), Locale.ENGLISH),
                        act.start().toString().isEmpty() ? "date unknown" : act.start(), province, act.place().facility());
            }
        }
        out.println();
        out.println(c.narrative());
    }
}
