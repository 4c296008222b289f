package org.tanik.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.store.VaultSession;
import org.tanik.volunteer.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Leaves the organisation this vault joined: the one deliberate step before joining another, so an
 * invitation can never move a vault to another organisation by itself. Asks first (or --yes), and
 * warns about sealed versions not yet sent, which would otherwise go to the next organisation joined.
 */
@Command(name = "leave-organisation", mixinStandardHelpOptions = true)
final class LeaveOrganisationCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--yes", descriptionKey = "leave-organisation.yes")
    boolean yes;

    private final CommandContext ctx;

    LeaveOrganisationCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = ctx.terminal.out();
        Enrolment enrolment = new Enrolment(ctx.services.clock());
        try (VaultSession vault = ctx.unlock(options)) {
            Invitation current = enrolment.require(vault);
            out.println(Terminal.oneLine(ctx.text("cli.leave.current", current.organisation(), current.fingerprint())));
            int unsent = new Outbox(ctx.services.clock()).pending(vault);
            if (unsent > 0) {
                ctx.terminal.err().println(Terminal.oneLine(ctx.text("cli.leave.unsent", unsent, current.organisation())));
            }
            if (!yes) {
                out.flush();
                ctx.terminal.err().flush();
                ctx.confirm(ctx.text("cli.leave.question", ctx.text("cli.confirm.yes")), ctx.text("cli.leave.noTerminal"));
            }
            enrolment.leave(vault);
            out.println(Terminal.oneLine(ctx.text("cli.leave.done", current.organisation())));
        }
        return 0;
    }
}
