package org.tanik.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command and the command groups; the work happens in the leaf commands. Every description is in
 * the cli_help bundle, in the user's language.
 */
@Command(name = "tanik", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
class TanikCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** A group alone is a usage mistake: say which commands it has. */
    @Override
    public void run() {
        String sentence = spec.resourceBundle().getString("missingCommand");
        throw new ParameterException(spec.commandLine(), String.format(sentence, spec.subcommands().keySet()));
    }

    @Command(name = "vault", mixinStandardHelpOptions = true)
    static final class VaultGroup extends TanikCommand {
    }

    @Command(name = "org", mixinStandardHelpOptions = true)
    static final class OrgGroup extends TanikCommand {
    }

    @Command(name = "testimony", mixinStandardHelpOptions = true)
    static final class TestimonyGroup extends TanikCommand {
    }

    @Command(name = "device-key", mixinStandardHelpOptions = true)
    static final class DeviceKeyGroup extends TanikCommand {
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true)
    static final class BundleGroup extends TanikCommand {
    }

    @Command(name = "sync", mixinStandardHelpOptions = true)
    static final class SyncGroup extends TanikCommand {
    }

    @Command(name = "volunteers", mixinStandardHelpOptions = true)
    static final class VolunteersGroup extends TanikCommand {
    }

    @Command(name = "audit", mixinStandardHelpOptions = true)
    static final class AuditGroup extends TanikCommand {
    }

    @Command(name = "attachment", mixinStandardHelpOptions = true)
    static final class AttachmentGroup extends TanikCommand {
    }

    @Command(name = "consent", mixinStandardHelpOptions = true)
    static final class ConsentGroup extends TanikCommand {
    }

    /** The organisation's intake server (init, trust, serve); the coordinator's fetch joins it. */
    @Command(name = "intake", mixinStandardHelpOptions = true)
    static final class IntakeGroup extends TanikCommand {
    }

    /** The coordinator's archive: list, search, show, export (issue 18). */
    @Command(name = "archive", mixinStandardHelpOptions = true)
    static final class ArchiveGroup extends TanikCommand {
    }

    /** Reports made from the archive: statistics (issue 18). */
    @Command(name = "report", mixinStandardHelpOptions = true)
    static final class ReportGroup extends TanikCommand {
    }
}
