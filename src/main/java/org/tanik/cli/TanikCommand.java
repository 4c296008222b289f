package org.tanik.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command and the command groups; the work happens in the leaf commands. */
@Command(name = "tanik", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tanik: record testimonies in an encrypted vault. Without arguments, opens the desktop app.")
class TanikCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** A group alone is a usage mistake: say which commands it has. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    @Command(name = "vault", mixinStandardHelpOptions = true, description = "Create a vault or change its passphrase.")
    static final class VaultGroup extends TanikCommand {
    }

    @Command(name = "org", mixinStandardHelpOptions = true,
            description = "The organisation's keys (coordinators): init, invite, export-identity.")
    static final class OrgGroup extends TanikCommand {
    }

    @Command(name = "testimony", mixinStandardHelpOptions = true, description = "Add, list, show and seal testimonies.")
    static final class TestimonyGroup extends TanikCommand {
    }

    @Command(name = "device-key", mixinStandardHelpOptions = true, description = "This vault's device signing key.")
    static final class DeviceKeyGroup extends TanikCommand {
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true, description = "Export and verify bundles.")
    static final class BundleGroup extends TanikCommand {
    }

    @Command(name = "volunteers", mixinStandardHelpOptions = true,
            description = "The registry of volunteer devices (coordinators): list, approve, revoke.")
    static final class VolunteersGroup extends TanikCommand {
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The coordinator's audit log (list, verify) and archive (archive).")
    static final class AuditGroup extends TanikCommand {
    }
}
