package org.tanik.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.model.Json;
import org.tanik.model.TestimonySummary;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Drafts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true)
final class TestimonyListCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--json", descriptionKey = "testimony.list.json")
    boolean json;

    private final CommandContext ctx;

    TestimonyListCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<TestimonySummary> list;
        try (OpenVault vault = ctx.open(options)) {
            list = new Drafts(vault).list();
        }
        PrintWriter out = ctx.terminal.out();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return 0;
        }
        out.printf("%-8s  %-6s  %-10s  %-20s  %s%n", (Object[]) ctx.text("cli.testimony.columns").split("\\|"));
        for (TestimonySummary s : list) {
            out.printf("%-8s  %-6s  %-10s  %-20s  %s%n", s.id().substring(0, 8), ctx.text("cli.testimony.status." + s.status().name()),
                    s.interviewDate() == null ? "-" : s.interviewDate(), s.updatedAt().toString().substring(0, 19) + "Z",
                    s.title());
        }
        return 0;
    }
}
