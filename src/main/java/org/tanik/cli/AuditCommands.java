package org.tanik.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.coordinator.ArchiveCheck;
import org.tanik.coordinator.AuditText;
import org.tanik.vault.AuditLog;
import org.tanik.vault.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The coordinator's audit commands: the log itself, its chain, and the archive against what the devices signed. */
final class AuditCommands {
    private AuditCommands() {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class AuditVerify implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        private final CommandContext ctx;

        AuditVerify(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            AuditLog.Verification v;
            try (VaultSession vault = ctx.unlock(options)) {
                v = vault.coordinator().audit().verify();
            }
            if (v.intact()) {
                ctx.terminal.out().println(ctx.text("cli.audit.intact", v.entries(), v.head()));
                return 0;
            }
            ctx.terminal.err().println(ctx.text("cli.audit.altered", v.firstBad(), v.entries()));
            return Cli.PROBLEM;
        }
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
            try (VaultSession vault = ctx.unlock(options)) {
                r = ArchiveCheck.run(vault.coordinator().archive());
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
            List<AuditLog.Entry> entries;
            try (VaultSession vault = ctx.unlock(options)) {
                entries = vault.coordinator().audit().entries();
            }
            AuditText text = new AuditText(ctx.locale);
            PrintWriter out = ctx.terminal.out();
            for (AuditLog.Entry e : entries) {
                String detail = text.detail(e);
                out.printf("%d  %s  %s  %s%n", e.seq(), e.at(), e.action(), Terminal.oneLine(e.subject()));
                out.println("    " + (detail == null ? text.format("audit.list.altered") : Terminal.oneLine(detail)));
            }
            return 0;
        }
    }
}
