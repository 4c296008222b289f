package org.tanik.cli;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tanik.crypto.Secrets;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.store.vault.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The coordinator's organisation commands: create the keys, invite devices, export the identity. */
final class OrgCommands {
    private OrgCommands() {
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "org.init.name")
        String name;

        private final CommandContext ctx;

        Init(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (VaultSession vault = ctx.unlock(options)) {
                Organisation org = Organisation.init(vault, name);
                ctx.terminal.out().println(Terminal.oneLine(ctx.text("cli.org.name", org.name())));
                ctx.terminal.out().println(ctx.text("cli.org.recipient", org.recipient()));
                ctx.terminal.out().println(ctx.text("cli.org.fingerprint", org.fingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true)
    static final class Invite implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "org.invite.out")
        Path out;

        @Option(names = "--intake-url", paramLabel = "URL", descriptionKey = "org.invite.intake-url")
        String intakeUrl;

        @Option(names = "--tls-pin", paramLabel = "PIN", descriptionKey = "org.invite.tls-pin")
        String tlsPin;

        @Option(names = "--valid-days", paramLabel = "N", defaultValue = "14", descriptionKey = "org.invite.valid-days")
        int validDays;

        private final CommandContext ctx;

        Invite(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (validDays < 1 || validDays > 365) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.validDays"));
            }
            if (intakeUrl != null && !intakeUrl.startsWith("https://")) {
                throw new TanikException(Problem.INTAKE_URL_NOT_HTTPS);
            }
            try (VaultSession vault = ctx.unlock(options)) {
                Organisation org = Organisation.require(vault);
                byte[] file = org.invite(intakeUrl, tlsPin, Duration.ofDays(validDays), ctx.services.clock());
                write(out, file);
                ctx.terminal.out().println(ctx.text("cli.org.invitationWritten", out.toString()));
                ctx.terminal.out().println(ctx.text("cli.org.compare", org.fingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "export-identity", mixinStandardHelpOptions = true)
    static final class ExportIdentity implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "org.export-identity.out")
        Path out;

        private final CommandContext ctx;

        ExportIdentity(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            java.util.Optional<AuditLog.Checkpoint> signed;
            try (VaultSession vault = ctx.unlock(options)) {
                Organisation org = Organisation.require(vault);
                char[] text = org.ageIdentityFile(ctx.services.clock().instant());
                byte[] bytes = Secrets.utf8(CharBuffer.wrap(text));
                try {
                    write(out, bytes);
                    restrict(out);
                } finally {
                    Secrets.wipe(text);
                    Secrets.wipe(bytes);
                }
                // The one key that opens every bundle left the vault: that belongs in the audit log.
                vault.coordinator().inTransaction(() -> vault.coordinator().audit().append("identity.export",
                        org.fingerprint(), AuditDetail.of("audit.detail.identityExport")));
                signed = org.signAuditHead(vault.coordinator().audit());
            }
            ctx.terminal.err().println(ctx.text("cli.org.identityWarning", out.toString()));
            // A copy of the signed head leaves with the export, so a log cut short later can be told.
            signed.ifPresentOrElse(c -> AuditCommands.printSignedHead(ctx, c),
                    () -> ctx.terminal.err().println(ctx.text("cli.audit.notSigned")));
            return 0;
        }
    }

    static void write(Path out, byte[] content) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            AtomicFiles.write(out, content);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, out.toString());
        }
    }

    static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system; nothing more to do.
        }
    }
}
