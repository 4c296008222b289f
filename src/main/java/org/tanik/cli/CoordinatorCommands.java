package org.tanik.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.imports.ImportNote;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.coordinator.imports.QuarantineLimits;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Device;
import org.tanik.model.Json;
import org.tanik.session.OpenVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The coordinator's commands: the volunteer registry and importing bundles. */
final class CoordinatorCommands {
    private CoordinatorCommands() {
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "import.file")
        List<Path> files;

        @Option(names = "--max-held-mib", paramLabel = "MIB", descriptionKey = "import.max-held-mib")
        long maxHeldMib = QuarantineLimits.DEFAULT.maxHeldBundleBytes() >> 20;

        @Option(names = "--max-pending-devices", paramLabel = "N", descriptionKey = "import.max-pending-devices")
        int maxPendingDevices = QuarantineLimits.DEFAULT.maxPendingDevices();

        private final CommandContext ctx;

        Import(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            int[] reported = {0};
            if (maxHeldMib < 1 || maxHeldMib > 1024 || maxPendingDevices < 1) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.quarantineLimits"));
            }
            QuarantineLimits quarantine = new QuarantineLimits(maxHeldMib << 20, maxPendingDevices);
            List<ImportResult> results;
            try (OpenVault vault = ctx.open(options)) {
                CoordinatorDesk desk = ctx.desk(vault);
                desk.requireOrganisation(); // refused before any file is named
                try {
                    results = desk.importFiles(files, quarantine, (done, n, r) -> {
                        printVerdict(ctx, r);
                        reported[0] = done;
                    });
                } catch (RuntimeException e) {
                    // A failure that is not a bundle's (a full disk) stops the import; each bundle is
                    // all-or-nothing, so the files without a verdict line have nothing stored.
                    notImported(files.subList(reported[0], files.size()));
                    throw e;
                }
            }
            return exitCode(results);
        }

        /** One verdict line, as {@code import} and {@code intake fetch} print it. */
        static void printVerdict(CommandContext ctx, ImportResult r) {
            ctx.terminal.out().println(Terminal.oneLine(r.line(ctx.locale))); // file names come from senders
            ctx.terminal.out().flush();
        }

        /** The exit code after an import: a refused bundle is a problem the coordinator should look at. */
        static int exitCode(List<ImportResult> results) {
            return results.stream().anyMatch(r -> r.verdict() == ImportResult.Verdict.REJECTED) ? Cli.PROBLEM : 0;
        }

        private void notImported(List<Path> rest) {
            if (rest.isEmpty()) {
                return;
            }
            String names = rest.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                    .map(Terminal::oneLine).collect(java.util.stream.Collectors.joining(", "));
            ctx.terminal.err().println(new ImportNote("import.notImported", List.of(names)).text(ctx.locale));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListVolunteers implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--json", descriptionKey = "volunteers.list.json")
        boolean json;

        private final CommandContext ctx;

        ListVolunteers(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Device> devices;
            try (OpenVault vault = ctx.open(options)) {
                devices = ctx.desk(vault).volunteers();
            }
            PrintWriter out = ctx.terminal.out();
            if (json) {
                var array = Json.mapper().createArrayNode();
                for (Device d : devices) {
                    var o = array.addObject();
                    o.put("fingerprint", d.fingerprint());
                    o.put("id", d.id());
                    o.put("label", d.label());
                    o.put("state", d.state().name().toLowerCase(java.util.Locale.ROOT));
                    o.put("firstSeen", d.firstSeen().toString());
                    o.put("lastSeen", d.lastSeen().toString());
                    o.put("lastSequence", d.lastSequence());
                    o.put("revokedAt", d.revokedAt() == null ? null : d.revokedAt().toString());
                    o.put("revokeReason", d.revokeReason().isEmpty() ? null : d.revokeReason());
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return 0;
            }
            out.printf("%-35s  %-8s  %-5s  %-20s  %s%n", (Object[]) ctx.text("cli.volunteers.columns").split("\\|"));
            for (Device d : devices) {
                out.printf("%-35s  %-8s  %-5d  %-20s  %s%n", d.fingerprint(), ctx.text("cli.volunteers.state." + d.state().name()),
                        d.lastSequence(), d.lastSeen().toString().substring(0, 19) + "Z",
                        Terminal.oneLine(d.revokeReason().isEmpty() ? d.label()
                                : ctx.text("cli.volunteers.revokedBecause", d.label(), d.revokeReason())));
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true)
    static final class Approve implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "FINGERPRINT", descriptionKey = "volunteers.approve.fingerprint")
        String fingerprint;

        @Option(names = "--label", required = true, paramLabel = "L", descriptionKey = "volunteers.approve.label")
        String label;

        private final CommandContext ctx;

        Approve(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<ImportResult> released;
            try (OpenVault vault = ctx.open(options)) {
                released = ctx.desk(vault).approve(fingerprint, label);
            }
            ctx.terminal.out().println(Terminal.oneLine(ctx.text("cli.volunteers.approved", fingerprint, label)));
            released.forEach(r -> ctx.terminal.out().println(Terminal.oneLine(r.line(ctx.locale))));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "FINGERPRINT", descriptionKey = "volunteers.revoke.fingerprint")
        String fingerprint;

        @Option(names = "--reason", required = true, paramLabel = "R", descriptionKey = "volunteers.revoke.reason")
        String reason;

        private final CommandContext ctx;

        Revoke(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                ctx.desk(vault).revoke(fingerprint, reason);
            }
            ctx.terminal.out().println(ctx.text("cli.volunteers.revoked", fingerprint));
            return 0;
        }
    }
}
