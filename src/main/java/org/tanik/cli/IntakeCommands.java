package org.tanik.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tanik.intake.IntakeFolder;
import org.tanik.intake.IntakeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The organisation's intake server: create its data folder, record the organisation's key, run it.
 * No vault and no passphrase: the intake holds only ciphertext and public keys.
 */
final class IntakeCommands {
    private IntakeCommands() {
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", descriptionKey = "intake.data")
        Path data;

        @Option(names = "--listen", paramLabel = "HOST:PORT", descriptionKey = "intake.init.listen")
        String listen;

        @Option(names = "--organisation-key", paramLabel = "KEY", descriptionKey = "intake.init.organisation-key")
        String organisationKey;

        private final CommandContext ctx;

        Init(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            IntakeFolder.Created created = new IntakeFolder(data).init(listen, organisationKey);
            ctx.terminal.out().println(ctx.text("cli.intake.tlsPin", created.tlsPin()));
            ctx.terminal.out().println(ctx.text("cli.intake.key", created.intakeKey()));
            return 0;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true)
    static final class Trust implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", descriptionKey = "intake.data")
        Path data;

        @Option(names = "--organisation-key", required = true, paramLabel = "KEY",
                descriptionKey = "intake.trust.organisation-key")
        String organisationKey;

        private final CommandContext ctx;

        Trust(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            new IntakeFolder(data).trust(organisationKey);
            ctx.terminal.out().println(ctx.text("cli.intake.trusted"));
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true)
    static final class Serve implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", descriptionKey = "intake.data")
        Path data;

        private final CommandContext ctx;

        Serve(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws InterruptedException {
            IntakeServer server = IntakeServer.start(data);
            // SIGTERM (systemd stop) runs the hooks: Jetty finishes what it can, the index closes cleanly.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "intake-stop"));
            ctx.terminal.out().println(ctx.text("cli.intake.listening", server.url()));
            ctx.terminal.out().flush();
            server.join();
            return 0;
        }
    }
}
