package org.tanik.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.BundleAcceptance;
import org.tanik.coordinator.ImportNote;
import org.tanik.coordinator.RecordValidator;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
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
            byte[] expected = deviceKey == null ? null : readDeviceKey(deviceKey);
            X25519Identity identity = identityFile != null ? readIdentity(identityFile) : orgIdentity();
            ObjectNode summary = Json.mapper().createObjectNode();
            summary.put("file", file.toString());
            boolean valid = false;
            try (InputStream in = Files.newInputStream(file)) {
                VerifiedBundle b = BundleReader.read(in, List.of(identity), BundleLimits.DEFAULT);
                summary.put("bundleId", b.manifest().bundleId().toString());
                summary.put("device", b.deviceFingerprint());
                summary.put("deviceKey", Base64.getEncoder().encodeToString(b.devicePublicKey()));
                summary.put("sequence", b.manifest().sequence());
                summary.put("previousBundleSha256", b.manifest().previousBundleSha256());
                summary.put("createdAt", b.manifest().createdAt().toString());
                summary.put("records", b.testimonies().size());
                summary.put("fileSha256", b.fileSha256());
                // The import's own rules, so that verify never calls valid what import would refuse.
                ImportNote refused = new BundleAcceptance(new RecordValidator(ctx.services.vocabulary()),
                        List.of(identity.recipient().encode())).firstProblem(b);
                if (expected != null && !java.util.Arrays.equals(expected, b.devicePublicKey())) {
                    summary.put("verdict", "invalid");
                    summary.put("reasonCode", "UNEXPECTED_DEVICE");
                    summary.put("reason", ctx.text("cli.verify.differentDevice"));
                } else if (refused != null) {
                    summary.put("verdict", "invalid");
                    summary.put("reasonCode", refused.code());
                    summary.put("reason", refused.text(ctx.locale));
                } else {
                    summary.put("verdict", "valid");
                    valid = true;
                }
            } catch (BundleException e) {
                summary.put("verdict", "invalid");
                // The code for scripts, the sentence for people, in the chosen language.
                summary.put("reasonCode", e.reason().name());
                summary.put("reason", e.message(ctx.locale));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new TanikException(Problem.IO_FAILURE, e, file.toString());
            } finally {
                identity.destroy();
            }
            ctx.terminal.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            return valid ? 0 : Cli.PROBLEM;
        }

        private X25519Identity orgIdentity() {
            try (VaultSession vault = ctx.unlock(options)) {
                return Organisation.require(vault).identity();
            }
        }

        private X25519Identity readIdentity(Path path) {
            try {
                List<X25519Identity> found = new ArrayList<>();
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (line.startsWith("AGE-SECRET-KEY-1")) {
                        found.add(X25519Identity.parse(line.strip()));
                    }
                }
                if (found.size() != 1) {
                    throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.identityFileLines"));
                }
                return found.get(0);
            } catch (IOException e) {
                throw new TanikException(Problem.IO_FAILURE, e, path.toString());
            } catch (IllegalArgumentException e) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.identityFile"));
            }
        }

        private byte[] readDeviceKey(String key) {
            try {
                Path p = Path.of(key);
                if (Files.isRegularFile(p)) {
                    return Ed25519Pem.parse(Files.readString(p, StandardCharsets.US_ASCII));
                }
                byte[] raw = Base64.getDecoder().decode(key.strip());
                if (raw.length != 32) {
                    throw new IllegalArgumentException("length");
                }
                return raw;
            } catch (IOException | IllegalArgumentException e) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.deviceKey"));
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
            String text;
            try (OpenVault vault = ctx.open(options)) {
                text = new DeviceKey(vault).export(pem);
            }
            if (out == null) {
                ctx.terminal.out().print(text);
            } else {
                OrgCommands.write(out, text.getBytes(StandardCharsets.US_ASCII));
            }
            return 0;
        }
    }
}
