package org.tanik.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.vault.VaultSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "enrol", mixinStandardHelpOptions = true)
final class EnrolCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "INVITE", descriptionKey = "enrol.invite")
    Path invite;

    private final CommandContext ctx;

    EnrolCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        byte[] file;
        try {
            file = Files.readAllBytes(invite);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, invite.toString());
        }
        Enrolment enrolment = new Enrolment(ctx.services.clock());
        Invitation inv = enrolment.check(file);
        try (VaultSession vault = ctx.unlock(options)) {
            Optional<Invitation> previous = enrolment.enrol(vault, file);
            // The organisation's name comes from the invitation file: one line of the terminal, whatever it holds.
            previous.ifPresent(p -> ctx.terminal.err().println(Terminal.oneLine(ctx.text("cli.enrol.replaced",
                    p.organisation(), inv.organisation()))));
            ctx.terminal.out().println(Terminal.oneLine(ctx.text("cli.enrol.joined", inv.organisation())));
            ctx.terminal.out().println(ctx.text("cli.enrol.orgFingerprint", inv.fingerprint()));
            ctx.terminal.out().println(ctx.text("cli.enrol.deviceFingerprint", vault.device().fingerprint()));
            ctx.terminal.out().println(ctx.text("cli.enrol.compare"));
        }
        return 0;
    }
}
