package org.tanik.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.model.Attachment;
import org.tanik.model.Json;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.MetadataReport;
import org.tanik.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A testimony's attached files: add (encrypted into the vault as read), list, export a readable copy. */
final class AttachmentCommands {
    private AttachmentCommands() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(index = "0", paramLabel = "TESTIMONY_ID", descriptionKey = "attachment.add.testimony")
        String testimonyId;

        @Parameters(index = "1", paramLabel = "FILE", descriptionKey = "attachment.add.file")
        Path file;

        @Option(names = "--caption", paramLabel = "TEXT", descriptionKey = "attachment.add.caption")
        String caption = "";

        @Option(names = "--strip-metadata", descriptionKey = "attachment.add.strip")
        boolean strip;

        private final CommandContext ctx;

        Add(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                Attachments attachments = new Attachments(vault);
                MetadataReport report = attachments.inspect(file);
                Attachment a = attachments.add(testimonyId, file, caption, strip, Progress.none());
                report(report);
                ctx.terminal.out().println(a.id());
            }
            return 0;
        }

        /** What the file revealed, on standard error: standard output is the id alone, for scripts. */
        private void report(MetadataReport report) {
            if (report.isEmpty()) {
                return;
            }
            PrintWriter err = ctx.terminal.err();
            err.println(ctx.text("cli.attachment.metadata.found"));
            for (MetadataReport.Finding f : report.findings()) {
                err.println("  " + ctx.text(f.kind().key()) + ": " + Terminal.oneLine(f.value()));
            }
            String outcome = !report.strippable() ? "cli.attachment.metadata.notStrippable"
                    : strip ? "cli.attachment.metadata.stripped" : "cli.attachment.metadata.kept";
            err.println(ctx.text(outcome));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListAttachments implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "TESTIMONY_ID", descriptionKey = "attachment.list.testimony")
        String testimonyId;

        @Option(names = "--json", descriptionKey = "attachment.list.json")
        boolean json;

        private final CommandContext ctx;

        ListAttachments(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Attachment> list;
            try (OpenVault vault = ctx.open(options)) {
                list = new Attachments(vault).list(testimonyId);
            }
            PrintWriter out = ctx.terminal.out();
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
                return 0;
            }
            String row = "%-8s  %12s  %-16s  %-24s  %s%n";
            out.printf(row, (Object[]) ctx.text("cli.attachment.columns").split("\\|"));
            for (Attachment a : list) {
                out.printf(row, a.id().substring(0, 8), a.size(), a.mediaType(), Terminal.oneLine(a.fileName()),
                        Terminal.oneLine(a.caption()));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "ATTACHMENT_ID", descriptionKey = "attachment.export.id")
        String attachmentId;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "attachment.export.out")
        Path out;

        private final CommandContext ctx;

        Export(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                Attachments attachments = new Attachments(vault);
                Attachments.Found found = attachments.find(attachmentId);
                Attachment a = attachments.exportTo(found.testimonyId(), found.attachment().id(), out);
                ctx.terminal.err().println(ctx.text("cli.attachment.exportWarning", out.toString()));
                ctx.terminal.out().println(ctx.text("cli.attachment.exported", out.toString(), a.size(), a.sha256()));
            }
            return 0;
        }
    }
}
