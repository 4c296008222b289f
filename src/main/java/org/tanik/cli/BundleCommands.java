package org.tanik.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.coordinator.BundleVerifier;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.DeviceKey;
import org.tanik.volunteer.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Making and checking bundles. */
final class BundleCommands {
    private BundleCommands() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "bundle.export.out")
        Path out;

        private final CommandContext ctx;

        Export(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                Outbox.Exported e = new Outbox(vault, ctx.services.clock()).export(out);
                ctx.terminal.out().println(ctx.text("cli.bundle.wrote", e.bundleId(), e.sequence(), e.records(),
                        e.file().toString()));
                ctx.terminal.out().println("SHA-256: " + e.fileSha256());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "FILE", descriptionKey = "bundle.verify.file")
        Path file;

        @Option(names = "--identity", paramLabel = "AGE_IDENTITY_FILE",
                descriptionKey = "bundle.verify.identity")
        Path identityFile;

        @Option(names = "--device-key", paramLabel = "KEY",
                descriptionKey = "bundle.verify.device-key")
        String deviceKey;

        private final CommandContext ctx;

        Verify(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws IOException {
            if ((identityFile == null) != (deviceKey == null) && identityFile != null) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.identityNeedsDeviceKey"));
            }
            BundleVerifier.Verdict verdict;
            try {
                byte[] expected = deviceKey == null ? null : BundleVerifier.deviceKey(deviceKey);
                verdict = verifier().verify(file, expected);
            } catch (BundleVerifier.UnusableInput e) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text(switch (e.what()) {
                    case DEVICE_KEY -> "cli.invalid.deviceKey";
                    case IDENTITY_FILE -> "cli.invalid.identityFile";
                    case IDENTITY_FILE_LINES -> "cli.invalid.identityFileLines";
                }));
            }
            ObjectNode summary = Json.mapper().createObjectNode();
            summary.put("file", file.toString());
            BundleVerifier.Details b = verdict.details();
            if (b != null) {
                summary.put("bundleId", b.bundleId());
                summary.put("device", b.device());
                summary.put("deviceKey", b.deviceKey());
                summary.put("sequence", b.sequence());
                summary.put("previousBundleSha256", b.previousBundleSha256());
                summary.put("createdAt", b.createdAt());
                summary.put("records", b.records());
                summary.put("fileSha256", b.fileSha256());
            }
            if (verdict.otherDevice()) {
                summary.put("verdict", "invalid");
                summary.put("reasonCode", "UNEXPECTED_DEVICE");
                summary.put("reason", ctx.text("cli.verify.differentDevice"));
            } else if (verdict.refusal() != null) {
                summary.put("verdict", "invalid");
                // The code for scripts, the sentence for people, in the chosen language.
                summary.put("reasonCode", verdict.refusal().code());
                summary.put("reason", verdict.refusal().text(ctx.locale));
            } else {
                summary.put("verdict", "valid");
            }
            ctx.terminal.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            return verdict.valid() ? 0 : Cli.PROBLEM;
        }

        /** With the exported identity file when given, else with the organisation's key from the vault. */
        private BundleVerifier verifier() {
            if (identityFile != null) {
                return BundleVerifier.withIdentityFile(identityFile, ctx.services.vocabulary());
            }
            try (OpenVault vault = ctx.open(options)) {
                return ctx.desk(vault).bundleVerifier();
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class DeviceKeyShow implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        private final CommandContext ctx;

        DeviceKeyShow(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (OpenVault vault = ctx.open(options)) {
                DeviceKey key = new DeviceKey(vault);
                ctx.terminal.out().println(ctx.text("cli.device.fingerprint", key.fingerprint()));
                ctx.terminal.out().println(ctx.text("cli.device.key", key.publicKeyBase64()));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class DeviceKeyExport implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--pem", descriptionKey = "device-key.export.pem")
        boolean pem;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "device-key.export.out")
        Path out;

        private final CommandContext ctx;

        DeviceKeyExport(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return ctx.withVault(options, vault -> {
                DeviceKey key = new DeviceKey(vault);
                if (out == null) {
                    ctx.terminal.out().print(key.export(pem));
                } else {
                    key.exportTo(out, pem);
                }
                return 0;
            });
        }
    }
}
