package org.tanik.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.coordinator.ArchiveCheck;
import org.tanik.coordinator.AuditText;
import org.tanik.coordinator.AuditTrail;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import org.tanik.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The coordinator's audit commands: the log itself, its chain, and the archive against what the devices signed. */
final class AuditCommands {
    private AuditCommands() {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class AuditVerify implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--head", paramLabel = "HEX", descriptionKey = "audit.verify.head")
        String head;

        private final CommandContext ctx;

        AuditVerify(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (head != null && !CoordinatorDesk.isAuditHead(head)) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.head"));
            }
            AuditTrail.Verification v;
            long headAt = -1;
            try (OpenVault vault = ctx.open(options)) {
                CoordinatorDesk desk = ctx.desk(vault);
                v = desk.verifyAudit();
                if (head != null) {
                    headAt = desk.findAuditHead(head);
                }
            }
            PrintWriter out = ctx.terminal.out();
            PrintWriter err = ctx.terminal.err();
            if (v.firstBad() >= 0) {
                err.println(ctx.text("cli.audit.altered", v.firstBad(), v.entries()));
            } else if (v.intact()) {
                out.println(ctx.text("cli.audit.intact", v.entries(), v.head()));
            }
            AuditTrail.Checkpoint c = v.checkpoint();
            switch (v.anchor()) {
                case NONE -> out.println(ctx.text("cli.audit.noCheckpoint"));
                case REACHED -> {
                    if (v.firstBad() >= 0) {
                        break; // only not contradicted: beyond the broken entry, the checkpoint cannot be checked
                    }
                    out.println(ctx.text("cli.audit.checkpoint", c.entries(), c.at().toString(), v.entries() - c.entries()));
                    printSignedHead(ctx, c);
                }
                case CUT -> err.println(ctx.text("cli.audit.cut", c.entries(), c.at().toString(), v.entries()));
                case REWRITTEN -> err.println(ctx.text("cli.audit.rewritten", c.entries(), c.at().toString()));
                case FORGED -> err.println(ctx.text("cli.audit.forged", c.entries(), c.at().toString()));
            }
            boolean headKept = head == null || headAt >= 0;
            if (head != null) {
                if (headAt >= 0) {
                    out.println(ctx.text("cli.audit.headFound", headAt, v.entries() - headAt));
                } else {
                    err.println(ctx.text("cli.audit.headMissing"));
                }
            }
            return v.intact() && headKept ? 0 : Cli.PROBLEM;
        }
    }

    /**
     * The signed head in short (for people, in their language) and in full (one line for machines,
     * the same in every language), to be kept somewhere other than this vault.
     */
    static void printSignedHead(CommandContext ctx, AuditTrail.Checkpoint c) {
        ctx.terminal.out().println(ctx.text("cli.audit.signedHead", c.entries(), c.shortHead(), c.shortSignature()));
        ctx.terminal.out().println(c.fullForm());
    }

    @Command(name = "archive", mixinStandardHelpOptions = true)
    static final class AuditArchive implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        private final CommandContext ctx;

        AuditArchive(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ArchiveCheck.Result r;
            try (OpenVault vault = ctx.open(options)) {
                r = ctx.desk(vault).checkArchive(Progress.none());
            }
            AuditText text = new AuditText(ctx.locale);
            if (r.intact()) {
                ctx.terminal.out().println(r.summary(text));
                return 0;
            }
            r.failures().forEach(f -> ctx.terminal.err().println(f.text(text)));
            ctx.terminal.err().println(r.summary(text));
            return Cli.PROBLEM;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class AuditList implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        private final CommandContext ctx;

        AuditList(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<AuditTrail.Entry> entries;
            try (OpenVault vault = ctx.open(options)) {
                entries = ctx.desk(vault).auditEntries();
            }
            AuditText text = new AuditText(ctx.locale);
            PrintWriter out = ctx.terminal.out();
            for (AuditTrail.Entry e : entries) {
                String detail = text.detail(e);
                out.printf("%d  %s  %s  %s%n", e.seq(), e.at(), e.action(), Terminal.oneLine(e.subject()));
                out.println("    " + (detail == null ? text.format("audit.list.altered") : Terminal.oneLine(detail)));
            }
            return 0;
        }
    }
}
