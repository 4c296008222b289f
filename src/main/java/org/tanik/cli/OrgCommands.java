package org.tanik.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanik.coordinator.AuditTrail;
import org.tanik.coordinator.OrganisationDesk;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The coordinator's organisation commands: create the keys, invite devices, export the identity,
 * split the keys into shares and restore them, show the organisation, rotate its age key.
 */
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
            try (OpenVault vault = ctx.open(options)) {
                OrganisationDesk.Identity org = ctx.desk(vault).organisation().init(name);
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
            OrganisationDesk.checkIntakeUrl(intakeUrl); // before the passphrase is asked for
            try (OpenVault vault = ctx.open(options)) {
                OrganisationDesk.Identity org = ctx.desk(vault).organisation().invite(out, intakeUrl, tlsPin, validDays,
                        ctx.locale);
                ctx.terminal.out().println(ctx.text("cli.org.invitationWritten", out.toString()));
                ctx.terminal.out().println(ctx.text("cli.org.compare", org.fingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "add-intake", mixinStandardHelpOptions = true)
    static final class AddIntake implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "URL", descriptionKey = "org.add-intake.url")
        String url;

        @Option(names = "--pin", required = true, paramLabel = "PIN", descriptionKey = "org.add-intake.pin")
        String pin;

        @Option(names = "--key", required = true, paramLabel = "INTAKEKEY", descriptionKey = "org.add-intake.key")
        String key;

        @Option(names = "--route", paramLabel = "ROUTE", defaultValue = "tor-only", descriptionKey = "org.add-intake.route")
        String route;

        private final CommandContext ctx;

        AddIntake(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            OrganisationDesk.checkIntakeUrl(url); // before the passphrase is asked for
            OrganisationDesk.IntakeAdded added = ctx.withVault(options,
                    vault -> ctx.desk(vault).organisation().addIntake(url, pin, key, route));
            ctx.terminal.out().println(ctx.text("cli.org.intakeOrganisationKey", added.organisationKey()));
            ctx.terminal.out().println(ctx.text("cli.org.intakeOperator", added.organisationKey()));
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
            Optional<AuditTrail.Checkpoint> signed;
            try (OpenVault vault = ctx.open(options)) {
                signed = ctx.desk(vault).organisation().exportIdentity(out);
            }
            ctx.terminal.err().println(ctx.text("cli.org.identityWarning", out.toString()));
            // A copy of the signed head leaves with the export, so a log cut short later can be told.
            signed.ifPresentOrElse(c -> AuditCommands.printSignedHead(ctx, c),
                    () -> ctx.terminal.err().println(ctx.text("cli.audit.notSigned")));
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true)
    static final class Backup implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--shares", required = true, paramLabel = "N", descriptionKey = "org.backup.shares")
        int shares;

        @Option(names = "--threshold", required = true, paramLabel = "K", descriptionKey = "org.backup.threshold")
        int threshold;

        @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "org.backup.out")
        Path out;

        private final CommandContext ctx;

        Backup(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (!OrganisationDesk.validSplit(shares, threshold)) {
                // Before the passphrase is asked for.
                throw new TanikException(Problem.KEY_SPLIT_RANGE, String.valueOf(OrganisationDesk.MAX_SHARES));
            }
            OrganisationDesk.Split split = ctx.withVault(options, vault -> ctx.desk(vault).organisation()
                    .backup(out, shares, threshold, ctx.locale, org.tanik.work.Progress.none()));
            for (OrganisationDesk.ShareFiles f : split.shares()) {
                ctx.terminal.out().println(ctx.text("cli.org.shareWritten", f.number(), f.text(), f.page()));
            }
            ctx.terminal.out().println(ctx.text("cli.org.backupDone", split.splitId(), split.shares().size(),
                    split.threshold()));
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "SHARE_FILE", arity = "1..*", descriptionKey = "org.restore.files")
        List<Path> files;

        private final CommandContext ctx;

        Restore(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            // Each share is read and checked before the passphrase is asked for: a typo is said at once.
            OrganisationDesk.checkShares(files);
            OrganisationDesk.Identity org = ctx.withVault(options, vault -> ctx.desk(vault).organisation().restore(files));
            printIdentity(ctx, org);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        private final CommandContext ctx;

        Show(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            printIdentity(ctx, ctx.withVault(options, vault -> ctx.desk(vault).organisation().identity()));
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static final class Rotate implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--yes", descriptionKey = "org.rotate.yes")
        boolean yes;

        private final CommandContext ctx;

        Rotate(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                var desk = ctx.desk(vault).organisation();
                desk.identity(); // NOT_ORGANISATION before asking anything
                if (!yes) {
                    ctx.terminal.out().flush();
                    ctx.confirm(ctx.text("cli.org.rotateQuestion", ctx.text("cli.confirm.yes")),
                            ctx.text("cli.org.rotateNoTerminal"));
                }
                OrganisationDesk.Identity org = desk.rotate();
                ctx.terminal.out().println(ctx.text("cli.org.rotated", org.recipient()));
            }
            return 0;
        }
    }

    static void printIdentity(CommandContext ctx, OrganisationDesk.Identity org) {
        ctx.terminal.out().println(Terminal.oneLine(ctx.text("cli.org.name", org.name())));
        ctx.terminal.out().println(ctx.text("cli.org.recipient", org.recipient()));
        ctx.terminal.out().println(ctx.text("cli.org.fingerprint", org.fingerprint()));
    }
}
