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

@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Join an organisation with its invitation file. Compare the fingerprints with the coordinator.")
final class EnrolCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "INVITE", description = "The invitation file from the coordinator.")
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
            previous.ifPresent(p -> ctx.terminal.err().println("Warning: this vault was enrolled with \""
                    + p.organisation() + "\"; it now sends to \"" + inv.organisation() + "\" instead."));
            ctx.terminal.out().println("Joined " + inv.organisation() + ".");
            ctx.terminal.out().println("Organisation fingerprint: " + inv.fingerprint());
            ctx.terminal.out().println("This device's fingerprint: " + vault.device().fingerprint());
            ctx.terminal.out().println("Read both to the coordinator by phone or in person; they must match what the "
                    + "coordinator sees. If they do not, do not send anything.");
        }
        return 0;
    }
}
