package org.tanik.cli;

import java.nio.file.Path;
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
}
