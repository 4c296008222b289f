package org.tanik.cli;

import java.util.Locale;
import org.tanik.AppServices;
import org.tanik.config.SettingsStore;
import org.tanik.i18n.Messages;
import org.tanik.i18n.Texts;
import picocli.CommandLine;

/** Builds the command tree and runs it; errors become one translated sentence on stderr. */
public final class Cli {

    /** Exit codes: 0 success, 1 a problem the user can act on, 2 bad usage, 3 unexpected failure. */
    static final int PROBLEM = 1;
    static final int UNEXPECTED = 3;

    private Cli() {
    }

    public static int run(String[] args, AppServices services) {
        return run(args, services, Terminal.system());
    }

    public static int run(String[] args, AppServices services, Terminal terminal) {
        Locale locale = SettingsStore.locale(services.settings().load(), Locale.getDefault());
        CommandContext ctx = new CommandContext(services, terminal, locale);
        Messages messages = new Messages(locale);
        CommandLine cli = commandLine(ctx);
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setParameterExceptionHandler(new UsageErrors(ctx));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // One line whatever its arguments hold: a file name comes from whoever sent the file.
            terminal.err().println(Terminal.oneLine(messages.describe(e)));
            terminal.err().flush();
            return e instanceof org.tanik.error.TanikException ? PROBLEM : UNEXPECTED;
        });
        int code = cli.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /** The whole command tree, its --help texts in the context's language. */
    static CommandLine commandLine(CommandContext ctx) {
        CommandLine cli = new CommandLine(new TanikCommand())
                .addSubcommand(new CommandLine(new TanikCommand.VaultGroup())
                        .addSubcommand(new VaultInitCommand(ctx))
                        .addSubcommand(new ChangePassphraseCommand(ctx))
                        // Issue 17 CORE
                        .addSubcommand(new VaultDuressCommand.Set(ctx))
                        .addSubcommand(new VaultDuressCommand.Clear(ctx))
                        .addSubcommand(new VaultEraseCommand(ctx))
                        .addSubcommand(new VaultWipeAfterCommand(ctx))
                        // Issue 17 PORT
                        .addSubcommand(new VaultBackupCommand(ctx))
                        .addSubcommand(new VaultRestoreCommand(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.TestimonyGroup())
                        .addSubcommand(new TestimonyAddCommand(ctx))
                        .addSubcommand(new TestimonyListCommand(ctx))
                        .addSubcommand(new TestimonyShowCommand(ctx))
                        .addSubcommand(new TestimonySealCommand(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.AttachmentGroup())
                        .addSubcommand(new AttachmentCommands.Add(ctx))
                        .addSubcommand(new AttachmentCommands.ListAttachments(ctx))
                        .addSubcommand(new AttachmentCommands.Export(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.ConsentGroup())
                        .addSubcommand(new ConsentSetCommand(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.OrgGroup())
                        .addSubcommand(new OrgCommands.Init(ctx))
                        .addSubcommand(new OrgCommands.Invite(ctx))
                        .addSubcommand(new OrgCommands.AddIntake(ctx))
                        .addSubcommand(new OrgCommands.ExportIdentity(ctx))
                        // Issue 17 ORG
                        .addSubcommand(new OrgCommands.Backup(ctx))
                        .addSubcommand(new OrgCommands.Restore(ctx))
                        .addSubcommand(new OrgCommands.Show(ctx))
                        .addSubcommand(new OrgCommands.Rotate(ctx)))
                .addSubcommand(new EnrolCommand(ctx))
                .addSubcommand(new LeaveOrganisationCommand(ctx))
                .addSubcommand(new CommandLine(new TanikCommand.DeviceKeyGroup())
                        .addSubcommand(new BundleCommands.DeviceKeyShow(ctx))
                        .addSubcommand(new BundleCommands.DeviceKeyExport(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.BundleGroup())
                        .addSubcommand(new BundleCommands.Export(ctx))
                        .addSubcommand(new BundleCommands.Verify(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.SyncGroup())
                        .addSubcommand(new SyncCommands.Send(ctx))
                        .addSubcommand(new SyncCommands.Status(ctx)))
                .addSubcommand(new CoordinatorCommands.Import(ctx))
                .addSubcommand(new CommandLine(new TanikCommand.VolunteersGroup())
                        .addSubcommand(new CoordinatorCommands.ListVolunteers(ctx))
                        .addSubcommand(new CoordinatorCommands.Approve(ctx))
                        .addSubcommand(new CoordinatorCommands.Revoke(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.AuditGroup())
                        .addSubcommand(new AuditCommands.AuditList(ctx))
                        .addSubcommand(new AuditCommands.AuditVerify(ctx))
                        .addSubcommand(new AuditCommands.AuditArchive(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.IntakeGroup())
                        .addSubcommand(new IntakeCommands.Init(ctx))
                        .addSubcommand(new IntakeCommands.Trust(ctx))
                        .addSubcommand(new IntakeCommands.Serve(ctx))
                        .addSubcommand(new IntakeFetchCommand(ctx)))
                // Issue 18 DESK
                .addSubcommand(new CommandLine(new TanikCommand.ArchiveGroup())
                        .addSubcommand(new ArchiveCommands.ListArchive(ctx))
                        .addSubcommand(new ArchiveCommands.Search(ctx))
                        .addSubcommand(new ArchiveCommands.Show(ctx))
                        .addSubcommand(new ArchiveCommands.Export(ctx)))
                .addSubcommand(new CommandLine(new TanikCommand.ReportGroup())
                        .addSubcommand(new ArchiveCommands.Stats(ctx)));
        // After the subcommands are added: picocli then gives the bundle to every command of the tree.
        cli.setResourceBundle(Texts.of("org.tanik.i18n.cli_help", ctx.locale).bundle());
        return cli;
    }
}
