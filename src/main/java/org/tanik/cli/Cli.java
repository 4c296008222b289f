package org.tanik.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
        CommandLine cli = commandLine(ctx, args);
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
        return tree(ctx, BRANCHES.keySet());
    }

    /**
     * The tree a command line needs. Picocli reads every command's annotations when it is added, about
     * a fifth of a second for the whole tree, paid by every run (issue 19): a command line that names
     * its command first gets the root with that one branch, and {@code --version} the root alone.
     * Anything else (no argument, {@code --help}, a mistyped name) gets the whole tree, so help and the
     * suggestions for a mistake list every command.
     */
    static CommandLine commandLine(CommandContext ctx, String[] args) {
        if (args.length > 0 && BRANCHES.containsKey(args[0])) {
            return tree(ctx, List.of(args[0]));
        }
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return tree(ctx, List.of());
        }
        return commandLine(ctx);
    }

    private static CommandLine tree(CommandContext ctx, Collection<String> branches) {
        CommandLine cli = new CommandLine(new TanikCommand());
        for (String name : branches) {
            cli.addSubcommand(BRANCHES.get(name).apply(ctx));
        }
        // After the subcommands are added: picocli then gives the bundle to every command of the tree.
        cli.setResourceBundle(Texts.of("org.tanik.i18n.cli_help", ctx.locale).bundle());
        return cli;
    }

    private static CommandLine group(Object group, Object... commands) {
        CommandLine cli = new CommandLine(group);
        for (Object command : commands) {
            cli.addSubcommand(command);
        }
        return cli;
    }

    /** The top-level commands by name, in the order --help lists them; each builds its own branch. */
    private static final Map<String, Function<CommandContext, Object>> BRANCHES = branches();

    private static Map<String, Function<CommandContext, Object>> branches() {
        Map<String, Function<CommandContext, Object>> b = new LinkedHashMap<>();
        b.put("vault", ctx -> group(new TanikCommand.VaultGroup(),
                new VaultInitCommand(ctx),
                new ChangePassphraseCommand(ctx),
                // Issue 17 CORE
                new VaultDuressCommand.Set(ctx),
                new VaultDuressCommand.Clear(ctx),
                new VaultEraseCommand(ctx),
                new VaultWipeAfterCommand(ctx),
                // Issue 17 PORT
                new VaultBackupCommand(ctx),
                new VaultRestoreCommand(ctx)));
        b.put("testimony", ctx -> group(new TanikCommand.TestimonyGroup(),
                new TestimonyAddCommand(ctx),
                new TestimonyListCommand(ctx),
                new TestimonyShowCommand(ctx),
                new TestimonySealCommand(ctx)));
        b.put("attachment", ctx -> group(new TanikCommand.AttachmentGroup(),
                new AttachmentCommands.Add(ctx),
                new AttachmentCommands.ListAttachments(ctx),
                new AttachmentCommands.Export(ctx)));
        b.put("consent", ctx -> group(new TanikCommand.ConsentGroup(),
                new ConsentSetCommand(ctx)));
        b.put("org", ctx -> group(new TanikCommand.OrgGroup(),
                new OrgCommands.Init(ctx),
                new OrgCommands.Invite(ctx),
                new OrgCommands.AddIntake(ctx),
                new OrgCommands.ExportIdentity(ctx),
                // Issue 17 ORG
                new OrgCommands.Backup(ctx),
                new OrgCommands.Restore(ctx),
                new OrgCommands.Show(ctx),
                new OrgCommands.Rotate(ctx)));
        b.put("enrol", EnrolCommand::new);
        b.put("leave-organisation", LeaveOrganisationCommand::new);
        b.put("device-key", ctx -> group(new TanikCommand.DeviceKeyGroup(),
                new BundleCommands.DeviceKeyShow(ctx),
                new BundleCommands.DeviceKeyExport(ctx)));
        b.put("bundle", ctx -> group(new TanikCommand.BundleGroup(),
                new BundleCommands.Export(ctx),
                new BundleCommands.Verify(ctx)));
        b.put("sync", ctx -> group(new TanikCommand.SyncGroup(),
                new SyncCommands.Send(ctx),
                new SyncCommands.Status(ctx)));
        b.put("import", CoordinatorCommands.Import::new);
        b.put("volunteers", ctx -> group(new TanikCommand.VolunteersGroup(),
                new CoordinatorCommands.ListVolunteers(ctx),
                new CoordinatorCommands.Approve(ctx),
                new CoordinatorCommands.Revoke(ctx)));
        b.put("audit", ctx -> group(new TanikCommand.AuditGroup(),
                new AuditCommands.AuditList(ctx),
                new AuditCommands.AuditVerify(ctx),
                new AuditCommands.AuditArchive(ctx)));
        b.put("intake", ctx -> group(new TanikCommand.IntakeGroup(),
                new IntakeCommands.Init(ctx),
                new IntakeCommands.Trust(ctx),
                new IntakeCommands.Serve(ctx),
                new IntakeFetchCommand(ctx)));
        // Issue 18 DESK
        b.put("archive", ctx -> group(new TanikCommand.ArchiveGroup(),
                new ArchiveCommands.ListArchive(ctx),
                new ArchiveCommands.Search(ctx),
                new ArchiveCommands.Show(ctx),
                new ArchiveCommands.Export(ctx)));
        b.put("report", ctx -> group(new TanikCommand.ReportGroup(),
                new ArchiveCommands.Stats(ctx)));
        return Collections.unmodifiableMap(b);
    }
}
